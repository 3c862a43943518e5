import { RATE_CLASS_OF_ROLE } from "@gradewatch/domain";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@gradewatch/db";
import { compensationLog, employee, esc, school } from "@gradewatch/db/schema";
import type { Actor } from "../../access/actor.js";
import { compensationScope } from "./compensation-read.service.js";
import { getSettings } from "./compensation.service.js";
import type { CompensationGroup } from "./compensation.type.js";


/** Totals by ESC, school or category: counted time and cost of decided and pending logs, against HR's budget. */
export async function compensationSummary(db: Db, actor: Actor, group: `${CompensationGroup}`) {
  const key =
    group === "ESC"
      ? { key: sql<string>`coalesce(${esc.id}::text, 'office')`, label: sql<string>`coalesce(${esc.name}, 'District office')` }
      : group === "SCHOOL"
        ? { key: sql<string>`coalesce(${school.id}::text, 'office')`, label: sql<string>`coalesce(${school.name}, ${esc.name}, 'District office')` }
        : { key: sql<string>`${compensationLog.category}::text`, label: sql<string>`${compensationLog.category}::text` };
  const { rates, budgetCents } = await getSettings(db);
  // Each log's pay rounded to the cent as the payroll export rounds it; an adjustment adds only its difference.
  const rateOf = sql.join(
    Object.entries(RATE_CLASS_OF_ROLE).map(([role, rateClass]) => sql`when ${role} then ${rates[rateClass]}::numeric`),
    sql` `,
  );
  const adjusted = sql`coalesce((select o.counted_minutes from compensation_log o where o.id = ${compensationLog.adjustsLogId}), 0)`;
  const rate = sql`(case ${employee.role}::text ${rateOf} end)`;
  const paid = sql`${compensationLog.state} in ('APPROVED', 'EXPORTED')`;
  const rows = await db
    .select({
      key: key.key,
      label: key.label,
      logs: sql<number>`count(*)`.mapWith(Number),
      minutes: sql<number>`sum(${compensationLog.countedMinutes} - ${adjusted})`.mapWith(Number),
      paidCents: sql<number>`coalesce(sum(round(${compensationLog.countedMinutes} * ${rate} / 60) - round(${adjusted} * ${rate} / 60)) filter (where ${paid}), 0)`.mapWith(Number),
      pendingCents: sql<number>`coalesce(sum(round(${compensationLog.countedMinutes} * ${rate} / 60) - round(${adjusted} * ${rate} / 60)) filter (where not ${paid}), 0)`.mapWith(Number),
    })
    .from(compensationLog)
    .innerJoin(employee, eq(employee.id, compensationLog.employeeId))
    .leftJoin(school, eq(school.id, compensationLog.schoolId))
    .leftJoin(esc, eq(esc.id, compensationLog.escId))
    .where(and(inArray(compensationLog.state, ["SUBMITTED", "CERTIFIED", "APPROVED", "EXPORTED"]), compensationScope(actor)))
    .groupBy(key.key, key.label);
  const groups = new Map(rows.map((r) => [r.key, { key: r.key, label: r.label, logs: r.logs, countedMinutes: r.minutes, paidCents: r.paidCents, pendingCents: r.pendingCents }]));
  const list = [...groups.values()].sort((a, b) => b.paidCents + b.pendingCents - (a.paidCents + a.pendingCents));
  return {
    budgetCents,
    paidCents: list.reduce((s, g) => s + g.paidCents, 0),
    pendingCents: list.reduce((s, g) => s + g.pendingCents, 0),
    groups: group === "SCHOOL" ? list.slice(0, 25) : list,
  };
}
