import { formatDeadline, markingWindow } from "./deadlines.js";
import type { PeriodLevel } from "./grading-items.js";
import { checkMark, type MarkScale } from "./mark-scales.js";
import { expectVersion } from "./versions.js";

/** Everything a mark save is decided on, read by the caller in the change's transaction. */
export interface MarkSaveFacts {
  now: Date;
  ids: { periodId: number; sectionId: number; studentId: number; gradingItemId: number };
  /** The section, when it exists within the actor's scope. */
  section: { level: PeriodLevel } | null;
  period: { name: string; level: PeriodLevel; windowOpensOn: string } | null;
  /** The effective deadline (see effectiveDeadline). */
  deadline: Date | null;
  /** The grading item's scale, when the item is marked in that period. */
  scale: MarkScale | null;
  enrolled: boolean;
  /** The stored mark, if any. */
  current: { value: string; comment: string | null; version: number } | null;
  payload: { value: string; comment?: string | null; baseVersion?: number | null };
}

export type MarkRejectionCode = "BAD_USER_INPUT" | "NOT_FOUND" | "DEADLINE_PASSED";

export type MarkSaveDecision =
  | { status: "REJECTED"; code: MarkRejectionCode; reason: string }
  /** Someone saved another version since the client last saw it: answer with the current mark. */
  | { status: "CONFLICT"; reason: string; version: number }
  /** INSERT as version 1, UPDATE to `version`, or NONE: the stored mark already says this. */
  | { status: "SAVED"; write: "INSERT" | "UPDATE" | "NONE"; value: string; comment: string | null; version: number };

export const conflictReason = (version: number) => `Someone saved version ${version} of this mark since you last saw it`;

/** The checks that do not depend on the stored mark, in order: scope, period, item, enrollment, window, deadline, scale. */
export function checkMarkSave(f: Omit<MarkSaveFacts, "current">): { ok: true; value: string; comment: string | null } | { ok: false; rejection: MarkSaveDecision & { status: "REJECTED" } } {
  const { ids, section, period } = f;
  const no = (code: MarkRejectionCode, reason: string) => ({ ok: false as const, rejection: { status: "REJECTED" as const, code, reason } });
  if (!section) return no("NOT_FOUND", `Section ${ids.sectionId} not found`);
  if (!period) return no("NOT_FOUND", `Reporting period ${ids.periodId} not found`);
  if (period.level !== section.level) return no("BAD_USER_INPUT", `${period.name} does not mark ${section.level.toLowerCase()} sections`);
  if (!f.scale) return no("BAD_USER_INPUT", `Grading item ${ids.gradingItemId} is not marked in ${period.name}`);
  if (!f.enrolled) return no("BAD_USER_INPUT", `Student ${ids.studentId} is not enrolled in this section`);
  if (!f.deadline) throw new Error("checkMarkSave: a period needs its effective deadline");
  const window = markingWindow(f.now, { opensOn: period.windowOpensOn, deadline: f.deadline });
  if (window.state === "NOT_OPEN") return no("BAD_USER_INPUT", `The marking window for ${period.name} opens on ${period.windowOpensOn}`);
  if (window.state === "CLOSED") return no("DEADLINE_PASSED", `The deadline for ${period.name} passed at ${formatDeadline(window.closedAt)}`);
  const checked = checkMark(f.scale, f.payload.value);
  if (!checked.ok) return no("BAD_USER_INPUT", checked.reason);
  return { ok: true, value: checked.value, comment: f.payload.comment?.trim() || null };
}

/** The rule for saving one mark: checkMarkSave, then the version check against the stored mark. */
export function decideMarkSave(f: MarkSaveFacts): MarkSaveDecision {
  const checked = checkMarkSave(f);
  if (!checked.ok) return checked.rejection;
  const { value, comment } = checked;
  const base = f.payload.baseVersion ?? null;
  const current = f.current;
  const seen = expectVersion(current, base);
  if (!seen.ok && seen.status === "NOT_FOUND") return { status: "REJECTED", code: "BAD_USER_INPUT", reason: `baseVersion ${base} was sent for a mark that has never been saved` };
  if (!seen.ok) return { status: "CONFLICT", reason: conflictReason(seen.current.version), version: seen.current.version };
  if (!current) return { status: "SAVED", write: "INSERT", value, comment, version: 1 };
  if (current.value === value && current.comment === comment) {
    return { status: "SAVED", write: "NONE", value: current.value, comment: current.comment, version: current.version };
  }
  return { status: "SAVED", write: "UPDATE", value, comment, version: current.version + 1 };
}
