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

interface PaceDays {
  start: readonly [number, number];
  finish: readonly [number, number];
}

// Day indexes from Mon Oct 27: 8 = Tue Nov 4 (outage), 9 = Wed Nov 5 (demo clock), 11 = Fri Nov 7
// (original deadline), 18 = Fri Nov 14 (extended elementary deadline).
const ELEMENTARY_PACE: Record<Pace, PaceDays> = {
  AHEAD: { start: [0, 2], finish: [3, 8] },
  ON_TRACK: { start: [0, 4], finish: [8, 11] },
  BEHIND: { start: [2, 7], finish: [11, 18] },
  LAGGARD: { start: [6, 11], finish: [16, 24] },
};
// Secondary kept the Nov 7 deadline: late schools finish the following week.
const SECONDARY_PACE: Record<Pace, PaceDays> = {
  AHEAD: { start: [0, 3], finish: [4, 8] },
  ON_TRACK: { start: [0, 5], finish: [9, 11] },
  BEHIND: { start: [3, 8], finish: [11, 14] },
  LAGGARD: { start: [7, 11], finish: [14, 18] },
};
const PACES: readonly Pace[] = ["AHEAD", "ON_TRACK", "BEHIND", "LAGGARD"];

export interface WorkPlan {
  startDay: number;
  finishDay: number;
  sessions: number;
  /** Seconds per mark while typing. */
  secondsPerMark: readonly [number, number];
}

/** A teacher's own pace: mostly the school's, sometimes a step faster or slower. */
export function workPlan(rng: Random, schoolPace: Pace, elementary: boolean, override?: Partial<WorkPlan>): WorkPlan {
  let p = PACES.indexOf(schoolPace);
  const r = rng.next();
  if (r < 0.12) p = Math.min(p + 1, PACES.length - 1);
  else if (r < 0.2) p = Math.max(p - 1, 0);
  const days = (elementary ? ELEMENTARY_PACE : SECONDARY_PACE)[PACES[p]!];
  // Finishing days bunch up toward the late end of the range: the rush to the deadline.
  const finishDay = days.finish[0] + Math.floor((days.finish[1] - days.finish[0] + 1) * Math.sqrt(rng.next()));
  const startDay = Math.min(rng.int(days.start[0], days.start[1]), finishDay);
  return {
    startDay,
    finishDay,
    sessions: elementary ? rng.int(3, 6) : rng.int(4, 9),
    secondsPerMark: elementary ? [5, 20] : [3, 10],
    ...override,
  };
}

function sessionDay(rng: Random, cal: EntryCalendar, plan: WorkPlan): number {
  const span = plan.finishDay - plan.startDay + 1;
  // Skewed toward the finish day; weekends and the holiday get about half the sessions of a school day.
  let day = plan.startDay + Math.floor(span * rng.next() ** 0.6);
  if (!cal.schoolDay[day] && rng.chance(0.5)) day = plan.startDay + Math.floor(span * rng.next() ** 0.6);
  return day;
}

function sessionMinute(rng: Random, schoolDay: boolean): number {
  const r = rng.next();
  if (schoolDay) {
    if (r < 0.72) return rng.range(15 * 60 + 40, 20 * 60 + 40); // after school, at home
    if (r < 0.94) return rng.range(7 * 60 + 30, 15 * 60); // conference period
    return rng.range(22 * 60 + 5, 23 * 60 + 20); // after the maintenance window
  }
  return r < 0.94 ? rng.range(9 * 60, 20 * 60 + 30) : rng.range(22 * 60 + 5, 23 * 60);
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
 * Fills `out[0..n)` with the instants (ms) at which a teacher typed n marks, in order: a few sittings
 * on days between the plan's start and finish, each a run of marks a few seconds apart. `saved[i]` is
 * when the server stored mark i: the same instant, except for a sitting that ran into the unplanned
 * outage, whose marks waited on the device and were sent by its outbox a few minutes after the outage.
 */
export function entryTimes(rng: Random, cal: EntryCalendar, plan: WorkPlan, n: number, out: Float64Array, saved: Float64Array): void {
  const sessions = Math.max(1, Math.min(plan.sessions, n));
  // The first sitting is on the start day and the last on the finish day; the rest fall in between.
  const days: number[] = sessions > 1 ? [plan.startDay, plan.finishDay] : [plan.finishDay];
  for (let i = 0; i < sessions - 2; i++) days.push(sessionDay(rng, cal, plan));
  days.sort((a, b) => a - b);
  const weights = days.map(() => rng.range(0.5, 1.5));
  const totalWeight = weights.reduce((s, w) => s + w, 0);
  const [minSec, maxSec] = plan.secondsPerMark;
  let index = 0;
  let previousEnd = -Infinity;
  for (let s = 0; s < sessions; s++) {
    const count = s === sessions - 1 ? n - index : Math.floor((n * weights[s]!) / totalWeight);
    let offset = 0;
    for (let i = 0; i < count; i++) {
      out[index + i] = offset;
      offset += Math.round(rng.range(minSec, maxSec) * 1000 + (rng.chance(0.03) ? rng.range(30, 240) * 1000 : 0));
    }
    const duration = count > 0 ? out[index + count - 1]! : 0;
    const day = days[s]!;
    const notBefore = previousEnd + rng.range(5, 30) * MINUTE;
    const wanted = Math.round(Math.max(cal.at(day, sessionMinute(rng, cal.schoolDay[day]!)), notBefore));
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
