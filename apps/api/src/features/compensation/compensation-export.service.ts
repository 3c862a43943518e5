import { payCents, RATE_CLASS_OF_ROLE, type RateClass } from "@gradewatch/domain";
import { and, asc, desc, eq, isNull, lte, sql } from "drizzle-orm";
import Papa from "papaparse";
import type { Db } from "@gradewatch/db";
import { compensationLog, employee, esc, payPeriod, school } from "@gradewatch/db/schema";
import { badInput, notFound } from "../../graphql/errors.js";
import { once } from "../../write-kit/write-kit.js";
import { getSettings, type RequestInfo } from "./compensation.service.js";

const LA = new Intl.DateTimeFormat("en-CA", {
  timeZone: "America/Los_Angeles",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});
const local = (d: Date) => LA.format(d).replace(",", "");
const dollars = (cents: number) => (cents / 100).toFixed(2);
const hours = (minutes: number) => (minutes / 60).toFixed(2);

type PeriodResult = { id: number };

/**
 * HR closes a pay period: every approved log not yet paid (approved by now) goes into it, becomes EXPORTED,
 * and the period keeps its two files, so exporting it again returns the same bytes and pays nothing twice.
 * A log approved later waits for the next period. An adjustment pays the difference from the log it corrects.
 */
export async function closePayPeriod(r: RequestInfo, operationId: string) {
  const now = r.clock.now();
  const done = await once<PeriodResult>(r.db, { kind: "compensation.closePayPeriod", actorId: r.actor.id, operationId, payload: [], now }, async (tx) => {
    const rows = await tx
      .select({
        id: compensationLog.id,
        employeeId: compensationLog.employeeId,
        employeeNumber: employee.employeeNumber,
        name: sql<string>`${employee.lastName} || ', ' || ${employee.firstName}`,
        role: employee.role,
        school: sql<string>`coalesce(${school.name}, ${esc.name}, 'District office')`,
        workDate: compensationLog.workDate,
        startsAt: compensationLog.startsAt,
        endsAt: compensationLog.endsAt,
        countedMinutes: compensationLog.countedMinutes,
        category: compensationLog.category,
        adjustsLogId: compensationLog.adjustsLogId,
        adjustedMinutes: sql<number | null>`(select o.counted_minutes from compensation_log o where o.id = ${compensationLog.adjustsLogId})`,
        version: compensationLog.version,
      })
      .from(compensationLog)
      .innerJoin(employee, eq(employee.id, compensationLog.employeeId))
      .leftJoin(school, eq(school.id, compensationLog.schoolId))
      .leftJoin(esc, eq(esc.id, compensationLog.escId))
      .where(and(eq(compensationLog.state, "APPROVED"), isNull(compensationLog.payPeriodId), lte(compensationLog.decidedAt, now)))
      .orderBy(asc(employee.employeeNumber), asc(compensationLog.workDate), asc(compensationLog.id))
      .for("update", { of: compensationLog });
    if (rows.length === 0) throw badInput("No approved logs are waiting to be paid: nothing to export");
    const { rates } = await getSettings(tx);
    const detail = rows.map((row) => {
      const rateClass: RateClass = RATE_CLASS_OF_ROLE[row.role];
      const minutes = row.countedMinutes - (row.adjustedMinutes === null ? 0 : Number(row.adjustedMinutes));
      const cents = payCents(row.countedMinutes, rateClass, rates) - (row.adjustedMinutes === null ? 0 : payCents(Number(row.adjustedMinutes), rateClass, rates));
      return { ...row, rateClass, minutes, cents };
    });
    const byEmployee = new Map<number, { employeeNumber: string; name: string; school: string; rateClass: RateClass; minutes: number; cents: number }>();
    for (const d of detail) {
      const e = byEmployee.get(d.employeeId) ?? { employeeNumber: d.employeeNumber, name: d.name, school: d.school, rateClass: d.rateClass, minutes: 0, cents: 0 };
      e.minutes += d.minutes;
      e.cents += d.cents;
      byEmployee.set(d.employeeId, e);
    }
    const totalCents = detail.reduce((sum, d) => sum + d.cents, 0);
    const [count] = await tx.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(payPeriod);
    const name = `Pay period ${(count?.n ?? 0) + 1} (closed ${local(now).slice(0, 10)})`;
    const summaryCsv = `${Papa.unparse({
      fields: ["employee_number", "name", "school", "hours", "rate_class", "amount"],
      data: [...byEmployee.values()].map((e) => [e.employeeNumber, e.name, e.school, hours(e.minutes), e.rateClass, dollars(e.cents)]),
    })}\r\n`;
    const detailCsv = `${Papa.unparse({
      fields: ["log_id", "employee_number", "name", "school", "work_date", "starts_at", "ends_at", "hours", "category", "rate_class", "amount", "adjusts_log_id"],
      data: detail.map((d) => [d.id, d.employeeNumber, d.name, d.school, d.workDate, local(d.startsAt), local(d.endsAt), hours(d.minutes), d.category, d.rateClass, dollars(d.cents), d.adjustsLogId ?? ""]),
    })}\r\n`;
    const [period] = await tx
      .insert(payPeriod)
      .values({ name, closedAt: now, closedById: r.actor.id, logCount: detail.length, totalCents, summaryCsv, detailCsv })
      .returning({ id: payPeriod.id });
    const ids = detail.map((d) => d.id);
    await tx.execute(sql`update compensation_log set state = 'EXPORTED', pay_period_id = ${period!.id}, version = version + 1 where id = any(${sql.param(ids)}::int[])`);
    await tx.execute(sql`insert into compensation_log_history (log_id, from_state, to_state, changed_by_id, changed_at, source, operation_id, request_id)
      select u.id, 'APPROVED', 'EXPORTED', ${r.actor.id}, ${now.toISOString()}::timestamptz, 'API', ${operationId}, ${r.requestId} from unnest(${sql.param(ids)}::int[]) as u(id)`);
    return { id: period!.id };
  });
  if (done.status === "REUSED") throw badInput("This operation id was already used: send a new operation id");
  return { ...(await getPayPeriod(r.db, done.result.id)), replayed: done.replayed };
}

const periodColumns = { id: payPeriod.id, name: payPeriod.name, closedAt: payPeriod.closedAt, logCount: payPeriod.logCount, totalCents: payPeriod.totalCents };

export async function getPayPeriod(db: Db, id: number) {
  const [row] = await db.select(periodColumns).from(payPeriod).where(eq(payPeriod.id, id));
  if (!row) throw notFound("Pay period", id);
  return row;
}

export async function listPayPeriods(db: Db, page: number, perPage: number) {
  const items = await db.select(periodColumns).from(payPeriod).orderBy(desc(payPeriod.id)).limit(Math.min(perPage, 500)).offset((Math.max(page, 1) - 1) * perPage);
  const [count] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(payPeriod);
  return { items, total: count?.n ?? 0 };
}

/** A closed period's stored file: the same bytes every time it is exported. */
export async function payPeriodFile(db: Db, id: number, kind: "summary" | "detail") {
  const [row] = await db.select({ summaryCsv: payPeriod.summaryCsv, detailCsv: payPeriod.detailCsv }).from(payPeriod).where(eq(payPeriod.id, id));
  if (!row) throw notFound("Pay period", id);
  return { filename: `pay-period-${id}-${kind}.csv`, csv: kind === "summary" ? row.summaryCsv : row.detailCsv };
}
