import { dailyOccurrence, lastEndedOccurrence } from "@gradewatch/domain";
import { reachOf } from "@gradewatch/domain/policy";
import type { Db } from "@gradewatch/db";
import { esc, mark, markHistory, school } from "@gradewatch/db/schema";
import { sql } from "drizzle-orm";
import type { Actor } from "../../access/actor.js";
import { markHistoryScope } from "../../access/scope.js";
import { badInput, parseId } from "../../graphql/errors.js";
import { getMaintenanceWindow } from "../maintenance-windows/maintenance-window.service.js";
import type { OutageReportArgs } from "./outage-report.args.js";
import type { OutageReport, OutageReportSchool } from "./outage-report.type.js";
import { getOutage } from "./outage.service.js";
import { OutageKind } from "./outage.type.js";

type Interval = Pick<OutageReport, "kind" | "description" | "startsAt" | "endsAt" | "outageId" | "maintenanceWindowId" | "date">;

async function interval(db: Db, now: Date, args: OutageReportArgs): Promise<Interval> {
  if (args.outageId && args.maintenanceWindowId) throw badInput("Give either outageId or maintenanceWindowId, not both");
  if (args.outageId) {
    if (args.date) throw badInput("date applies to a maintenance window, not to an outage");
    const o = await getOutage(db, parseId(args.outageId, "outageId"));
    return { kind: o.kind as OutageKind, description: o.description, startsAt: o.startsAt, endsAt: o.endsAt, outageId: o.id, maintenanceWindowId: null, date: null };
  }
  if (args.maintenanceWindowId) {
    const w = await getMaintenanceWindow(db, parseId(args.maintenanceWindowId, "maintenanceWindowId"));
    // The occurrence on the date asked for, else the latest one that has ended.
    const occurrence = args.date ? dailyOccurrence(w, args.date) : lastEndedOccurrence(w, now);
    return { kind: OutageKind.MAINTENANCE, description: w.description || w.name, ...occurrence, outageId: null, maintenanceWindowId: w.id };
  }
  throw badInput("Give outageId or maintenanceWindowId");
}

interface Row {
  school_id: number | null;
  school_name: string | null;
  esc_name: string | null;
  entered_during: number;
  saved_after: number;
  saved_during: number;
  median_delay: number | null;
  max_delay: number | null;
  missing: number;
  schools: number;
}

export async function outageReport(db: Db, actor: Actor, now: Date, args: OutageReportArgs): Promise<OutageReport> {
  const i = await interval(db, now, args);
  const h = markHistory;
  const start = sql`${i.startsAt.toISOString()}::timestamptz`;
  const end = sql`${i.endsAt.toISOString()}::timestamptz`;
  const enteredDuring = sql`(${h.clientEnteredAt} >= ${start} and ${h.clientEnteredAt} < ${end})`;
  const savedDuring = sql`(${h.changedAt} >= ${start} and ${h.changedAt} < ${end})`;
  const held = sql`(${enteredDuring} and ${h.changedAt} >= ${end})`;
  const delay = sql`extract(epoch from ${h.changedAt} - ${h.clientEnteredAt})`;
  const scope = markHistoryScope(actor);
  // One pass: a row per school and, from the empty grouping set, the totals (a true median, not a median of medians).
  const result = await db.execute(sql`
    select ${h.schoolId} as school_id, ${school.name} as school_name, ${esc.name} as esc_name,
      count(*) filter (where ${enteredDuring})::int as entered_during,
      count(*) filter (where ${held})::int as saved_after,
      count(*) filter (where ${savedDuring})::int as saved_during,
      (percentile_cont(0.5) within group (order by ${delay}) filter (where ${held}))::float8 as median_delay,
      (max(${delay}) filter (where ${held}))::float8 as max_delay,
      count(*) filter (where ${mark.id} is null or ${mark.version} < ${h.version})::int as missing,
      count(distinct ${h.schoolId})::int as schools
    from ${h}
    left join ${mark} on ${mark.id} = ${h.markId}
    join ${school} on ${school.id} = ${h.schoolId}
    join ${esc} on ${esc.id} = ${school.escId}
    where (${enteredDuring} or ${savedDuring}) ${scope ? sql`and ${scope}` : sql``}
    group by grouping sets ((${h.schoolId}, ${school.name}, ${esc.name}), ())
    order by ${school.name} nulls first`);
  const rows = (result as unknown as { rows: Row[] }).rows;
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  const counts = (r: Row) => ({
    enteredDuring: Number(r.entered_during),
    savedAfter: Number(r.saved_after),
    savedDuring: Number(r.saved_during),
    medianDelaySeconds: num(r.median_delay),
    maxDelaySeconds: num(r.max_delay),
    missing: Number(r.missing),
  });
  const total = rows.find((r) => r.school_id === null);
  const schools: OutageReportSchool[] = rows
    .filter((r) => r.school_id !== null)
    .map((r) => ({ schoolId: Number(r.school_id), schoolName: r.school_name!, escName: r.esc_name!, ...counts(r) }));
  return {
    ...i,
    marksVisible: reachOf(actor.role, "mark.read") !== "none",
    schools,
    totals: total
      ? { schools: Number(total.schools), ...counts(total) }
      : { schools: 0, enteredDuring: 0, savedAfter: 0, savedDuring: 0, medianDelaySeconds: null, maxDelaySeconds: null, missing: 0 },
  };
}
