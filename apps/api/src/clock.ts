import { eq } from "drizzle-orm";
import type { Db } from "@gradewatch/db";
import { districtSetting } from "@gradewatch/db/schema";

/** The one source of "now". A simulated clock starts at a given instant and runs forward in real time. */
export interface Clock {
  now(): Date;
  readonly simulated: boolean;
}

export const realClock: Clock = { now: () => new Date(), simulated: false };

export function startedClock(start: Date, realNow: () => number = Date.now): Clock {
  const offset = start.getTime() - realNow();
  return { now: () => new Date(realNow() + offset), simulated: true };
}

export function fixedClock(at: Date): Clock {
  return { now: () => new Date(at), simulated: true };
}

/**
 * CLOCK_START=real runs on real time; an ISO instant starts a simulated clock there; otherwise the
 * database's `clock_start` setting (written by the demo seed) is used, or real time when it has none.
 */
export async function resolveClock(db: Db, clockStart: string | undefined): Promise<Clock> {
  if (clockStart === "real") return realClock;
  if (clockStart) return startedClock(parseStart(clockStart, "CLOCK_START"));
  const [row] = await db.select().from(districtSetting).where(eq(districtSetting.key, "clock_start"));
  return row ? startedClock(parseStart(row.value, "district_setting.clock_start")) : realClock;
}

function parseStart(value: string, source: string): Date {
  const start = new Date(value);
  if (Number.isNaN(start.getTime())) {
    throw new Error(`${source} must be "real" or an ISO date-time such as 2014-11-05T08:00:00-08:00 (got "${value}")`);
  }
  return start;
}
