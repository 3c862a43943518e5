import { addSchoolMinutes, DISTRICT_SCHOOL_HOURS, type SchoolHours, schoolMinutesBetween } from "./school-hours.js";
import { defineMachine } from "./state-machine.js";

export const REPORT_CATEGORIES = ["SYSTEM_OUTAGE", "DATA_LOSS", "ROSTER_ERROR", "ACCESS", "PERFORMANCE", "TRAINING", "STAFFING", "OTHER"] as const;
export type ReportCategory = (typeof REPORT_CATEGORIES)[number];

/** Ordered from least to most severe. */
export const REPORT_SEVERITIES = ["LOW", "MEDIUM", "HIGH", "CRITICAL"] as const;
export type ReportSeverity = (typeof REPORT_SEVERITIES)[number];

export const REPORT_STATES = ["NEW", "ACKNOWLEDGED", "IN_PROGRESS", "WAITING_ON_SCHOOL", "RESOLVED", "CLOSED"] as const;
export type ReportState = (typeof REPORT_STATES)[number];

export const REPORT_ACTIONS = ["acknowledge", "start", "waitOnSchool", "resume", "resolve", "close", "reopen"] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];

/** A problem report's workflow: the ESC acknowledges, works on it, may wait on the school, resolves; either side may reopen. */
export const REPORT_MACHINE = defineMachine<ReportState, ReportAction>({
  states: REPORT_STATES,
  transitions: {
    NEW: { acknowledge: "ACKNOWLEDGED" },
    ACKNOWLEDGED: { start: "IN_PROGRESS", waitOnSchool: "WAITING_ON_SCHOOL", resolve: "RESOLVED" },
    IN_PROGRESS: { waitOnSchool: "WAITING_ON_SCHOOL", resolve: "RESOLVED" },
    WAITING_ON_SCHOOL: { resume: "IN_PROGRESS", resolve: "RESOLVED" },
    RESOLVED: { close: "CLOSED", reopen: "IN_PROGRESS" },
    CLOSED: { reopen: "IN_PROGRESS" },
  },
});

/** The actions the school that filed a report may take itself (it answers, accepts the fix, or reopens); the ESC takes any. */
export const SCHOOL_REPORT_ACTIONS: readonly ReportAction[] = ["resume", "close", "reopen"];

/** Done with: no SLA clock runs, and the report is not open. */
export const CLOSED_REPORT_STATES: readonly ReportState[] = ["RESOLVED", "CLOSED"];
export const isOpenReportState = (state: ReportState) => !CLOSED_REPORT_STATES.includes(state);

/** SLA targets of a severity, in school minutes. */
export interface SlaTargets {
  acknowledgeMinutes: number;
  resolveMinutes: number;
}

const SCHOOL_DAY_MINUTES = 8 * 60;

/** Defaults until a district administrator changes them: CRITICAL acknowledged within 2 school hours, resolved within 1 school day. */
export const DEFAULT_SLA: Record<ReportSeverity, SlaTargets> = {
  CRITICAL: { acknowledgeMinutes: 2 * 60, resolveMinutes: SCHOOL_DAY_MINUTES },
  HIGH: { acknowledgeMinutes: 4 * 60, resolveMinutes: 2 * SCHOOL_DAY_MINUTES },
  MEDIUM: { acknowledgeMinutes: SCHOOL_DAY_MINUTES, resolveMinutes: 5 * SCHOOL_DAY_MINUTES },
  LOW: { acknowledgeMinutes: 2 * SCHOOL_DAY_MINUTES, resolveMinutes: 10 * SCHOOL_DAY_MINUTES },
};

/** A report's life as the SLA sees it: when it was filed and each state it moved to, in order. */
export interface ReportTimeline {
  filedAt: Date;
  changes: readonly { at: Date; to: ReportState }[];
}

export interface SlaClock {
  targetMinutes: number;
  /** School minutes counted so far. */
  elapsedMinutes: number;
  /** target - elapsed: negative when overdue. */
  remainingMinutes: number;
  running: boolean;
  /** Waiting on the school: the clock holds until the ESC resumes. */
  paused: boolean;
  /** When the clock stopped for good (acknowledged, resolved); null while it runs or is paused. */
  stoppedAt: Date | null;
  /** When the target is (or was) reached on the school-hours calendar; null when it was met or is paused short of it. */
  dueAt: Date | null;
  overdue: boolean;
}

export interface ReportSla {
  acknowledge: SlaClock;
  resolve: SlaClock;
  /** The clock the report races now: acknowledge while NEW, resolve while open, none once resolved. */
  current: "acknowledge" | "resolve" | null;
  /** The current clock's due time: the queue's sort key (null sorts last). */
  dueAt: Date | null;
  overdue: boolean;
  /** The current clock's remaining school minutes (negative: overdue by); null once resolved. */
  remainingMinutes: number | null;
}

type Interval = { start: number; end: number };

function clock(target: number, intervals: Interval[], running: boolean, paused: boolean, stoppedAt: number | null, now: number, hours: SchoolHours): SlaClock {
  let elapsed = 0;
  let dueAt: Date | null = null;
  for (const iv of intervals) {
    const minutes = schoolMinutesBetween(new Date(iv.start), new Date(iv.end), hours);
    if (dueAt === null && elapsed < target && elapsed + minutes >= target) {
      dueAt = addSchoolMinutes(new Date(iv.start), target - elapsed, hours);
    }
    elapsed += minutes;
  }
  if (dueAt === null && running) dueAt = addSchoolMinutes(new Date(now), target - elapsed, hours);
  const overdue = elapsed > target;
  // A clock that stopped in time was met: it has no due time left to show.
  if (!running && !overdue) dueAt = null;
  return {
    targetMinutes: target,
    elapsedMinutes: round(elapsed),
    remainingMinutes: round(target - elapsed),
    running,
    paused,
    stoppedAt: stoppedAt === null ? null : new Date(stoppedAt),
    dueAt,
    overdue,
  };
}

const round = (m: number) => Math.round(m * 1000) / 1000;

/**
 * The SLA of a report at `now`, in school hours: the acknowledge clock runs from filing until it leaves
 * NEW; the resolve clock from filing (or the last reopen, which restarts it) until RESOLVED, paused while
 * WAITING_ON_SCHOOL. Changes after `now` are not seen.
 */
export function reportSla(timeline: ReportTimeline, targets: SlaTargets, now: Date, hours: SchoolHours = DISTRICT_SCHOOL_HOURS): ReportSla {
  const t = now.getTime();
  const steps: { at: number; to: ReportState }[] = [{ at: timeline.filedAt.getTime(), to: "NEW" }];
  for (const c of timeline.changes) if (c.at.getTime() <= t) steps.push({ at: c.at.getTime(), to: c.to });
  const spans = steps.map((s, i) => ({ state: s.to, start: s.at, end: i + 1 < steps.length ? steps[i + 1]!.at : t, from: i > 0 ? steps[i - 1]!.to : null }));
  const state = steps[steps.length - 1]!.to;

  // Acknowledge: only the first stretch in NEW counts.
  const firstExit = steps.findIndex((s, i) => i > 0 && s.to !== "NEW");
  const ackSpans = spans.filter((s, i) => s.state === "NEW" && (firstExit === -1 || i < firstExit));
  const acknowledged = firstExit !== -1;
  const acknowledge = clock(targets.acknowledgeMinutes, ackSpans, !acknowledged, false, acknowledged ? steps[firstExit]!.at : null, t, hours);

  // Resolve: from the last reopen (a move out of RESOLVED or CLOSED), outside WAITING_ON_SCHOOL.
  let epoch = 0;
  spans.forEach((s, i) => {
    if (s.from !== null && !isOpenReportState(s.from) && isOpenReportState(s.state)) epoch = i;
  });
  const epochSpans = spans.slice(epoch);
  const resolvedAt = epochSpans.find((s) => !isOpenReportState(s.state));
  const counted = epochSpans.filter((s) => (resolvedAt === undefined || s.start < resolvedAt.start) && isOpenReportState(s.state) && s.state !== "WAITING_ON_SCHOOL");
  const paused = state === "WAITING_ON_SCHOOL";
  const resolve = clock(targets.resolveMinutes, counted, resolvedAt === undefined && !paused, paused, resolvedAt ? resolvedAt.start : null, t, hours);

  const current = state === "NEW" ? "acknowledge" : isOpenReportState(state) ? "resolve" : null;
  const c = current === "acknowledge" ? acknowledge : current === "resolve" ? resolve : null;
  return { acknowledge, resolve, current, dueAt: c?.dueAt ?? null, overdue: c?.overdue ?? false, remainingMinutes: c ? c.remainingMinutes : null };
}

/** "2 h 30 min" of school time; "overdue by ..." is the caller's words. */
export function formatSchoolMinutes(minutes: number): string {
  const m = Math.round(Math.abs(minutes));
  const days = Math.floor(m / SCHOOL_DAY_MINUTES);
  const h = Math.floor((m % SCHOOL_DAY_MINUTES) / 60);
  const min = m % 60;
  const parts = [days ? `${days} school day${days === 1 ? "" : "s"}` : "", h ? `${h} h` : "", min || m === 0 ? `${min} min` : ""].filter(Boolean);
  return parts.join(" ");
}
