import { and, eq, inArray, isNull, max, type SQL } from "drizzle-orm";
import type { Db } from "@gradewatch/db";
import { deadlineExtension, reportingPeriod, school, section } from "@gradewatch/db/schema";
import { effectiveDeadline, effectiveDeadlineDay, isIsoDate } from "@gradewatch/domain";
import type { Actor } from "../../access/actor.js";
import { riskSchoolScope } from "../../access/scope.js";
import type { Clock } from "../../clock.js";
import { badInput, notFound, parseId } from "../../graphql/errors.js";
import { paginate } from "../../graphql/pagination.js";
import { once } from "../../write-kit/write-kit.js";
import type { DeadlineExtensionListArgs, GrantDeadlineExtensionInput } from "./deadline-extension.args.js";
import type { DeadlineExtension } from "./deadline-extension.type.js";

const schoolsIn = (db: Db, scope: SQL | undefined) => db.select({ id: school.id }).from(school).where(scope);

export function listDeadlineExtensions(db: Db, actor: Actor, args: DeadlineExtensionListArgs) {
  const f = args.filter ?? {};
  const scope = riskSchoolScope(actor, "extension.read");
  return paginate(db, args, {
    table: deadlineExtension,
    where: and(
      scope ? inArray(deadlineExtension.schoolId, schoolsIn(db, scope)) : undefined,
      f.periodId ? eq(deadlineExtension.periodId, parseId(f.periodId, "periodId")) : undefined,
      f.schoolId ? eq(deadlineExtension.schoolId, parseId(f.schoolId, "schoolId")) : undefined,
    ),
    sortable: { id: deadlineExtension.id, createdAt: deadlineExtension.createdAt, extendedTo: deadlineExtension.extendedTo, schoolId: deadlineExtension.schoolId },
    defaultSort: "createdAt",
    tieBreaker: deadlineExtension.id,
  });
}

/** The latest extension day granted to the school (sectionId null) or to one section of it. */
async function latestExtension(db: Db, periodId: number, schoolId: number, sectionId: number | null) {
  const [row] = await db
    .select({ day: max(deadlineExtension.extendedTo) })
    .from(deadlineExtension)
    .where(
      and(
        eq(deadlineExtension.periodId, periodId),
        eq(deadlineExtension.schoolId, schoolId),
        sectionId === null ? isNull(deadlineExtension.sectionId) : eq(deadlineExtension.sectionId, sectionId),
      ),
    );
  return row?.day ?? null;
}

type Granted = Omit<DeadlineExtension, "createdAt"> & { createdAt: Date | string };

/**
 * Grants a later deadline to a school or to one of its sections, once per operation id: who granted it and
 * when (the district clock) are kept with the reason. An extension never shortens the deadline in force.
 */
export async function grantDeadlineExtension(db: Db, actor: Actor, clock: Clock, input: GrantDeadlineExtensionInput): Promise<DeadlineExtension> {
  const periodId = parseId(input.periodId, "periodId");
  const schoolId = parseId(input.schoolId, "schoolId");
  const sectionId = input.sectionId === undefined || input.sectionId === null ? null : parseId(input.sectionId, "sectionId");
  const extendedTo = input.extendedTo.trim();
  if (!isIsoDate(extendedTo)) throw badInput(`extendedTo must be a date written YYYY-MM-DD (got "${extendedTo.slice(0, 40)}")`);
  const reason = input.reason.trim();
  if (!reason) throw badInput("Give a reason for the extension: it is kept with it");
  const operationId = input.operationId.trim();
  if (!operationId || operationId.length > 200) throw badInput("operationId must be 1 to 200 characters");
  const now = clock.now();
  const op = { kind: "deadlineExtension.grant", actorId: actor.id, operationId, payload: { periodId, schoolId, sectionId, extendedTo, reason }, now };
  const done = await once<Granted>(db, op, (tx) => insertDeadlineExtension(tx, actor, { periodId, schoolId, sectionId, extendedTo, reason, now }));
  if (done.status === "REUSED") throw badInput(`operationId "${operationId}" was already used for a different extension`);
  return { ...done.result, createdAt: new Date(done.result.createdAt) };
}

export interface NewDeadlineExtension {
  periodId: number;
  schoolId: number;
  sectionId: number | null;
  extendedTo: string;
  reason: string;
  /** The district clock's now. */
  now: Date;
  /** The problem report whose extension request this approves, if any. */
  problemReportId?: number | null;
}

/**
 * The one place a deadline extension is written (a grant, or an approved extension request of a problem
 * report): in the actor's reach, the section in the school, and later than the deadline in force.
 */
export async function insertDeadlineExtension(tx: Db, actor: Actor, e: NewDeadlineExtension) {
  const { periodId, schoolId, sectionId, extendedTo, reason, now } = e;
  const [target] = await tx.select({ id: school.id }).from(school).where(and(eq(school.id, schoolId), riskSchoolScope(actor, "extension.grant")));
  if (!target) throw notFound("School", schoolId);
  const [period] = await tx.select().from(reportingPeriod).where(eq(reportingPeriod.id, periodId));
  if (!period) throw notFound("Reporting period", periodId);
  if (sectionId !== null) {
    const [s] = await tx.select({ schoolId: section.schoolId }).from(section).where(eq(section.id, sectionId));
    if (!s || s.schoolId !== schoolId) throw badInput(`Section ${sectionId} is not a section of school ${schoolId}`);
  }
  const inForce = effectiveDeadlineDay({
    periodDeadline: period.currentDeadline,
    schoolExtendedTo: await latestExtension(tx, periodId, schoolId, null),
    sectionExtendedTo: sectionId === null ? null : await latestExtension(tx, periodId, schoolId, sectionId),
  });
  if (extendedTo <= inForce) {
    throw badInput(`extendedTo (${extendedTo}) must be after the deadline in force, ${inForce}: an extension never shortens or repeats a deadline`);
  }
  const [row] = await tx
    .insert(deadlineExtension)
    .values({ periodId, schoolId, sectionId, extendedTo, reason, createdAt: now, grantedById: actor.id, problemReportId: e.problemReportId ?? null })
    .returning();
  return row!;
}

/** The last instant marks of a section are accepted in a period: its deadline day, then the school's and the section's extensions (the rulebook's effective deadline). */
export async function effectiveDeadlineOfSection(db: Db, period: { id: number; currentDeadline: string }, s: { id: number; schoolId: number }): Promise<Date> {
  return effectiveDeadline({
    periodDeadline: period.currentDeadline,
    schoolExtendedTo: await latestExtension(db, period.id, s.schoolId, null),
    sectionExtendedTo: await latestExtension(db, period.id, s.schoolId, s.id),
  });
}
