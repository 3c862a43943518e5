import { endOfDay, zonedInstant } from "./calendar.js";

/** What sets a section's deadline: the period's deadline day, then any extension for its school or for it. */
export interface DeadlineFacts {
  /** The period's deadline day (YYYY-MM-DD). */
  periodDeadline: string;
  /** The latest extension granted to the whole school, if any. */
  schoolExtendedTo?: string | null;
  /** The latest extension granted to this section alone, if any. */
  sectionExtendedTo?: string | null;
}

/** The deadline day in force: the latest of the period's day and the extensions (an extension never shortens it). */
export function effectiveDeadlineDay(facts: DeadlineFacts): string {
  let day = facts.periodDeadline;
  for (const ext of [facts.schoolExtendedTo, facts.sectionExtendedTo]) if (ext && ext > day) day = ext;
  return day;
}

/** The last instant marks are accepted: the end (23:59:59.999, Los Angeles) of the deadline day in force. */
export function effectiveDeadline(facts: DeadlineFacts): Date {
  return endOfDay(effectiveDeadlineDay(facts));
}

const DEADLINE_FORMAT = new Intl.DateTimeFormat("en-US", { timeZone: "America/Los_Angeles", dateStyle: "full", timeStyle: "long" });

/** "Friday, November 14, 2014 at 11:59:59 PM PST": how a deadline is shown in refusals. */
export function formatDeadline(deadline: Date): string {
  return DEADLINE_FORMAT.format(deadline);
}

export type MarkingWindowState =
  | { state: "NOT_OPEN"; opensAt: Date }
  | { state: "OPEN"; opensAt: Date; closesAt: Date }
  | { state: "CLOSED"; closedAt: Date };

/** Marks are accepted from midnight of the opening day through the deadline's last millisecond, both included. */
export function markingWindow(now: Date, window: { opensOn: string; deadline: Date }): MarkingWindowState {
  const opensAt = zonedInstant(window.opensOn, "00:00");
  if (now < opensAt) return { state: "NOT_OPEN", opensAt };
  if (now > window.deadline) return { state: "CLOSED", closedAt: window.deadline };
  return { state: "OPEN", opensAt, closesAt: window.deadline };
}
