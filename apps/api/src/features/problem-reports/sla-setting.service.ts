import { and, eq, notInArray } from "drizzle-orm";
import { problemReport, slaSetting } from "@gradewatch/db/schema";
import { CLOSED_REPORT_STATES, reportSla, type ReportSeverity } from "@gradewatch/domain";
import type { Context } from "../../graphql/context.js";
import { badInput, write } from "../../graphql/errors.js";
import { slaSettingsList, timelines } from "./problem-report.sla.js";

/** Sets a severity's SLA targets and moves the due times of its open reports to match. */
export async function updateSlaSetting(ctx: Context, severity: ReportSeverity, acknowledgeMinutes: number, resolveMinutes: number) {
  if (!Number.isInteger(acknowledgeMinutes) || acknowledgeMinutes < 1) throw badInput("acknowledgeMinutes must be at least 1 school minute");
  if (!Number.isInteger(resolveMinutes) || resolveMinutes < acknowledgeMinutes) throw badInput("resolveMinutes must be at least acknowledgeMinutes");
  const now = ctx.clock.now();
  return write(ctx.db, async (tx) => {
    const values = { severity, acknowledgeMinutes, resolveMinutes, updatedById: ctx.actor!.id, updatedAt: now };
    await tx.insert(slaSetting).values(values).onConflictDoUpdate({ target: slaSetting.severity, set: values });
    const open = await tx
      .select({ id: problemReport.id, filedAt: problemReport.filedAt })
      .from(problemReport)
      .where(and(eq(problemReport.severity, severity), notInArray(problemReport.state, [...CLOSED_REPORT_STATES])));
    const lines = await timelines(tx, open);
    for (const r of open) {
      const sla = reportSla(lines.get(r.id)!, { acknowledgeMinutes, resolveMinutes }, now);
      await tx.update(problemReport).set({ slaDueAt: sla.dueAt }).where(eq(problemReport.id, r.id));
    }
    return (await slaSettingsList(tx)).find((s) => s.severity === severity)!;
  });
}
