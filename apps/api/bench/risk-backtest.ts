// Backtest of the risk forecast: for every elementary school, the level that factsAsOf + forecastRisk give as
// of 5 and as of 3 school days before the school's (effective) deadline, against whether the school actually
// finished by its deadline (every mark expected at the deadline entered by the end of the deadline day).
// Printed beside the naive rule "below X% complete", X tuned on the same data for its best F1.
//
// BENCH_RISK_URLS: comma-separated lausd-seeded databases (default .../gw_rush); each is only read.
// BENCH_RISK_ALT=1 also replays histories the seed did not write: the first database is copied (PostgreSQL
// template) to BENCH_RISK_ALT_DB (default gw_rush_alt), its marks are replaced by those of a second, different
// behavioural simulator (see `simulateAlt` below), and the same backtest runs on the copy.
import { createDb, type Db } from "@gradewatch/db";
import { endOfDay, forecastRisk, localDate, type RiskLevel, schoolDaysBetween, zonedInstant } from "@gradewatch/domain";
import { sql } from "drizzle-orm";
import pg from "pg";
import { factsAsOf } from "../src/features/risk/risk-facts.as-of.js";
import { adminUrl } from "./util.js";

const urls = (process.env.BENCH_RISK_URLS ?? "postgres://postgres@127.0.0.1:5432/gw_rush").split(",").filter(Boolean);
const ALT = process.env.BENCH_RISK_ALT === "1";
const ALT_DB = process.env.BENCH_RISK_ALT_DB ?? "gw_rush_alt";
const HORIZONS = [5, 3];
const FLAGGED: readonly RiskLevel[] = ["AT_RISK", "CRITICAL"];

async function rows<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

interface Score {
  precision: number;
  recall: number;
  f1: number;
  flagged: number;
}

function score(flags: boolean[], missed: boolean[]): Score {
  let tp = 0;
  let flagged = 0;
  const positives = missed.filter(Boolean).length;
  flags.forEach((f, i) => {
    if (f) flagged++;
    if (f && missed[i]) tp++;
  });
  const precision = flagged ? tp / flagged : 0;
  const recall = positives ? tp / positives : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, flagged };
}

/** The naive rule "below X% complete", X (0-100, step 0.5) tuned for its best F1 on the same data. */
function naive(percents: number[], missed: boolean[]): Score & { x: number } {
  let best = { ...score(percents.map(() => false), missed), x: 0 };
  for (let x = 0.5; x <= 100; x += 0.5) {
    const s = score(
      percents.map((p) => p < x),
      missed,
    );
    if (s.f1 > best.f1) best = { ...s, x };
  }
  return best;
}

interface Line {
  data: string;
  horizon: number;
  schools: number;
  missed: number;
  forecast: Score;
  naive: Score & { x: number };
  levels: Record<RiskLevel, number>;
  asOfMs: number;
}

async function backtest(db: Db, label: string): Promise<Line[]> {
  const [period] = await rows<{ id: number; window_opens_on: string }>(
    db,
    sql`select id, window_opens_on::text as window_opens_on from reporting_period where level = 'ELEMENTARY' order by id limit 1`,
  );
  const elementary = (await rows<{ id: number }>(db, sql`select id from school where level = 'ELEMENTARY' order by id`)).map((r) => r.id);
  // The deadline each school ended up with, then whether it was done at the end of that day.
  const late = await factsAsOf(db, { periodId: period!.id, at: new Date("2015-06-30T00:00:00Z"), schoolIds: elementary });
  const byDeadline = new Map<string, number[]>();
  for (const s of late.values()) {
    const day = localDate(s.facts.deadline);
    byDeadline.set(day, [...(byDeadline.get(day) ?? []), s.schoolId]);
  }
  const missed = new Map<number, boolean>();
  for (const [day, ids] of byDeadline) {
    for (const s of (await factsAsOf(db, { periodId: period!.id, at: endOfDay(day), schoolIds: ids })).values()) {
      missed.set(s.schoolId, s.facts.entered < s.facts.expected);
    }
  }
  const lines: Line[] = [];
  for (const horizon of HORIZONS) {
    const percents: number[] = [];
    const flags: boolean[] = [];
    const outcome: boolean[] = [];
    const levels: Record<RiskLevel, number> = { COMPLETE: 0, ON_TRACK: 0, AT_RISK: 0, CRITICAL: 0 };
    let asOfMs = 0;
    for (const [day, ids] of byDeadline) {
      // "5 school days before the deadline": the start of the day from which 5 school days are left.
      const days = schoolDaysBetween(period!.window_opens_on, day);
      const at = zonedInstant(days[days.length - horizon]!);
      const started = performance.now();
      const facts = await factsAsOf(db, { periodId: period!.id, at, schoolIds: ids });
      asOfMs += performance.now() - started;
      for (const s of facts.values()) {
        const f = forecastRisk(s.facts);
        levels[f.level]++;
        percents.push(f.percent);
        flags.push(FLAGGED.includes(f.level));
        outcome.push(missed.get(s.schoolId)!);
      }
    }
    lines.push({
      data: label,
      horizon,
      schools: outcome.length,
      missed: outcome.filter(Boolean).length,
      forecast: score(flags, outcome),
      naive: naive(percents, outcome),
      levels,
      asOfMs,
    });
  }
  return lines;
}

/** Whole-district as-of ranking time (all schools with elementary sections), PostgreSQL. */
async function rankingTime(db: Db): Promise<number> {
  const [period] = await rows<{ id: number }>(db, sql`select id from reporting_period where level = 'ELEMENTARY' order by id limit 1`);
  const samples: number[] = [];
  for (const at of ["2014-11-05T17:00:00-08:00", "2014-11-07T12:00:00-08:00", "2014-11-12T09:00:00-08:00"]) {
    const started = performance.now();
    const facts = await factsAsOf(db, { periodId: period!.id, at: new Date(at) });
    [...facts.values()].map((s) => forecastRisk(s.facts)).sort((a, b) => b.score - a.score);
    samples.push(performance.now() - started);
  }
  return samples.sort((a, b) => a - b)[1]!;
}

// ---------------------------------------------------------------------------------------------------------
// A second behavioural simulator, written independently of the seed's model (no code shared with it):
// everybody works toward November 14 from the start (no announcement); a teacher starts on a day drawn
// from how many school days before the deadline they leave themselves (3 + geometric), then works on each
// school day with a personal probability (45-95%; every day of the last three), at a constant personal
// daily rate (meant to finish with room to spare, times 0.8-1.6: some overestimate themselves) that ramps
// up linearly (not as 1/time left) over the last four school days; each day a teacher may drop out
// (hazard 0.6%), half of those
// come back after a geometric number of days; some schools lose a stretch of days school-wide (a broken
// computer lab, a network problem), during which nobody there enters anything. Marks are typed at a
// random time between 3:30 and 8:30 pm. No outage, no mark history: only marks and their times.

class Rng {
  constructor(private s: number) {}
  next(): number {
    // xorshift32
    this.s ^= this.s << 13;
    this.s ^= this.s >>> 17;
    this.s ^= this.s << 5;
    return (this.s >>> 0) / 4294967296;
  }
  range(a: number, b: number) {
    return a + (b - a) * this.next();
  }
  geometric(p: number) {
    let n = 0;
    while (this.next() > p && n < 60) n++;
    return n;
  }
}

async function simulateAlt(db: Db): Promise<void> {
  const [period] = await rows<{ id: number; window_opens_on: string }>(
    db,
    sql`select id, window_opens_on::text as window_opens_on from reporting_period where level = 'ELEMENTARY' order by id limit 1`,
  );
  const items = (await rows<{ id: number }>(db, sql`select id from grading_item where period_id = ${period!.id} order by position`)).map((r) => r.id);
  const enrolled = await rows<{ school_id: number; section_id: number; student_id: number; teacher_id: number }>(
    db,
    sql`select s.school_id, e.section_id, e.student_id, s.teacher_id from enrollment e join section s on s.id = e.section_id
      where s.level = 'ELEMENTARY' and e.ended_at is null order by s.school_id, s.teacher_id, e.section_id, e.student_id`,
  );
  const deadline = "2014-11-14";
  const days = schoolDaysBetween(period!.window_opens_on, deadline);
  const rng = new Rng(20141105);
  const schoolBlock = new Map<number, Set<string>>();
  const byTeacher = new Map<number, typeof enrolled>();
  for (const e of enrolled) {
    const list = byTeacher.get(e.teacher_id) ?? [];
    list.push(e);
    byTeacher.set(e.teacher_id, list);
    if (!schoolBlock.has(e.school_id)) {
      const blocked = new Set<string>();
      if (rng.next() < 0.08) {
        const from = Math.floor(rng.range(3, days.length - 2));
        const length = 1 + rng.geometric(0.3);
        for (let i = from; i < Math.min(days.length, from + length); i++) blocked.add(days[i]!);
      }
      schoolBlock.set(e.school_id, blocked);
    }
  }
  const cols = { school: [] as number[], section: [] as number[], student: [] as number[], item: [] as number[], by: [] as number[], at: [] as number[] };
  for (const [teacherId, list] of byTeacher) {
    const n = list.length * items.length;
    const before = 3 + rng.geometric(0.15);
    const startIndex = Math.max(0, days.length - before);
    const workChance = rng.range(0.45, 0.95);
    // A pace chosen to finish with room to spare, give or take: some overestimate themselves.
    const rate = (n / Math.max(1, workChance * (days.length - startIndex) * 0.4)) * rng.range(0.8, 1.6);
    const ramp = rng.range(0, 2.5);
    let out = false;
    let backOn = Infinity;
    let done = 0;
    const times: number[] = [];
    const blocked = schoolBlock.get(list[0]!.school_id)!;
    for (let i = startIndex; i < days.length && done < n; i++) {
      const day = days[i]!;
      if (!out && rng.next() < 0.006) {
        out = true;
        backOn = rng.next() < 0.5 ? i + 1 + rng.geometric(0.35) : Infinity;
      }
      if (out && i >= backOn) out = false;
      const fromEnd = days.length - 1 - i;
      // The last three school days nobody skips.
      if (out || blocked.has(day) || (fromEnd >= 3 && rng.next() > workChance)) continue;
      const today = Math.min(n - done, Math.round(rate * (1 + (fromEnd < 4 ? (ramp * (4 - fromEnd)) / 4 : 0)) * rng.range(0.6, 1.4)));
      const start = zonedInstant(day, "15:30").getTime() + rng.range(0, 5 * 3600_000);
      for (let k = 0; k < today; k++) times.push(start + k * rng.range(15_000, 60_000));
      done += today;
    }
    // Weekend catch-up is not modelled; the rest is typed in order, section by section, student by student.
    let k = 0;
    for (const e of list) {
      for (const item of items) {
        if (k >= times.length) break;
        cols.school.push(e.school_id);
        cols.section.push(e.section_id);
        cols.student.push(e.student_id);
        cols.item.push(item);
        cols.by.push(teacherId);
        cols.at.push(times[k++]!);
      }
    }
  }
  // The marks are replaced with every trigger off, then the completion counters (which a replay reads) are
  // counted again from them, as the seed does.
  await db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('gradewatch.history_reset', 'on', true)`);
    await tx.execute(sql`set local session_replication_role = replica`);
    await tx.execute(sql`truncate mark_history, mark`);
    const BATCH = 100_000;
    for (let i = 0; i < cols.at.length; i += BATCH) {
      const slice = (a: number[]) => a.slice(i, i + BATCH);
      await tx.execute(sql`insert into mark (school_id, period_id, section_id, student_id, grading_item_id, value, entered_by_id, entered_at, updated_at, version)
        select school_id, ${period!.id}, section_id, student_id, item, '3', by, to_timestamp(at / 1000.0), to_timestamp(at / 1000.0), 1
        from unnest(${sql.param(slice(cols.school))}::int[], ${sql.param(slice(cols.section))}::int[], ${sql.param(slice(cols.student))}::int[], ${sql.param(slice(cols.item))}::int[],
          ${sql.param(slice(cols.by))}::int[], ${sql.param(slice(cols.at))}::float8[]) as u(school_id, section_id, student_id, item, by, at)`);
    }
    await tx.execute(sql`set local session_replication_role = origin`);
    await tx.execute(sql`select gw_rebuild_completion()`);
  });
  await db.execute(sql`analyze mark`);
}

async function cloneForAlt(source: string): Promise<string> {
  const sourceName = new URL(source).pathname.slice(1);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${ALT_DB} with (force)`);
  await admin.query(`create database ${ALT_DB} template ${sourceName}`);
  await admin.end();
  const url = new URL(source);
  url.pathname = `/${ALT_DB}`;
  return url.toString();
}

const pct = (n: number) => n.toFixed(2);
const lines: Line[] = [];
let ranking: number | undefined;
for (const url of urls) {
  const database = await createDb({ databaseUrl: url, migrate: false, poolSize: 2 });
  const [seed] = await rows<{ n: number }>(database.db, sql`select count(*)::int as n from school`);
  const label = `${new URL(url).pathname.slice(1)} (${seed!.n} schools)`;
  lines.push(...(await backtest(database.db, label)));
  ranking ??= await rankingTime(database.db);
  await database.close();
}
if (ALT) {
  const altUrl = await cloneForAlt(urls[0]!);
  const database = await createDb({ databaseUrl: altUrl, migrate: false, poolSize: 2 });
  await simulateAlt(database.db);
  lines.push(...(await backtest(database.db, `${ALT_DB} (second simulator)`)));
  await database.close();
}

console.log(`\nrisk backtest: elementary schools, AT_RISK+CRITICAL vs the naive rule "below X% complete" (X tuned for best F1 on the same data)\n`);
console.log(
  ["data", "days before", "schools", "missed", "forecast P", "R", "F1", "flagged", "naive X%", "P", "R", "F1", "flagged", "levels C/OT/AR/CR"].join(" | "),
);
for (const l of lines) {
  console.log(
    [
      l.data,
      l.horizon,
      l.schools,
      l.missed,
      pct(l.forecast.precision),
      pct(l.forecast.recall),
      pct(l.forecast.f1),
      l.forecast.flagged,
      l.naive.x,
      pct(l.naive.precision),
      pct(l.naive.recall),
      pct(l.naive.f1),
      l.naive.flagged,
      `${l.levels.COMPLETE}/${l.levels.ON_TRACK}/${l.levels.AT_RISK}/${l.levels.CRITICAL}`,
    ].join(" | "),
  );
}
if (ranking !== undefined) console.log(`\nas-of facts + forecast + ranking, every school with elementary sections, median of 3 instants: ${ranking.toFixed(0)} ms`);
