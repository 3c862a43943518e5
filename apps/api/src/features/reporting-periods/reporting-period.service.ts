import { and, eq, ilike, inArray, type SQL } from "drizzle-orm";
import type { Db } from "@gradewatch/db";
import { gradingItem, reportingPeriod } from "@gradewatch/db/schema";
import { STANDARD_GRADING_ITEMS } from "@gradewatch/domain";
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

export async function createReportingPeriod(db: Db, input: ReportingPeriodCreateInput) {
  const values = {
    schoolYear: input.schoolYear,
    name: input.name.trim(),
    level: input.level,
    windowOpensOn: asDate(input.windowOpensOn)!,
    originalDeadline: asDate(input.originalDeadline)!,
    currentDeadline: asDate(input.currentDeadline ?? input.originalDeadline)!,
  };
  checkDates(values);
  const items = input.gradingItems ?? STANDARD_GRADING_ITEMS[input.level];
  const codes = new Set<string>();
  for (const item of items) {
    if (codes.has(item.code)) throw badInput(`Grading item ${item.code} appears twice`);
    codes.add(item.code);
  }
  // The period and what it marks are one change: a period with nothing to mark is never visible.
  return write(db, async (tx) => {
    const [row] = await tx.insert(reportingPeriod).values(values).returning();
    await tx.insert(gradingItem).values(items.map((item, i) => ({ periodId: row!.id, code: item.code, name: item.name.trim(), scale: item.scale, position: i + 1 })));
    return row!;
  });
}

export async function updateReportingPeriod(db: Db, id: number, input: ReportingPeriodUpdateInput) {
  const current = await getReportingPeriod(db, id);
  const values = definedOnly({
    name: input.name?.trim(),
    windowOpensOn: asDate(input.windowOpensOn),
    originalDeadline: asDate(input.originalDeadline),
    currentDeadline: asDate(input.currentDeadline),
  });
  checkDates({ ...current, ...values });
  if (Object.keys(values).length === 0) return current;
  return write(db, async (tx) => {
      const [row] = await tx.update(reportingPeriod).set(values).where(eq(reportingPeriod.id, id)).returning();
      return row!;
  });
}
