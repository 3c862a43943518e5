import { and, inArray, lte, type SQL, sql } from "drizzle-orm";
import type { Db } from "@gradewatch/db";
import { problemReport } from "@gradewatch/db/schema";
import { isOpenReportState, type ReportFact, type ReportState } from "@gradewatch/domain";

/**
 * The open problem reports of each school (not RESOLVED or CLOSED at `at`, read from their history; filed
 * by then), for the school's risk reasons. Without `at`, the reports' current state.
 */
export async function openReportFacts(db: Db, options: { schoolIds?: number[]; at?: Date } = {}): Promise<Map<number, ReportFact[]>> {
  const where: (SQL | undefined)[] = [];
  if (options.schoolIds) where.push(options.schoolIds.length ? inArray(problemReport.schoolId, options.schoolIds) : sql`false`);
  if (options.at) where.push(lte(problemReport.filedAt, options.at));
  const state = options.at
    ? sql<ReportState>`(select h.to_state from problem_report_history h where h.report_id = problem_report.id and h.changed_at <= ${options.at}
        order by h.changed_at desc, h.version desc limit 1)`
    : sql<ReportState>`${problemReport.state}`;
  const rows = await db
    .select({ schoolId: problemReport.schoolId, severity: problemReport.severity, category: problemReport.category, state })
    .from(problemReport)
    .where(and(...where));
  const facts = new Map<number, ReportFact[]>();
  for (const r of rows) {
    if (!isOpenReportState(r.state ?? "NEW")) continue;
    facts.set(r.schoolId, [...(facts.get(r.schoolId) ?? []), { severity: r.severity, category: r.category }]);
  }
  return facts;
}
