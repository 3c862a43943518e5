import { sql } from "drizzle-orm";
import type { Db } from "@gradewatch/db";
import type { ReportFact } from "@gradewatch/domain";

/**
 * The open problem reports of each school (not RESOLVED or CLOSED at `at`, read from their history; filed
 * by then), for the school's risk reasons. Without `at`, the reports' current state. Severity and category
 * only, the same for every reader (migration 0025_risk_report_stamp): the risk service shows each reader the
 * schools in their reach.
 */
export async function openReportFacts(db: Db, options: { schoolIds?: number[]; at?: Date } = {}): Promise<Map<number, ReportFact[]>> {
  const facts = new Map<number, ReportFact[]>();
  if (options.schoolIds?.length === 0) return facts;
  const ids = options.schoolIds ? sql`array[${sql.join(options.schoolIds.map((id) => sql`${id}`), sql`, `)}]::integer[]` : sql`null::integer[]`;
  const at = options.at ? sql`${options.at.toISOString()}::timestamptz` : sql`null::timestamptz`;
  const result = await db.execute(sql`select school_id, severity, category from gw_open_report_facts(${at}, ${ids})`);
  for (const r of (result as unknown as { rows: { school_id: number; severity: ReportFact["severity"]; category: string }[] }).rows) {
    facts.set(r.school_id, [...(facts.get(r.school_id) ?? []), { severity: r.severity, category: r.category }]);
  }
  return facts;
}
