import { payCents, RATE_CLASS_OF_ROLE } from "@gradewatch/domain";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@gradewatch/db";
import { compensationLog, employee, esc, school } from "@gradewatch/db/schema";
import type { Actor } from "../../access/actor.js";
import { compensationScope, getSettings } from "./compensation.service.js";
import type { CompensationGroup } from "./compensation.type.js";


/** Totals by ESC, school or category: counted time and cost of decided and pending logs, against HR's budget. */
export async function compensationSummary(db: Db, actor: Actor, group: `${CompensationGroup}`) {
  const key =
    group === "ESC"
      ? { key: sql<string>`coalesce(${esc.id}::text, 'office')`, label: sql<string>`coalesce(${esc.name}, 'District office')` }
      : group === "SCHOOL"
        ? { key: sql<string>`coalesce(${school.id}::text, 'office')`, label: sql<string>`coalesce(${school.name}, ${esc.name}, 'District office')` }
        : { key: sql<string>`${compensationLog.category}::text`, label: sql<string>`${compensationLog.category}::text` };
  const rows = await db
    .select({
      key: key.key,
      label: key.label,
      role: employee.role,
      paid: sql<boolean>`${compensationLog.state} in ('APPROVED', 'EXPORTED')`,
      logs: sql<number>`count(*)`.mapWith(Number),
      minutes: sql<number>`sum(${compensationLog.countedMinutes})`.mapWith(Number),
    })
    .from(compensationLog)
    .innerJoin(employee, eq(employee.id, compensationLog.employeeId))
    .leftJoin(school, eq(school.id, compensationLog.schoolId))
    .leftJoin(esc, eq(esc.id, compensationLog.escId))
    .where(and(inArray(compensationLog.state, ["SUBMITTED", "CERTIFIED", "APPROVED", "EXPORTED"]), compensationScope(actor)))
    .groupBy(key.key, key.label, employee.role, sql`${compensationLog.state} in ('APPROVED', 'EXPORTED')`);
  const { rates, budgetCents } = await getSettings(db);
  const groups = new Map<string, { key: string; label: string; logs: number; countedMinutes: number; paidCents: number; pendingCents: number }>();
  for (const r of rows) {
    const g = groups.get(r.key) ?? { key: r.key, label: r.label, logs: 0, countedMinutes: 0, paidCents: 0, pendingCents: 0 };
    const cents = payCents(r.minutes, RATE_CLASS_OF_ROLE[r.role], rates);
    g.logs += r.logs;
    g.countedMinutes += r.minutes;
    if (r.paid) g.paidCents += cents;
    else g.pendingCents += cents;
    groups.set(r.key, g);
  }
  const list = [...groups.values()].sort((a, b) => b.paidCents + b.pendingCents - (a.paidCents + a.pendingCents));
  return {
    budgetCents,
    paidCents: list.reduce((s, g) => s + g.paidCents, 0),
    pendingCents: list.reduce((s, g) => s + g.pendingCents, 0),
    groups: group === "SCHOOL" ? list.slice(0, 25) : list,
  };
}
