import { CERTIFIES } from "@gradewatch/domain";
import { reachOf } from "@gradewatch/domain/policy";
import { and, asc, desc, eq, inArray, lte, ne, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "@gradewatch/db";
import { compensationLog, compensationLogHistory, employee, esc, school } from "@gradewatch/db/schema";
import type { Actor } from "../../access/actor.js";
import type { Clock } from "../../clock.js";
import { badInput, notFound, parseId } from "../../graphql/errors.js";
import { MAX_PER_PAGE, type ListArgs, SortOrder } from "../../graphql/pagination.js";
import type { CompensationLogFilter } from "./compensation.args.js";
import type { CompensationLog } from "./compensation.type.js";

// Reading compensation logs: the actor's scope, lists, one log, its evidence and its history. Settings and the
// log's lifecycle (filing, changing, submitting, deciding) are in compensation.service.ts.

/** The logs the actor may read: their own always, and as far as compensation.read reaches. */
export function compensationScope(actor: Actor): SQL | undefined {
  const own = eq(compensationLog.employeeId, actor.id);
  switch (reachOf(actor.role, "compensation.read")) {
    case "all":
      return undefined;
    case "esc":
      return or(own, eq(compensationLog.escId, actorEscSql(actor)));
    case "school":
      return or(own, eq(compensationLog.schoolId, actor.schoolId ?? -1));
    default:
      return own;
  }
}

const actorEscSql = (actor: Actor) =>
  actor.escId !== null ? sql`${actor.escId}` : sql`(select ${school.escId} from ${school} where ${school.id} = ${actor.schoolId ?? -1})`;

/** The submitted logs this actor certifies (checkCertifier, as a condition: CERTIFIES within the policy's reach). */
function toCertifyCondition(actor: Actor): SQL {
  const roles = CERTIFIES[actor.role];
  const reach = reachOf(actor.role, "compensation.certify");
  if (!roles || reach === "none" || reach === "own") return sql`false`;
  const unit = reach === "school" ? eq(compensationLog.schoolId, actor.schoolId ?? -1) : reach === "esc" ? eq(compensationLog.escId, actorEscSql(actor)) : undefined;
  return and(ne(compensationLog.employeeId, actor.id), unit, inArray(employee.role, [...roles]))!;
}

export const logColumns = {
  id: compensationLog.id,
  employeeId: compensationLog.employeeId,
  employeeName: sql<string>`${employee.firstName} || ' ' || ${employee.lastName}`,
  employeeNumber: employee.employeeNumber,
  schoolName: school.name,
  schoolId: compensationLog.schoolId,
  escId: compensationLog.escId,
  escCode: esc.code,
  workDate: compensationLog.workDate,
  startsAt: compensationLog.startsAt,
  endsAt: compensationLog.endsAt,
  minutes: compensationLog.minutes,
  countedMinutes: compensationLog.countedMinutes,
  category: compensationLog.category,
  outageId: compensationLog.outageId,
  problemReportId: compensationLog.problemReportId,
  description: compensationLog.description,
  state: compensationLog.state,
  version: compensationLog.version,
  adjustsLogId: compensationLog.adjustsLogId,
  payPeriodId: compensationLog.payPeriodId,
  flagged: compensationLog.flagged,
  reason: compensationLog.reason,
  submittedAt: compensationLog.submittedAt,
  decidedAt: compensationLog.decidedAt,
};

const SORTABLE = {
  id: compensationLog.id,
  workDate: compensationLog.workDate,
  submittedAt: compensationLog.submittedAt,
  countedMinutes: compensationLog.countedMinutes,
  state: compensationLog.state,
  category: compensationLog.category,
} as const;

function filterConditions(actor: Actor, now: Date, f: CompensationLogFilter): (SQL | undefined)[] {
  const where: (SQL | undefined)[] = [compensationScope(actor)];
  if (f.ids) where.push(inArray(compensationLog.id, f.ids.map((id) => parseId(id))));
  if (f.mine) where.push(eq(compensationLog.employeeId, actor.id));
  if (f.toCertify) where.push(toCertifyCondition(actor), eq(compensationLog.state, "SUBMITTED"));
  if (f.states?.length) where.push(inArray(compensationLog.state, f.states));
  if (f.escId) where.push(eq(compensationLog.escId, parseId(f.escId)));
  if (f.schoolId) where.push(eq(compensationLog.schoolId, parseId(f.schoolId)));
  if (f.employeeId) where.push(eq(compensationLog.employeeId, parseId(f.employeeId)));
  if (f.category) where.push(eq(compensationLog.category, f.category));
  if (f.flagged !== undefined) where.push(eq(compensationLog.flagged, f.flagged));
  if (f.olderThanDays !== undefined) where.push(lte(compensationLog.submittedAt, new Date(now.getTime() - f.olderThanDays * 86_400_000)));
  return where;
}

export async function listLogs(db: Db, actor: Actor, clock: Clock, args: ListArgs & { filter?: CompensationLogFilter }, wantsTotal = true) {
  const { page = 1, perPage = 25 } = args;
  if (!Number.isInteger(page) || page < 1) throw badInput(`page must be 1 or more (got ${page})`);
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > MAX_PER_PAGE) throw badInput(`perPage must be between 1 and ${MAX_PER_PAGE} (got ${perPage})`);
  const sortField = args.sortField ?? "id";
  if (!Object.hasOwn(SORTABLE, sortField)) throw badInput(`Cannot sort by "${sortField.slice(0, 40)}"; sortable fields: ${Object.keys(SORTABLE).join(", ")}`);
  const column = SORTABLE[sortField as keyof typeof SORTABLE];
  const direction = args.sortOrder === SortOrder.DESC ? desc : asc;
  const where = and(...filterConditions(actor, clock.now(), args.filter ?? {}));
  const base = db.select(logColumns).from(compensationLog).innerJoin(employee, eq(employee.id, compensationLog.employeeId)).leftJoin(school, eq(school.id, compensationLog.schoolId)).leftJoin(esc, eq(esc.id, compensationLog.escId));
  const items = await base
    .where(where)
    .orderBy(direction(column), direction(compensationLog.id))
    .limit(perPage)
    .offset((page - 1) * perPage);
  if (!wantsTotal) return { items: items as CompensationLog[] };
  // The count joins the employee only when the filter reads the employee's role (the certifier's queue).
  const counting = db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(compensationLog).$dynamic();
  const [counted] = await (args.filter?.toCertify ? counting.innerJoin(employee, eq(employee.id, compensationLog.employeeId)) : counting).where(where);
  return { items: items as CompensationLog[], total: counted?.n ?? 0 };
}

export async function getLog(db: Db, actor: Actor, id: number): Promise<CompensationLog> {
  const [row] = await db
    .select(logColumns)
    .from(compensationLog)
    .innerJoin(employee, eq(employee.id, compensationLog.employeeId))
    .leftJoin(school, eq(school.id, compensationLog.schoolId))
    .leftJoin(esc, eq(esc.id, compensationLog.escId))
    .where(and(eq(compensationLog.id, id), compensationScope(actor)));
  if (!row) throw notFound("Compensation log", id);
  return row as CompensationLog;
}

export interface Evidence {
  markChanges: number;
  firstChangeAt: Date | null;
  lastChangeAt: Date | null;
  sections: string[];
  outage: string | null;
}

/** Evidence for many logs in one statement, through gw_compensation_evidence (aggregates only). */
export async function evidenceFor(db: Db, ids: readonly number[]): Promise<Map<number, Evidence>> {
  const result = (await db.execute(sql`select e.log_id, e.mark_changes, e.first_change_at, e.last_change_at, e.sections, o.description as outage
    from gw_compensation_evidence(${sql.param([...ids])}::int[]) e
    join compensation_log l on l.id = e.log_id
    left join outage o on o.id = l.outage_id`)) as unknown as {
    rows: { log_id: number; mark_changes: number; first_change_at: string | Date | null; last_change_at: string | Date | null; sections: string[] | string; outage: string | null }[];
  };
  const date = (v: string | Date | null) => (v === null ? null : new Date(v));
  return new Map(
    result.rows.map((r) => [
      Number(r.log_id),
      {
        markChanges: Number(r.mark_changes),
        firstChangeAt: date(r.first_change_at),
        lastChangeAt: date(r.last_change_at),
        sections: typeof r.sections === "string" ? parsePgArray(r.sections) : r.sections,
        outage: r.outage,
      },
    ]),
  );
}

function parsePgArray(s: string): string[] {
  const inner = s.slice(1, -1);
  if (!inner) return [];
  return (inner.match(/"((?:[^"\\]|\\.)*)"|[^,]+/g) ?? []).map((x) => (x.startsWith('"') ? x.slice(1, -1).replace(/\\(.)/g, "$1") : x));
}

export async function historyOf(db: Db, logId: number) {
  return db
    .select({
      fromState: compensationLogHistory.fromState,
      toState: compensationLogHistory.toState,
      reason: compensationLogHistory.reason,
      changedAt: compensationLogHistory.changedAt,
      changedBy: sql<string>`${employee.firstName} || ' ' || ${employee.lastName}`,
    })
    .from(compensationLogHistory)
    .innerJoin(employee, eq(employee.id, compensationLogHistory.changedById))
    .where(eq(compensationLogHistory.logId, logId))
    .orderBy(asc(compensationLogHistory.id));
}
