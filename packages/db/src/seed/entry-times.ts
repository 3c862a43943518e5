import { addDays, isSchoolDay, zonedInstant } from "@gradewatch/domain";
import type { Pace } from "./plan.js";
import type { Random } from "./random.js";

export const WINDOW_OPENS_ON = "2014-10-27";
const CALENDAR_DAYS = 40;
const MINUTE = 60_000;

export interface Blackout {
  start: number;
  end: number;
  /** Nightly maintenance can be avoided by stopping early; the outage only by coming back later. */
  nightly: boolean;
}

/**
 * Los Angeles wall-clock arithmetic for the marking window, by day index from the window's opening.
 * zonedInstant is exact across the Nov 2 DST change but slow, so each local hour is computed once.
 */
export class EntryCalendar {
  readonly schoolDay: boolean[] = [];
  readonly blackouts: Blackout[] = [];
  /** The unplanned outage: the grid kept working on teachers' devices, the server did not. */
  readonly outage: Blackout;
  private readonly hourStarts = new Float64Array(CALENDAR_DAYS * 24);

  constructor(outage: { start: Date; end: Date }) {
    for (let day = 0; day < CALENDAR_DAYS; day++) {
      const date = addDays(WINDOW_OPENS_ON, day);
      this.schoolDay.push(isSchoolDay(date));
      for (let hour = 0; hour < 24; hour++) {
        this.hourStarts[day * 24 + hour] = zonedInstant(date, `${String(hour).padStart(2, "0")}:00`).getTime();
      }
      this.blackouts.push({ start: this.at(day, 21 * 60), end: this.at(day, 22 * 60), nightly: true });
    }
    this.outage = { start: outage.start.getTime(), end: outage.end.getTime(), nightly: false };
    this.blackouts.push(this.outage);
    this.blackouts.sort((a, b) => a.start - b.start);
  }

  /** The instant of a local wall-clock minute (fractional allowed) on a day of the window. */
  at(day: number, minuteOfDay: number): number {
    const hour = Math.floor(minuteOfDay / 60);
    return this.hourStarts[day * 24 + hour]! + (minuteOfDay - hour * 60) * MINUTE;
  }

  /** The first blackout that [start, end] touches, if any. */
  blackoutAt(start: number, end: number): Blackout | undefined {
    for (const b of this.blackouts) {
      if (b.start > end) return undefined;
      if (start < b.end) return b;
    }
    return undefined;
  }
}

// Day indexes from Mon Oct 27: 8 = Tue Nov 4 (outage), 9 = Wed Nov 5 (the 07:00 announcement, the demo
// clock), 11 = Fri Nov 7 (original deadline), 15 = Tue Nov 11 (Veterans Day), 18 = Fri Nov 14 (extended
// elementary deadline, the last day the lausd seed writes).
export const OUTAGE_DAY = 8;
const ANNOUNCEMENT_DAY = 9;
const ORIGINAL_DEADLINE_DAY = 11;
const EXTENDED_DEADLINE_DAY = 18;
export const LAST_DAY = 18;

/** The deadline a teacher works toward on a day: elementary learns of November 14 on the morning of November 5. */
export function believedDeadline(day: number, elementary: boolean): number {
  return elementary && day >= ANNOUNCEMENT_DAY ? EXTENDED_DEADLINE_DAY : ORIGINAL_DEADLINE_DAY;
}

/** A stretch of days on which a teacher enters nothing: [from, until), until = Infinity when they never come back. */
export interface Stop {
  from: number;
  until: number;
  why: "ILLNESS" | "LEAVE" | "ROSTER_ERROR";
}

/** How one teacher meets a deadline (see the README's section on the seed for the model and its numbers). */
export interface Behaviour {
  /** Day index of the first sitting: nothing before it. */
  startDay: number;
  /** Marks an hour, looking up the evidence for each included. */
  marksPerHour: number;
  /** Hours a school day the teacher can give to marks (conference period, evenings). */
  hoursPerSchoolDay: number;
  /** Hours on a weekend day or holiday on which they work at all, and the chance that they do. */
  hoursOffDay: number;
  offDayChance: number;
  /** The schedule's tau (days): today's share of what is left is proportional to 1 / (days left + tau). Small = all at the end. */
  tau: number;
  /** Days before the deadline they believe in by which they mean to be done. */
  slack: number;
  stops: Stop[];
  /** Most hours they will put in on one day when the deadline is a day or two away. */
  crunchHours: number;
  /** Typing on the afternoon of November 4 (the school's conference periods), so the outage catches them. */
  outageHit: boolean;
  /** Hours lost the next school day re-checking what the outage took. */
  outageHours: number;
}

function stopped(b: Behaviour, day: number): boolean {
  for (const s of b.stops) if (day >= s.from && day < s.until) return true;
  return false;
}

const OFF_DAY_WEIGHT = 0.35;

/**
 * Marks entered on each day of the window (index = day), from the behaviour alone: each day the teacher
 * plans a share of what is left that grows as 1 / (time left) toward the deadline they believe in (re-planned
 * when November 14 is announced), and does what their hours allow of it. Past their target they work at
 * capacity, and on the last two days before the believed deadline they stay up late.
 */
export function dailyWork(rng: Random, cal: EntryCalendar, b: Behaviour, n: number, elementary: boolean): Int32Array {
  const out = new Int32Array(LAST_DAY + 1);
  let remaining = n;
  let lostHours = 0;
  for (let d = b.startDay; d <= LAST_DAY && remaining > 0; d++) {
    const school = cal.schoolDay[d]!;
    if (stopped(b, d)) continue;
    const forced = b.outageHit && d === OUTAGE_DAY;
    if (!school && !rng.chance(b.offDayChance)) continue;
    const deadline = believedDeadline(d, elementary);
    const target = Math.max(d, deadline - b.slack);
    let sum = 0;
    for (let k = d; k <= target; k++) sum += (cal.schoolDay[k] ? 1 : OFF_DAY_WEIGHT) / (target - k + b.tau);
    const share = ((school ? 1 : OFF_DAY_WEIGHT) / (target - d + b.tau)) / sum;
    const plan = remaining * share;
    let hours = (school ? b.hoursPerSchoolDay : b.hoursOffDay) * rng.range(0.6, 1.4);
    // The last two days before the deadline they believe in (or once past their target), they stay up as late as it takes, up to a point.
    if ((d >= deadline - 1 && d <= deadline) || d > target) hours = Math.max(hours, Math.min(b.crunchHours, plan / b.marksPerHour));
    if (school && lostHours > 0) {
      const lost = Math.min(hours * 0.8, lostHours);
      hours -= lost;
      lostHours -= lost;
    }
    if (d === OUTAGE_DAY && b.outageHit) lostHours = b.outageHours;
    const capacity = hours * b.marksPerHour;
    let work = Math.round(Math.min(plan, capacity));
    // Nobody sits down for a handful of marks: small plans wait, and a small rest is finished off.
    if (remaining - work < 6 && remaining <= capacity * 1.2) work = remaining;
    if (work < 6 && !forced) continue;
    work = Math.min(remaining, Math.max(work, forced ? Math.min(remaining, 12) : 0));
    out[d] = work;
    remaining -= work;
  }
  return out;
}

function sittingStart(rng: Random, cal: EntryCalendar, day: number, duration: number, b: Behaviour, morning: boolean): number {
  const minutes = duration / MINUTE;
  if (b.outageHit && day === OUTAGE_DAY) return cal.at(day, rng.range(13 * 60 + 20, 15 * 60 + 30)); // conference period
  // A long day's first sitting starts early: before school, or a weekend morning.
  if (morning) return cal.at(day, rng.range(6 * 60, 8 * 60 + 30));
  const r = rng.next();
  if (cal.schoolDay[day]) {
    // After school at home, ideally done before the 9 pm maintenance window.
    if (r < 0.72) return cal.at(day, rng.range(15 * 60 + 40, Math.max(15 * 60 + 45, 20 * 60 + 55 - minutes)));
    if (r < 0.94) return cal.at(day, rng.range(7 * 60 + 30, 15 * 60)); // conference period
    return cal.at(day, rng.range(22 * 60 + 5, 23 * 60 + 20)); // after the maintenance window
  }
  return cal.at(day, r < 0.94 ? rng.range(9 * 60, Math.max(9 * 60 + 5, 20 * 60 + 55 - minutes)) : rng.range(22 * 60 + 5, 23 * 60));
}

/** Moves [start, start + duration] clear of every blackout, never before `notBefore`. */
export function clearOfBlackouts(cal: EntryCalendar, rng: Random, start: number, duration: number, notBefore: number): number {
  let movedLater = false;
  for (;;) {
    // Whole milliseconds, so rounding can never nudge a time back into a blackout.
    start = Math.round(start);
    const hit = cal.blackoutAt(start, start + duration);
    if (!hit) return start;
    const earlier = hit.start - duration - rng.range(1, 10) * MINUTE;
    // Some stop before 9 pm; the rest come back after it (or after the outage). Once later, stay later.
    if (hit.nightly && !movedLater && earlier >= notBefore && rng.chance(0.7)) {
      start = earlier;
    } else {
      start = hit.end + rng.range(1, 15) * MINUTE;
      movedLater = true;
    }
  }
}

/**
 * Fills `out[0..n)` with the instants (ms) at which a teacher typed their marks, in order, and returns how
 * many they typed by the end of the window (the rest were never entered). Each day's work is one or two
 * sittings, marks about 3600 / marksPerHour seconds apart. `saved[i]` is when the server stored mark i: the
 * same instant, except for a sitting that ran into the unplanned outage, whose marks waited on the device
 * and were sent by its outbox a few minutes after the outage.
 */
export function entryTimes(rng: Random, cal: EntryCalendar, b: Behaviour, n: number, elementary: boolean, out: Float64Array, saved: Float64Array): number {
  const perDay = dailyWork(rng, cal, b, n, elementary);
  const gap = 3600 / b.marksPerHour;
  let index = 0;
  let previousEnd = -Infinity;
  for (let day = 0; day <= LAST_DAY; day++) {
    const today = perDay[day]!;
    if (today === 0) continue;
    const hours = today / b.marksPerHour;
    const sittings = Math.max(today > 60 && rng.chance(0.5) ? 2 : 1, Math.ceil(hours / 2.2));
    // The day's sittings one after another, starting early enough to be done before midnight (the maintenance
    // hour and breaks included).
    const latest = cal.at(day, 23 * 60 + 50) - (hours + 1 + 0.5 * (sittings - 1)) * 3600_000;
    let first = true;
    for (let s = 0; s < sittings; s++) {
      const count = s === sittings - 1 ? today - Math.floor(today / sittings) * (sittings - 1) : Math.floor(today / sittings);
      let offset = 0;
      for (let i = 0; i < count; i++) {
        out[index + i] = offset;
        offset += Math.round(rng.range(0.5, 1.5) * gap * 1000 + (rng.chance(0.03) ? rng.range(30, 240) * 1000 : 0));
      }
      const duration = count > 0 ? out[index + count - 1]! : 0;
      const notBefore = previousEnd + rng.range(5, 30) * MINUTE;
      const chosen = sittingStart(rng, cal, day, duration, b, s === 0 && hours > 2.5);
      const wanted = Math.round(Math.max(first ? Math.max(Math.min(chosen, latest), cal.at(day, 6 * 60)) : notBefore, notBefore));
      first = false;
      // Always drawn, so the random stream (and the rest of the district) is the same either way.
      const moved = clearOfBlackouts(cal, rng, wanted, duration, notBefore);
      const o = cal.outage;
      const keepsTyping = moved !== wanted && cal.blackoutAt(wanted, wanted + duration) === o && !cal.blackoutAt(o.end, wanted + duration);
      const start = keepsTyping ? wanted : moved;
      // The device notices the server is back within a few minutes and sends what it holds, in order.
      const resume = o.end + 20_000 + ((Math.floor(wanted / 1000) * 7919) % 420) * 1000;
      let held = 0;
      for (let i = 0; i < count; i++) {
        const typed = start + out[index + i]!;
        out[index + i] = typed;
        saved[index + i] = keepsTyping && typed >= o.start && typed < resume ? resume + 40 * held++ : typed;
      }
      previousEnd = moved + duration;
      index += count;
    }
  }
  return index;
}

interface Habit {
  start: readonly [number, number];
  tau: readonly [number, number];
  slack: readonly [number, number];
  hours: number;
}

// What a school's habit does to its teachers' start day, schedule (tau), slack and hours.
const HABITS: Record<Pace, Habit> = {
  AHEAD: { start: [0, 2], tau: [2.5, 7], slack: [3, 5], hours: 1.2 },
  ON_TRACK: { start: [0, 6], tau: [1, 4], slack: [0, 2], hours: 1 },
  BEHIND: { start: [2, 9], tau: [0.5, 2.5], slack: [0, 1], hours: 0.95 },
  LAGGARD: { start: [5, 12], tau: [0.4, 1.5], slack: [0, 0], hours: 0.85 },
};
const PACES: readonly Pace[] = ["AHEAD", "ON_TRACK", "BEHIND", "LAGGARD"];

/** School-wide circumstances that every teacher's behaviour draws on. */
export interface SchoolCircumstances {
  pace: Pace;
  /** Multiplies every teacher's hours: computers, class sizes, support at the school. */
  capacity: number;
  outageHit: boolean;
  /** A roster error locks some teachers out from a day; fixed after some days, or not before November 14. */
  rosterError: { from: number; fixedAfter: number | null } | null;
}

const logUniform = (rng: Random, lo: number, hi: number) => lo * Math.exp(rng.next() * Math.log(hi / lo));

/** Draws one teacher's behaviour: mostly the school's habit, sometimes a step either way. */
export function drawBehaviour(rng: Random, school: SchoolCircumstances, elementary: boolean, rosterLocked: boolean): Behaviour {
  let p = PACES.indexOf(school.pace);
  const r = rng.next();
  // A principal who sets the school an early date of its own keeps every teacher to it.
  if (r < 0.12 && school.pace !== "AHEAD") p = Math.min(p + 1, PACES.length - 1);
  else if (r < 0.22) p = Math.max(p - 1, 0);
  const habit = HABITS[PACES[p]!];
  const startDay = rng.int(habit.start[0], habit.start[1]);
  const stops: Stop[] = [];
  // Illness: a few days off, then back. Leave: gone for the rest of the window.
  if (rng.chance(0.006)) {
    const from = rng.int(Math.max(startDay, 2), LAST_DAY - 1);
    stops.push({ from, until: from + rng.int(2, 5), why: "ILLNESS" });
  }
  if (rng.chance(0.001)) stops.push({ from: rng.int(Math.max(startDay, 2), LAST_DAY - 2), until: Infinity, why: "LEAVE" });
  if (rosterLocked && school.rosterError) {
    const { from, fixedAfter } = school.rosterError;
    stops.push({ from, until: fixedAfter === null ? Infinity : from + fixedAfter, why: "ROSTER_ERROR" });
  }
  // Whoever has little time on an ordinary evening (a second job, a family) has little more on the last one.
  const hoursPerSchoolDay = logUniform(rng, 0.65, 2.4) * habit.hours * school.capacity;
  return {
    startDay,
    marksPerHour: elementary ? logUniform(rng, 30, 150) : logUniform(rng, 100, 400),
    hoursPerSchoolDay,
    hoursOffDay: rng.range(1, 4) * school.capacity,
    offDayChance: rng.range(0.2, 0.7),
    crunchHours: Math.min(7, hoursPerSchoolDay * rng.range(3.5, 6.5)),
    tau: rng.range(habit.tau[0], habit.tau[1]),
    slack: rng.int(habit.slack[0], habit.slack[1]),
    stops,
    outageHit: school.outageHit && rng.chance(0.7),
    outageHours: rng.range(0.5, 2.5),
  };
}
