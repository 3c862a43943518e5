import { and, asc, eq, ilike, inArray, type SQL } from "drizzle-orm";
import type { Db } from "@gradewatch/db";
import { deadlineChange, gradingItem, reportingPeriod } from "@gradewatch/db/schema";
import { STANDARD_GRADING_ITEMS } from "@gradewatch/domain";
import type { Actor } from "../../access/actor.js";
import type { Clock } from "../../clock.js";
import { badInput, notFound, parseId, write } from "../../graphql/errors.js";
import { definedOnly } from "../../graphql/inputs.js";
import { likePattern, paginate } from "../../graphql/pagination.js";
import type { ReportingPeriodListArgs } from "./reporting-period.args.js";
import type { ReportingPeriodCreateInput, ReportingPeriodUpdateInput } from "./reporting-period.input.js";

// graphql-scalars' LocalDate parses to a string, but be strict about the shape we store.
const asDate = (value: string | Date | undefined) =>
  value === undefined ? undefined : typeof value === "string" ? value : value.toISOString().slice(0, 10);

function checkDates(p: { windowOpensOn: string; originalDeadline: string; currentDeadline: string }) {
  if (p.windowOpensOn > p.originalDeadline) throw badInput("windowOpensOn must be on or before originalDeadline");
  if (p.currentDeadline < p.originalDeadline) {
    throw badInput("currentDeadline cannot be earlier than originalDeadline: deadlines are only ever extended");
  }
}

export function listReportingPeriods(db: Db, args: ReportingPeriodListArgs) {
  const f = args.filter ?? {};
  const where: (SQL | undefined)[] = [];
  if (f.ids) where.push(inArray(reportingPeriod.id, f.ids.map((id) => parseId(id))));
  if (f.q) where.push(ilike(reportingPeriod.name, likePattern(f.q)));
  if (f.level) where.push(eq(reportingPeriod.level, f.level));
  if (f.schoolYear) where.push(eq(reportingPeriod.schoolYear, f.schoolYear));
  return paginate(db, args, {
    table: reportingPeriod,
    where: and(...where),
    sortable: {
      id: reportingPeriod.id,
      name: reportingPeriod.name,
      schoolYear: reportingPeriod.schoolYear,
      level: reportingPeriod.level,
      windowOpensOn: reportingPeriod.windowOpensOn,
      currentDeadline: reportingPeriod.currentDeadline,
    },
    defaultSort: "windowOpensOn",
    tieBreaker: reportingPeriod.id,
  });
}

export async function getReportingPeriod(db: Db, id: number) {
  const [row] = await db.select().from(reportingPeriod).where(eq(reportingPeriod.id, id));
  if (!row) throw notFound("Reporting period", id);
  return row;
}

function reasonFor(move: { from: string; to: string } | undefined, reason: string | undefined) {
  const given = reason?.trim();
  if (move && move.from !== move.to && !given) {
    throw badInput(`Give a reason for moving the deadline from ${move.from} to ${move.to} (deadlineChangeReason): it is kept with the change`);
  }
  return given ?? "";
}

/**
 * The one writer of deadline changes. The row is the record; a trigger (migration as_of_rules) copies the
 * latest change into reporting_period.current_deadline in the same transaction.
 */
async function recordDeadlineChange(tx: Db, change: { periodId: number; from: string; to: string; reason: string; actor: Actor; at: Date }) {
  await tx.insert(deadlineChange).values({
    periodId: change.periodId,
    fromDeadline: change.from,
    toDeadline: change.to,
    reason: change.reason,
    changedById: change.actor.id,
    changedAt: change.at,
  });
}

/** A period's deadline changes, oldest first. */
export function listDeadlineChanges(db: Db, periodId: number) {
  return db.select().from(deadlineChange).where(eq(deadlineChange.periodId, periodId)).orderBy(asc(deadlineChange.changedAt), asc(deadlineChange.id));
}

export async function createReportingPeriod(db: Db, actor: Actor, clock: Clock, input: ReportingPeriodCreateInput) {
  const values = {
    schoolYear: input.schoolYear,
    name: input.name.trim(),
    level: input.level,
    windowOpensOn: asDate(input.windowOpensOn)!,
    originalDeadline: asDate(input.originalDeadline)!,
    currentDeadline: asDate(input.currentDeadline ?? input.originalDeadline)!,
  };
  checkDates(values);
  const move = { from: values.originalDeadline, to: values.currentDeadline };
  const reason = reasonFor(move, input.deadlineChangeReason);
  const items = input.gradingItems ?? STANDARD_GRADING_ITEMS[input.level];
  const codes = new Set<string>();
  for (const item of items) {
    if (codes.has(item.code)) throw badInput(`Grading item ${item.code} appears twice`);
    codes.add(item.code);
  }
  // The period and what it marks are one change: a period with nothing to mark is never visible.
  return write(db, async (tx) => {
    const [row] = await tx.insert(reportingPeriod).values({ ...values, currentDeadline: values.originalDeadline }).returning();
    await tx.insert(gradingItem).values(items.map((item, i) => ({ periodId: row!.id, code: item.code, name: item.name.trim(), scale: item.scale, position: i + 1 })));
    if (move.from === move.to) return row!;
    await recordDeadlineChange(tx, { periodId: row!.id, ...move, reason, actor, at: clock.now() });
    return getReportingPeriod(tx, row!.id);
  });
}

/** A move of the deadline is recorded as a deadline change, with who, when and why; the rest is edited in place. */
export async function updateReportingPeriod(db: Db, actor: Actor, clock: Clock, id: number, input: ReportingPeriodUpdateInput) {
  const current = await getReportingPeriod(db, id);
  const values = definedOnly({
    name: input.name?.trim(),
    windowOpensOn: asDate(input.windowOpensOn),
    originalDeadline: asDate(input.originalDeadline),
  });
  // A deadline that never moved is the original one: it follows a corrected original deadline.
  const follows = values.originalDeadline !== undefined && (await listDeadlineChanges(db, id)).length === 0;
  const from = follows ? values.originalDeadline! : current.currentDeadline;
  const to = asDate(input.currentDeadline) ?? from;
  checkDates({ ...current, ...values, currentDeadline: to });
  const move = to !== from ? { from, to } : undefined;
  const reason = reasonFor(move, input.deadlineChangeReason);
  if (Object.keys(values).length === 0 && !move) return current;
  return write(db, async (tx) => {
    if (Object.keys(values).length > 0) {
      await tx.update(reportingPeriod).set({ ...values, ...(follows ? { currentDeadline: from } : {}) }).where(eq(reportingPeriod.id, id));
    }
    if (move) await recordDeadlineChange(tx, { periodId: id, ...move, reason, actor, at: clock.now() });
    return getReportingPeriod(tx, id);
  });
}
