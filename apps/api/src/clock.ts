import { performance } from "node:perf_hooks";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@gradewatch/db";
import { districtSetting } from "@gradewatch/db/schema";

/** The one source of "now". A simulated clock starts at a given instant and runs forward in real time. */
export interface Clock {
  now(): Date;
  readonly simulated: boolean;
}

export const realClock: Clock = { now: () => new Date(), simulated: false };

// performance.now() never steps back, even when the machine's wall clock is set back.
const monotonic = () => performance.timeOrigin + performance.now();

export function startedClock(start: Date, realNow: () => number = monotonic): Clock {
  const offset = start.getTime() - realNow();
  return { now: () => new Date(realNow() + offset), simulated: true };
}

export function fixedClock(at: Date): Clock {
  return { now: () => new Date(at), simulated: true };
}

/** district_setting key of the simulated instant last saved: a restart continues from there. */
export const CLOCK_NOW_SETTING = "clock_now";

/**
 * The latest instant the installation has recorded: the saved simulated instant and every time written by
 * the clock into history (a process killed between two saves still wrote those). Read as SYSTEM, so
 * row-level security hides nothing.
 */
export async function recordedFloor(db: Db): Promise<Date | undefined> {
  const rows = await db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('gradewatch.actor_role', 'SYSTEM', true)`);
    return tx.execute(sql`select greatest(
        (select value::timestamptz from district_setting where key = ${CLOCK_NOW_SETTING}),
        (select max(changed_at) from mark_history),
        (select max(updated_at) from mark),
        (select max(created_at) from mark_operation),
        (select max(changed_at) from deadline_change),
        (select max(created_at) from deadline_extension),
        (select max(coalesce(ended_at, started_at)) from enrollment),
        (select max(changed_at) from operations_change),
        (select max(changed_at) from problem_report_history),
        (select max(coalesce(revoked_at, created_at)) from session)
      )::text as floor`);
  });
  const floor = (rows as unknown as { rows: { floor: string | null }[] }).rows[0]?.floor;
  return floor ? new Date(floor) : undefined;
}

/** Saves the simulated instant, never lowering the one saved before (another process may be ahead). */
export async function saveClock(db: Db, clock: Clock): Promise<void> {
  const value = clock.now().toISOString();
  await db
    .insert(districtSetting)
    .values({ key: CLOCK_NOW_SETTING, value, updatedAt: new Date() })
    .onConflictDoUpdate({
      target: districtSetting.key,
      set: {
        value: sql`case when ${districtSetting.value}::timestamptz < excluded.value::timestamptz then excluded.value else ${districtSetting.value} end`,
        updatedAt: new Date(),
      },
    });
}

/** Saves a simulated clock now, every `everyMs`, and when stopped; a real clock needs none of it. */
export function keepClock(db: Db, clock: Clock, onError: (err: unknown) => void, everyMs = 15_000): { stop(): Promise<void> } {
  if (!clock.simulated) return { stop: async () => {} };
  const save = () => saveClock(db, clock).catch(onError);
  void save();
  const timer = setInterval(() => void save(), everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await save();
    },
  };
}

export interface ResolvedClock {
  clock: Clock;
  /** Set when the configured start lay before what was already recorded, so the clock starts later. */
  movedFrom?: Date;
}

/**
 * CLOCK_START=real runs on real time; an ISO instant starts a simulated clock there; otherwise the
 * database's `clock_start` setting (written by the demo seed) is used, or real time when it has none.
 * A simulated clock never starts before the latest recorded instant: history stays in time order.
 */
export async function resolveClock(db: Db, clockStart: string | undefined, realNow?: () => number): Promise<ResolvedClock> {
  if (clockStart === "real") return { clock: realClock };
  let start: Date;
  if (clockStart) start = parseStart(clockStart, "CLOCK_START");
  else {
    const [row] = await db.select().from(districtSetting).where(eq(districtSetting.key, "clock_start"));
    if (!row) return { clock: realClock };
    start = parseStart(row.value, "district_setting.clock_start");
  }
  const floor = await recordedFloor(db);
  if (floor && floor > start) return { clock: startedClock(floor, realNow), movedFrom: start };
  return { clock: startedClock(start, realNow) };
}

function parseStart(value: string, source: string): Date {
  const start = new Date(value);
  if (Number.isNaN(start.getTime())) {
    throw new Error(`${source} must be "real" or an ISO date-time such as 2014-11-05T08:00:00-08:00 (got "${value}")`);
  }
  return start;
}
