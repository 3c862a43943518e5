import { addDays, DISTRICT_TIME_ZONE, isIsoDate, isSchoolDay, zonedInstant } from "./calendar.js";
import { reachOf, ROLES, type Role } from "./policy.js";
import { defineMachine, transition } from "./state-machine.js";

// Compensation for time spent on the outage beyond the regular work day: the rules a log must meet, who
// may certify and approve it, its lifecycle, and what it pays. Pure: the API hands in what it read.

export const COMPENSATION_CATEGORIES = ["RE_ENTERING_LOST_DATA", "GRADE_ENTRY_OUTSIDE_WORKDAY", "SYSTEM_WORKAROUND", "TRAINING", "OTHER"] as const;
export type CompensationCategory = (typeof COMPENSATION_CATEGORIES)[number];

export const COMPENSATION_STATES = ["DRAFT", "SUBMITTED", "CERTIFIED", "APPROVED", "REJECTED", "EXPORTED"] as const;
export type CompensationState = (typeof COMPENSATION_STATES)[number];

export const COMPENSATION_ACTIONS = ["submit", "certify", "approve", "reject", "export"] as const;
export type CompensationAction = (typeof COMPENSATION_ACTIONS)[number];

/** Submitted logs are certified (or sent back) by the certifier, certified ones approved or rejected by HR, approved ones exported once. */
export const compensationMachine = defineMachine<CompensationState, CompensationAction>({
  states: COMPENSATION_STATES,
  transitions: {
    DRAFT: { submit: "SUBMITTED" },
    SUBMITTED: { certify: "CERTIFIED", reject: "REJECTED" },
    CERTIFIED: { approve: "APPROVED", reject: "REJECTED" },
    APPROVED: { export: "EXPORTED" },
    REJECTED: {},
    EXPORTED: {},
  },
});

/** Approved and exported logs are locked: a correction is a new log that adjusts them. */
export const isLocked = (state: CompensationState) => state === "APPROVED" || state === "EXPORTED";

export function nextCompensationState(state: CompensationState, action: CompensationAction): CompensationState {
  const t = transition(compensationMachine, state, action);
  if (t.ok) return t.to;
  const allowed = t.allowed.length ? `only ${t.allowed.join(", ")}` : "nothing more";
  throw new CompensationRuleError("STATE", `A ${state.toLowerCase()} log cannot be ${ACTION_PAST[action]}: ${allowed} is possible now`);
}

const ACTION_PAST: Record<CompensationAction, string> = { submit: "submitted", certify: "certified", approve: "approved", reject: "rejected", export: "exported" };

export type CompensationRule = "TIME" | "ORDER" | "INSIDE_WORKDAY" | "FUTURE" | "WINDOW" | "OVERLAP" | "DAILY_CAP" | "STATE" | "SEPARATION" | "CERTIFIER";

/** A broken rule, with a sentence the employee can act on. */
export class CompensationRuleError extends Error {
  override name = "CompensationRuleError";
  constructor(
    readonly rule: CompensationRule,
    message: string,
  ) {
    super(message);
  }
}

export interface CompensationSettings {
  /** First and last local work dates that may be claimed (YYYY-MM-DD, inclusive). */
  windowStart: string;
  windowEnd: string;
  /** Counted minutes one employee may claim on one work date, over all their logs. */
  dailyCapMinutes: number;
}

export const DEFAULT_COMPENSATION_SETTINGS: CompensationSettings = { windowStart: "2014-11-04", windowEnd: "2014-12-19", dailyCapMinutes: 240 };

export interface Workday {
  /** Local wall-clock times, HH:MM[:SS]. */
  start: string;
  end: string;
}

export interface LogTimes {
  /** The local date the work started on. */
  workDate: string;
  /** Local start and end times (HH:MM); an end at or before the start is on the next day (23:00-00:00 ends at midnight). */
  startTime: string;
  endTime: string;
}

export interface OtherLog {
  id: number;
  workDate: string;
  startsAt: Date;
  endsAt: Date;
  countedMinutes: number;
}

export interface CheckedLog {
  startsAt: Date;
  endsAt: Date;
  minutes: number;
  /** The part outside the regular workday: what is paid. */
  countedMinutes: number;
  /** Said to the employee when only part of the time counts. */
  note: string | null;
}

const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;
const minutesBetween = (a: Date, b: Date) => Math.round((b.getTime() - a.getTime()) / 60_000);
const hhmm = (t: string) => t.slice(0, 5);

/** The instants a log's local date and times mean: the right length across a DST change, the end on the next day when it is not after the start. */
export function logInstants(times: LogTimes, timeZone = DISTRICT_TIME_ZONE): { startsAt: Date; endsAt: Date } {
  if (!isIsoDate(times.workDate)) throw new CompensationRuleError("TIME", `The work date "${times.workDate}" is not a date (YYYY-MM-DD)`);
  for (const t of [times.startTime, times.endTime]) {
    if (!TIME_RE.test(t)) throw new CompensationRuleError("TIME", `"${t}" is not a time of day (HH:MM, 00:00-23:59)`);
  }
  if (times.startTime === times.endTime) throw new CompensationRuleError("ORDER", "The log ends when it starts: give an end time after the start");
  const endDate = times.endTime < times.startTime ? addDays(times.workDate, 1) : times.workDate;
  return { startsAt: zonedInstant(times.workDate, times.startTime, timeZone), endsAt: zonedInstant(endDate, times.endTime, timeZone) };
}

/** The regular workday's span on each school day the log touches (none on weekends and holidays). */
function workdaySpans(workDate: string, workday: Workday, timeZone: string): { startsAt: Date; endsAt: Date }[] {
  return [workDate, addDays(workDate, 1)]
    .filter(isSchoolDay)
    .map((d) => ({ startsAt: zonedInstant(d, hhmm(workday.start), timeZone), endsAt: zonedInstant(d, hhmm(workday.end), timeZone) }));
}

/** Minutes of [startsAt, endsAt) outside the employee's regular workday. */
export function minutesOutsideWorkday(workDate: string, startsAt: Date, endsAt: Date, workday: Workday, timeZone = DISTRICT_TIME_ZONE): number {
  let inside = 0;
  for (const w of workdaySpans(workDate, workday, timeZone)) {
    const from = Math.max(startsAt.getTime(), w.startsAt.getTime());
    const to = Math.min(endsAt.getTime(), w.endsAt.getTime());
    if (to > from) inside += (to - from) / 60_000;
  }
  return minutesBetween(startsAt, endsAt) - Math.round(inside);
}

export interface LogCheck {
  times: LogTimes;
  workday: Workday;
  settings: CompensationSettings;
  /** The district clock. */
  now: Date;
  /** The employee's other logs that still claim time (not rejected; not the log itself or the one it adjusts). */
  others: readonly OtherLog[];
  timeZone?: string;
}

/**
 * Checks a log against every rule and derives its minutes, or throws the first broken rule: only time
 * outside the regular workday counts (a straddling log counts the outside part and says so); it may not
 * overlap the employee's other logs, lie in the future, fall outside the compensation window, or take the
 * day past the daily cap.
 */
export function checkCompensationLog(c: LogCheck): CheckedLog {
  const tz = c.timeZone ?? DISTRICT_TIME_ZONE;
  const { startsAt, endsAt } = logInstants(c.times, tz);
  const minutes = minutesBetween(startsAt, endsAt);
  const { windowStart, windowEnd, dailyCapMinutes } = c.settings;
  if (c.times.workDate < windowStart || c.times.workDate > windowEnd) {
    throw new CompensationRuleError("WINDOW", `Only work from ${windowStart} to ${windowEnd} is compensated; ${c.times.workDate} is outside that window`);
  }
  if (endsAt.getTime() > c.now.getTime()) throw new CompensationRuleError("FUTURE", "The log ends in the future: log time once it has been worked");
  const counted = minutesOutsideWorkday(c.times.workDate, startsAt, endsAt, c.workday, tz);
  const workday = `${hhmm(c.workday.start)}-${hhmm(c.workday.end)}`;
  if (counted <= 0) {
    throw new CompensationRuleError("INSIDE_WORKDAY", `All of ${c.times.startTime}-${c.times.endTime} is inside your regular workday (${workday}): only time outside it is compensated`);
  }
  const overlap = c.others.find((o) => o.startsAt < endsAt && startsAt < o.endsAt);
  if (overlap) {
    throw new CompensationRuleError("OVERLAP", `This time overlaps your log #${overlap.id} on ${overlap.workDate}: a span of time is claimed once`);
  }
  const sameDay = c.others.filter((o) => o.workDate === c.times.workDate).reduce((sum, o) => sum + o.countedMinutes, 0);
  if (sameDay + counted > dailyCapMinutes) {
    throw new CompensationRuleError(
      "DAILY_CAP",
      `At most ${formatHours(dailyCapMinutes)} a day may be claimed: ${c.times.workDate} already has ${formatHours(sameDay)}, and this log adds ${formatHours(counted)}`,
    );
  }
  const note = counted < minutes ? `Only ${formatHours(counted)} of ${formatHours(minutes)} counts: the rest is inside your regular workday (${workday})` : null;
  return { startsAt, endsAt, minutes, countedMinutes: counted, note };
}

export function formatHours(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `${h} h` : h === 0 ? `${m} min` : `${h} h ${m} min`;
}

/** Who is who for separation of duties: roles, school and home ESC (a school employee's is their school's). */
export interface Person {
  id: number;
  role: Role;
  schoolId: number | null;
  homeEscId: number | null;
}

/**
 * Whose logs each role certifies (by the employee's role): a teacher's principal; their ESC's director for
 * principals and ESC staff; HR for district office staff. Where the certifier reaches is the access
 * policy's "compensation.certify" (the principal's school, the director's ESC, HR's whole district).
 */
export const CERTIFIES: Partial<Record<Role, readonly Role[]>> = {
  PRINCIPAL: ["TEACHER"],
  ESC_DIRECTOR: ["PRINCIPAL", "ESC_DIRECTOR", "INSTRUCTIONAL_SUPERINTENDENT"],
  HR: ["HR", "DISTRICT_ADMIN"],
};

const CERTIFIED_BY: Partial<Record<Role, string>> = {
  PRINCIPAL: "A teacher's log is certified by the principal of their school",
  ESC_DIRECTOR: "A principal's or ESC staff member's log is certified by their ESC director",
  HR: "A district office log is certified by HR",
};

/** The certifier's duty (CERTIFIES, within the certifier's reach). Nobody certifies their own log. */
export function checkCertifier(certifier: Person, employee: Person): void {
  if (certifier.id === employee.id) throw new CompensationRuleError("SEPARATION", "Nobody certifies their own log: your principal or ESC director certifies it");
  const by = ROLES.find((r) => CERTIFIES[r]?.includes(employee.role));
  const refusal = new CompensationRuleError("CERTIFIER", (by && CERTIFIED_BY[by]) ?? "Nobody certifies this employee's logs");
  if (!by || certifier.role !== by) throw refusal;
  const reach = reachOf(by, "compensation.certify");
  if (reach === "school" && (certifier.schoolId === null || certifier.schoolId !== employee.schoolId)) throw refusal;
  if (reach === "esc" && (certifier.homeEscId === null || certifier.homeEscId !== employee.homeEscId)) throw refusal;
  if (reach !== "school" && reach !== "esc" && reach !== "all") throw refusal;
}

/** HR approves and rejects certified logs, never their own. */
export function checkApprover(approver: Person, employee: Person): void {
  if (approver.id === employee.id) throw new CompensationRuleError("SEPARATION", "Nobody approves or rejects their own log: another HR employee decides it");
  if (approver.role !== "HR") throw new CompensationRuleError("CERTIFIER", "Only HR approves or rejects a certified log");
}

export const RATE_CLASSES = ["CERTIFICATED", "ADMINISTRATOR", "CLASSIFIED"] as const;
export type RateClass = (typeof RATE_CLASSES)[number];

export const RATE_CLASS_OF_ROLE: Record<Role, RateClass> = {
  TEACHER: "CERTIFICATED",
  PRINCIPAL: "ADMINISTRATOR",
  ESC_DIRECTOR: "ADMINISTRATOR",
  INSTRUCTIONAL_SUPERINTENDENT: "ADMINISTRATOR",
  HR: "CLASSIFIED",
  DISTRICT_ADMIN: "ADMINISTRATOR",
};

/** Hourly rates in cents, per rate class (assumed for the demo). */
export type Rates = Record<RateClass, number>;
export const DEFAULT_RATES: Rates = { CERTIFICATED: 5_046, ADMINISTRATOR: 6_512, CLASSIFIED: 3_480 };

/** What counted minutes pay, in cents, rounded to the cent. */
export function payCents(countedMinutes: number, rateClass: RateClass, rates: Rates): number {
  return Math.round((countedMinutes * rates[rateClass]) / 60);
}
