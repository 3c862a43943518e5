import DataLoader from "dataloader";
import { asc, inArray } from "drizzle-orm";
import type { Db } from "@gradewatch/db";
import { problemReportHistory, slaSetting } from "@gradewatch/db/schema";
import { DEFAULT_SLA, REPORT_SEVERITIES, type ReportSeverity, type ReportTimeline, type SlaTargets } from "@gradewatch/domain";

/** The SLA targets in force: the district's settings over the rulebook's defaults. */
export async function slaTargets(db: Db): Promise<Record<ReportSeverity, SlaTargets>> {
  const rows = await db.select().from(slaSetting);
  const targets = { ...DEFAULT_SLA };
  for (const r of rows) targets[r.severity] = { acknowledgeMinutes: r.acknowledgeMinutes, resolveMinutes: r.resolveMinutes };
  return targets;
}

export const slaSettingsList = async (db: Db) => {
  const targets = await slaTargets(db);
  return REPORT_SEVERITIES.map((severity) => ({ severity, ...targets[severity] }));
};

/** Each report's timeline (filing, then every change of state), read from its history. */
export async function timelines(db: Db, reports: readonly { id: number; filedAt: Date }[]): Promise<Map<number, ReportTimeline>> {
  const ids = reports.map((r) => r.id);
  const rows = ids.length
    ? await db
        .select({ reportId: problemReportHistory.reportId, from: problemReportHistory.fromState, to: problemReportHistory.toState, at: problemReportHistory.changedAt })
        .from(problemReportHistory)
        .where(inArray(problemReportHistory.reportId, ids))
        .orderBy(asc(problemReportHistory.reportId), asc(problemReportHistory.version))
    : [];
  const map = new Map<number, ReportTimeline>(reports.map((r) => [r.id, { filedAt: r.filedAt, changes: [] }]));
  for (const row of rows) {
    if (row.from === null || row.from === row.to) continue;
    (map.get(row.reportId)!.changes as { at: Date; to: typeof row.to }[]).push({ at: row.at, to: row.to });
  }
  return map;
}

const cache = new WeakMap<object, { targets: Promise<Record<ReportSeverity, SlaTargets>>; timeline: DataLoader<{ id: number; filedAt: Date }, ReportTimeline, number> }>();

/** Per request: the SLA targets read once and the timelines of every report a page shows in one query. */
export function slaLoaders(ctx: { db: Db }) {
  let entry = cache.get(ctx);
  if (!entry) {
    entry = {
      targets: slaTargets(ctx.db),
      timeline: new DataLoader(async (reports) => {
        const map = await timelines(ctx.db, reports);
        return reports.map((r) => map.get(r.id)!);
      }, { cacheKeyFn: (r) => r.id }),
    };
    cache.set(ctx, entry);
  }
  return entry;
}
