/** One recorded move of a reporting period's deadline: district dates (YYYY-MM-DD) and the instant it was made. */
export interface DeadlineChange {
  /** Breaks a tie between changes made at the same instant: the one recorded later wins. */
  id?: number;
  fromDeadline: string;
  toDeadline: string;
  changedAt: Date;
}

// The database's order too (migration as_of_rules): by time, then by the order recorded.
function inOrder<T extends DeadlineChange>(changes: readonly T[]): T[] {
  return changes
    .map((change, index) => ({ change, index }))
    .sort((a, b) => a.change.changedAt.getTime() - b.change.changedAt.getTime() || (a.change.id ?? a.index) - (b.change.id ?? b.index))
    .map((x) => x.change);
}

/** The change that decides the period's current deadline, or undefined when it never moved. */
export function latestDeadlineChange<T extends DeadlineChange>(changes: readonly T[]): T | undefined {
  return inOrder(changes).at(-1);
}

/**
 * The deadline as it stood at `at`: set by the last change made at or before `at`; before the first change,
 * what that change moved it from. Undefined when the deadline never moved: the period's original deadline holds.
 */
export function deadlineAsOf(changes: readonly DeadlineChange[], at: Date): string | undefined {
  const ordered = inOrder(changes);
  const made = ordered.filter((c) => c.changedAt.getTime() <= at.getTime());
  return made.at(-1)?.toDeadline ?? ordered[0]?.fromDeadline;
}
