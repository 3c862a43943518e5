import { localDate, schoolDaysBetween } from "./calendar.js";

// Forecast and risk of one school (or ESC, or teacher) missing a reporting period's deadline. Pure: it sees
// only what the system records (marks and their times, enrollments, extensions, outages, problem reports),
// never how a seed decided anyone's behaviour.

/** Ordered from best to worst. */
export const RISK_LEVELS = ["COMPLETE", "ON_TRACK", "AT_RISK", "CRITICAL"] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export interface TeacherProgressFacts {
  teacherId: number;
  /** Marks expected of this teacher: open enrollments times the period's grading items, over their sections. */
  expected: number;
  /** Marks entered that count toward `expected` (students still enrolled). */
  entered: number;
  /** When the teacher's first and latest counted marks were entered; null when none. */
  firstEnteredAt: Date | null;
  lastEnteredAt: Date | null;
}

export interface ReportFact {
  severity: "LOW" | "MEDIUM" | "HIGH" | "CRITICAL";
  category: string;
}

export interface RiskFacts {
  /** The instant the answer is for: the district clock now, or the "as of" instant of a replay. */
  now: Date;
  /** The period's marking window opens on this local day (YYYY-MM-DD). */
  windowOpensOn: string;
  /** The effective deadline in force at `now` (period deadline, then school extension), end of day in Los Angeles. */
  deadline: Date;
  expected: number;
  entered: number;
  /**
   * Counted marks first entered on each local (America/Los_Angeles) day up to `now`'s day, oldest first;
   * days with none may be absent.
   */
  enteredByDay: readonly { day: string; entered: number }[];
  teachers: readonly TeacherProgressFacts[];
  /** Marks typed while an unplanned outage was under way and saved after it ended (e.g. the November 4 outage). */
  outage?: { label: string; marks: number } | null;
  /** Open problem reports of the school (issue 10). */
  openReports?: readonly ReportFact[];
}

export type RiskReasonCode = "COMPLETE" | "NOTHING_EXPECTED" | "PACE" | "NOT_STARTED" | "STALLED" | "OUTAGE" | "REPORTS" | "PAST_DEADLINE";

export interface RiskReason {
  code: RiskReasonCode;
  /** Words a director can act on: "62% entered, 3 school days left, needs 1,400 marks a day, pace 600 a day over the last 3 school days". */
  text: string;
  /** The teachers the reason is about (not started, stalled), so a school page can name them. */
  teacherIds?: number[];
}

export interface RiskForecast {
  level: RiskLevel;
  /** 0-100, one decimal; 100 when nothing is expected. */
  percent: number;
  remaining: number;
  /** School days from `now`'s day (included while it is a school day) to the deadline day (included). */
  schoolDaysLeft: number;
  /** Marks a day needed to finish by the deadline; 0 when complete. */
  neededPerDay: number;
  /** Marks a day over the recent school days. */
  pacePerDay: number;
  /** The local day the remaining marks would be done at the projected pace; null when complete or no pace. */
  projectedFinish: string | null;
  /** Most important first. */
  reasons: RiskReason[];
  /** Orders a ranking: higher is worse. */
  score: number;
}

const RECENT_DAYS = 3;

/** Placeholder forecast (issue 9 replaces it): needed pace against the pace of the last school days. */
export function forecastRisk(facts: RiskFacts): RiskForecast {
  const today = localDate(facts.now);
  const deadlineDay = localDate(facts.deadline);
  const remaining = Math.max(0, facts.expected - facts.entered);
  const percent = facts.expected === 0 ? 100 : Math.round((1000 * facts.entered) / facts.expected) / 10;
  const schoolDaysLeft = today > deadlineDay ? 0 : schoolDaysBetween(today, deadlineDay).length;
  const recent = schoolDaysBetween(facts.windowOpensOn, today).filter((d) => d < today).slice(-RECENT_DAYS);
  const pacePerDay = recent.length === 0 ? 0 : facts.enteredByDay.filter((d) => recent.includes(d.day)).reduce((s, d) => s + d.entered, 0) / recent.length;
  const neededPerDay = remaining === 0 ? 0 : schoolDaysLeft === 0 ? remaining : remaining / schoolDaysLeft;
  if (remaining === 0) {
    return { level: "COMPLETE", percent, remaining, schoolDaysLeft, neededPerDay: 0, pacePerDay, projectedFinish: null, reasons: [{ code: facts.expected === 0 ? "NOTHING_EXPECTED" : "COMPLETE", text: facts.expected === 0 ? "No marks expected" : "All marks entered" }], score: 0 };
  }
  const ratio = pacePerDay / neededPerDay;
  const level: RiskLevel = schoolDaysLeft === 0 || ratio < 0.5 ? "CRITICAL" : ratio < 1 ? "AT_RISK" : "ON_TRACK";
  const fmt = (n: number) => Math.round(n).toLocaleString("en-US");
  return {
    level,
    percent,
    remaining,
    schoolDaysLeft,
    neededPerDay,
    pacePerDay,
    projectedFinish: null,
    reasons: [{ code: "PACE", text: `${percent}% entered, ${schoolDaysLeft} school days left, needs ${fmt(neededPerDay)} marks a day, pace ${fmt(pacePerDay)} a day over the last ${recent.length} school days` }],
    score: RISK_LEVELS.indexOf(level) * 1000 + (100 - percent),
  };
}
