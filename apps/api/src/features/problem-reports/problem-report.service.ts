import { and, asc, desc, eq, inArray, isNull, lte, notInArray, type SQL, sql } from "drizzle-orm";
import type { Db } from "@gradewatch/db";
import { deadlineExtension, employee, esc, notification, outage, problemReport, problemReportComment, problemReportHistory, reportingPeriod, school, section } from "@gradewatch/db/schema";
import {
  allowedActions,
  CLOSED_REPORT_STATES,
  effectiveDeadlineDay,
  expectVersion,
  localDate,
  REPORT_MACHINE,
  type ReportAction,
  reportSla,
  SCHOOL_REPORT_ACTIONS,
  schoolMinutesBetween,
  transition,
} from "@gradewatch/domain";
import { HOME, reachOf, ROLES } from "@gradewatch/domain/policy";
import type { Actor } from "../../access/actor.js";
import type { Context } from "../../graphql/context.js";
import { AppError, badInput, conflict, forbidden, notFound, parseId, write } from "../../graphql/errors.js";
import { paginate } from "../../graphql/pagination.js";
import { once, recorded } from "../../write-kit/write-kit.js";
import { insertDeadlineExtension } from "../risk/deadline-extension.service.js";
import type { ProblemReportListArgs } from "./problem-report.args.js";
import type { FileProblemReportInput } from "./problem-report.input.js";
import { manages, problemReportScope } from "./problem-report.scope.js";
import { slaTargets, timelines } from "./problem-report.sla.js";

type ReportRow = typeof problemReport.$inferSelect;
// A report is assigned to a member of the school's ESC: the roles whose home is an ESC.
const ESC_ROLES = ROLES.filter((r) => HOME[r] === "esc");

const WORDS: Record<ReportAction, string> = {
  acknowledge: "acknowledged",
  start: "being worked on",
  waitOnSchool: "waiting on the school",
  resume: "being worked on again",
  resolve: "resolved",
  close: "closed",
  reopen: "reopened",
};

/** The actions this actor may take on a report in `state`: the ESC any the workflow allows, the school its own. */
export function actionsFor(actor: Actor, state: ReportRow["state"]): ReportAction[] {
  const open = allowedActions(REPORT_MACHINE, state);
  if (manages(actor)) return open;
  if (reachOf(actor.role, "problemReport.respond") === "none") return [];
  return open.filter((a) => SCHOOL_REPORT_ACTIONS.includes(a));
}

export async function getProblemReport(db: Db, actor: Actor, id: number): Promise<ReportRow> {
  const [row] = await db.select().from(problemReport).where(and(eq(problemReport.id, id), problemReportScope(actor)));
  if (!row) throw notFound("Problem report", id);
  return row;
}

async function lockReport(db: Db, actor: Actor, id: number, expectedVersion: number): Promise<ReportRow> {
  const [row] = await db.select().from(problemReport).where(and(eq(problemReport.id, id), problemReportScope(actor))).for("update");
  if (!row) throw notFound("Problem report", id);
  const seen = expectVersion(row, expectedVersion);
  if (!seen.ok) {
    throw new AppError("CONFLICT", `The report changed meanwhile: it is now ${row.state} at version ${row.version}`, {
      current: { id: String(row.id), state: row.state, version: row.version, assigneeId: row.assigneeId === null ? null : String(row.assigneeId) },
    });
  }
  return row;
}

async function nameOf(db: Db, id: number): Promise<string> {
  const [row] = await db.select({ firstName: employee.firstName, lastName: employee.lastName }).from(employee).where(eq(employee.id, id));
  return row ? `${row.firstName} ${row.lastName}` : "someone";
}

async function notify(db: Db, recipients: (number | null)[], report: { id: number }, kind: string, message: string, now: Date, actorId: number) {
  const ids = [...new Set(recipients.filter((r): r is number => r !== null && r !== actorId))];
  if (ids.length === 0) return;
  await db.insert(notification).values(ids.map((recipientId) => ({ recipientId, reportId: report.id, kind, message, createdAt: now })));
}

async function escStaffOf(db: Db, schoolId: number): Promise<number[]> {
  const rows = await db
    .select({ id: employee.id })
    .from(employee)
    .where(and(inArray(employee.role, ESC_ROLES), eq(employee.active, true), sql`${employee.escId} = (select ${school.escId} from ${school} where ${school.id} = ${schoolId})`));
  return rows.map((r) => r.id);
}

async function history(db: Db, ctx: Context, report: ReportRow, action: string, to: ReportRow["state"], detail: unknown, now: Date) {
  await db.insert(problemReportHistory).values({
    reportId: report.id,
    schoolId: report.schoolId,
    action,
    fromState: report.state,
    toState: to,
    version: report.version + 1,
    detail: detail ?? null,
    ...recorded({ actorId: ctx.actor!.id, now, source: "API", requestId: ctx.requestId }),
  });
}

const ids = (raw: string[] | undefined, what: string) => [...new Set((raw ?? []).map((id) => parseId(id, what)))];

async function checkFiling(db: Db, actor: Actor, input: FileProblemReportInput) {
  const reach = reachOf(actor.role, "problemReport.file");
  const schoolId = input.schoolId ? parseId(input.schoolId, "schoolId") : actor.schoolId;
  if (schoolId === null) throw badInput("schoolId is required: say which school the problem is at");
  if (reach !== "all" && schoolId !== actor.schoolId) throw notFound("School", schoolId);
  const [target] = await db.select({ id: school.id }).from(school).where(eq(school.id, schoolId));
  if (!target) throw notFound("School", schoolId);
  const sectionIds = ids(input.sectionIds, "sectionIds");
  const teacherIds = ids(input.teacherIds, "teacherIds");
  const extensionSectionId = input.extensionSectionId ? parseId(input.extensionSectionId, "extensionSectionId") : null;
  const wanted = [...new Set([...sectionIds, ...(extensionSectionId ? [extensionSectionId] : [])])];
  const sections = wanted.length ? await db.select({ id: section.id, teacherId: section.teacherId }).from(section).where(and(inArray(section.id, wanted), eq(section.schoolId, schoolId))) : [];
  const missing = wanted.find((id) => !sections.some((s) => s.id === id));
  if (missing) throw badInput(`Section ${missing} is not a section of this school`);
  if (reach === "own") {
    if (sectionIds.length === 0) throw badInput("Name the sections of yours the problem affects (sectionIds)");
    const notMine = sections.find((s) => s.teacherId !== actor.id);
    if (notMine) throw badInput(`Section ${notMine.id} is not one of your sections`);
  }
  if (teacherIds.length) {
    const teachers = await db.select({ id: employee.id }).from(employee).where(and(inArray(employee.id, teacherIds), eq(employee.schoolId, schoolId)));
    const absent = teacherIds.find((id) => !teachers.some((t) => t.id === id));
    if (absent) throw badInput(`Employee ${absent} does not work at this school`);
  }
  const outageId = input.outageId ? parseId(input.outageId, "outageId") : null;
  if (outageId && !(await db.select({ id: outage.id }).from(outage).where(eq(outage.id, outageId))).length) throw badInput(`Outage ${outageId} does not exist`);
  const periodId = input.periodId ? parseId(input.periodId, "periodId") : null;
  if (periodId && !(await db.select({ id: reportingPeriod.id }).from(reportingPeriod).where(eq(reportingPeriod.id, periodId))).length) {
    throw badInput(`Reporting period ${periodId} does not exist`);
  }
  const reason = input.extensionRequestReason?.trim() || null;
  if (input.extensionRequestedTo && !reason) throw badInput("Say why the school needs the extension (extensionRequestReason)");
  if (!input.extensionRequestedTo && (reason || extensionSectionId)) throw badInput("An extension request needs the day it extends to (extensionRequestedTo)");
  return { schoolId, sectionIds, teacherIds, extensionSectionId, outageId, periodId, reason };
}

/** Files a report once per operation id; a retry answers with the report filed the first time. */
export async function fileProblemReport(ctx: Context, input: FileProblemReportInput): Promise<ReportRow> {
  const actor = ctx.actor!;
  const now = ctx.clock.now();
  const { operationId, ...payload } = input;
  const done = await once<{ id: number }>(ctx.db, { kind: "problemReport.file", actorId: actor.id, operationId, payload, now }, async (tx) => {
    const checked = await checkFiling(tx, actor, input);
    const targets = await slaTargets(tx);
    const sla = reportSla({ filedAt: now, changes: [] }, targets[input.severity], now);
    const row = await write(tx, async (w) => {
      const [created] = await w
        .insert(problemReport)
        .values({
          schoolId: checked.schoolId,
          periodId: checked.periodId,
          filedById: actor.id,
          category: input.category,
          severity: input.severity,
          title: input.title.trim(),
          description: input.description.trim(),
          outageId: checked.outageId,
          sectionIds: checked.sectionIds,
          teacherIds: checked.teacherIds,
          extensionRequestedTo: input.extensionRequestedTo ?? null,
          extensionRequestReason: input.extensionRequestedTo ? checked.reason : null,
          extensionSectionId: checked.extensionSectionId,
          extensionStatus: input.extensionRequestedTo ? "PENDING" : null,
          filedAt: now,
          slaDueAt: sla.dueAt,
          updatedAt: now,
        })
        .returning();
      return created!;
    });
    await tx.insert(problemReportHistory).values({
      reportId: row.id,
      schoolId: row.schoolId,
      action: "file",
      fromState: null,
      toState: "NEW",
      version: 1,
      detail: null,
      ...recorded({ actorId: actor.id, now, source: "API", operationId, requestId: ctx.requestId }),
    });
    const by = await nameOf(tx, actor.id);
    await notify(tx, await escStaffOf(tx, row.schoolId), row, "REPORT_FILED", `New ${row.severity} report: ${row.title} (filed by ${by})`, now, actor.id);
    return { id: row.id };
  });
  if (done.status === "REUSED") throw conflict(`operationId ${operationId} was already used to file a different report`);
  return getProblemReport(ctx.db, actor, done.result.id);
}

export async function transitionProblemReport(ctx: Context, id: number, action: ReportAction, expectedVersion: number, note?: string | null): Promise<ReportRow> {
  const actor = ctx.actor!;
  const now = ctx.clock.now();
  return write(ctx.db, async (tx) => {
    const report = await lockReport(tx, actor, id, expectedVersion);
    const moved = transition(REPORT_MACHINE, report.state, action);
    const mine = actionsFor(actor, report.state);
    if (!moved.ok) {
      throw badInput(`Cannot ${action} a report that is ${report.state}; allowed: ${mine.join(", ") || "none"}`, { from: report.state, action, allowed: mine });
    }
    if (!mine.includes(action)) throw forbidden(`Only the school's ESC may ${action} a report; you may: ${mine.join(", ") || "nothing"}`);
    const [timeline] = (await timelines(tx, [report])).values();
    const targets = (await slaTargets(tx))[report.severity];
    const sla = reportSla({ filedAt: report.filedAt, changes: [...timeline!.changes, { at: now, to: moved.to }] }, targets, now);
    const [row] = await tx
      .update(problemReport)
      .set({
        state: moved.to,
        version: report.version + 1,
        acknowledgedAt: report.acknowledgedAt ?? (report.state === "NEW" ? now : null),
        resolvedAt: moved.to === "RESOLVED" ? now : action === "reopen" ? null : report.resolvedAt,
        slaDueAt: sla.dueAt,
        updatedAt: now,
      })
      .where(eq(problemReport.id, id))
      .returning();
    const text = note?.trim();
    await history(tx, ctx, report, action, moved.to, text ? { note: text } : null, now);
    if (text) await tx.insert(problemReportComment).values({ reportId: id, schoolId: report.schoolId, authorId: actor.id, body: text, internal: false, createdAt: now });
    const by = await nameOf(tx, actor.id);
    await notify(tx, [report.filedById, report.assigneeId], report, "REPORT_CHANGED", `${report.title}: ${WORDS[action]} by ${by}`, now, actor.id);
    return row!;
  });
}

export async function assignProblemReport(ctx: Context, id: number, assigneeId: number | null, expectedVersion: number): Promise<ReportRow> {
  const actor = ctx.actor!;
  const now = ctx.clock.now();
  return write(ctx.db, async (tx) => {
    const report = await lockReport(tx, actor, id, expectedVersion);
    if (assigneeId !== null) {
      const staff = await escStaffOf(tx, report.schoolId);
      if (!staff.includes(assigneeId)) throw badInput(`Employee ${assigneeId} is not on the staff of this school's ESC`);
    }
    const [row] = await tx.update(problemReport).set({ assigneeId, version: report.version + 1, updatedAt: now }).where(eq(problemReport.id, id)).returning();
    await history(tx, ctx, report, "assign", report.state, { fromAssigneeId: report.assigneeId, toAssigneeId: assigneeId }, now);
    const by = await nameOf(tx, actor.id);
    const to = assigneeId === null ? "nobody" : await nameOf(tx, assigneeId);
    await notify(tx, [assigneeId, report.filedById], report, "REPORT_ASSIGNED", `${report.title}: assigned to ${to} by ${by}`, now, actor.id);
    return row!;
  });
}

export async function commentOnProblemReport(ctx: Context, id: number, body: string, internal: boolean) {
  const actor = ctx.actor!;
  const now = ctx.clock.now();
  const text = body.trim();
  if (!text) throw badInput("A comment needs some words");
  if (internal && !manages(actor)) throw forbidden("Internal notes are the ESC's: write a reply instead");
  const report = await getProblemReport(ctx.db, actor, id);
  return write(ctx.db, async (tx) => {
    const [row] = await tx.insert(problemReportComment).values({ reportId: id, schoolId: report.schoolId, authorId: actor.id, body: text, internal, createdAt: now }).returning();
    const by = await nameOf(tx, actor.id);
    // The school never hears of an internal note.
    const recipients = internal ? [report.assigneeId] : [report.filedById, report.assigneeId];
    await notify(tx, recipients, report, internal ? "INTERNAL_NOTE" : "REPORT_COMMENT", `${report.title}: ${internal ? "internal note" : "reply"} from ${by}`, now, actor.id);
    return row!;
  });
}

/** The period an extension applies to: the report's, else the one whose window is open for the school's level. */
async function periodFor(db: Db, report: ReportRow, today: string): Promise<number> {
  if (report.periodId) return report.periodId;
  const [row] = await db
    .select({ id: reportingPeriod.id })
    .from(reportingPeriod)
    .innerJoin(school, eq(school.id, report.schoolId))
    .where(and(lte(reportingPeriod.windowOpensOn, today), sql`${reportingPeriod.level} = case when ${school.level} = 'ELEMENTARY' then 'ELEMENTARY'::period_level else 'SECONDARY'::period_level end`))
    .orderBy(desc(reportingPeriod.windowOpensOn))
    .limit(1);
  if (!row) throw badInput("The report names no reporting period, and none is open for this school");
  return row.id;
}

export async function decideExtensionRequest(ctx: Context, id: number, approve: boolean, reason: string | null | undefined, expectedVersion: number): Promise<ReportRow> {
  const actor = ctx.actor!;
  const now = ctx.clock.now();
  const why = reason?.trim() || null;
  if (!approve && !why) throw badInput("Say why the extension is declined: the principal sees the reason");
  return write(ctx.db, async (tx) => {
    const report = await lockReport(tx, actor, id, expectedVersion);
    if (report.extensionStatus !== "PENDING" || !report.extensionRequestedTo) {
      throw badInput(report.extensionStatus ? `The extension request was already ${report.extensionStatus.toLowerCase()}` : "This report asks for no extension");
    }
    let deadlineExtensionId: number | null = null;
    if (approve) {
      const extension = await insertDeadlineExtension(tx, actor, {
        periodId: await periodFor(tx, report, localDate(now)),
        schoolId: report.schoolId,
        sectionId: report.extensionSectionId,
        extendedTo: report.extensionRequestedTo,
        reason: why ?? report.extensionRequestReason ?? report.title,
        now,
        problemReportId: report.id,
      });
      deadlineExtensionId = extension.id;
    }
    const status = approve ? "APPROVED" : "DECLINED";
    const [row] = await tx
      .update(problemReport)
      .set({ extensionStatus: status, extensionDecisionReason: why, extensionDecidedById: actor.id, extensionDecidedAt: now, deadlineExtensionId, version: report.version + 1, updatedAt: now })
      .where(eq(problemReport.id, id))
      .returning();
    await history(tx, ctx, report, approve ? "approveExtension" : "declineExtension", report.state, { extendedTo: report.extensionRequestedTo, reason: why, deadlineExtensionId }, now);
    const by = await nameOf(tx, actor.id);
    const message = approve
      ? `${report.title}: extension to ${report.extensionRequestedTo} approved by ${by}`
      : `${report.title}: extension to ${report.extensionRequestedTo} declined by ${by}: ${why}`;
    await notify(tx, [report.filedById, report.assigneeId], report, "EXTENSION_DECIDED", message, now, actor.id);
    return row!;
  });
}

export function listProblemReports(ctx: Context, args: ProblemReportListArgs, total = true) {
  const actor = ctx.actor!;
  const f = args.filter ?? {};
  const where: (SQL | undefined)[] = [problemReportScope(actor)];
  if (f.ids) where.push(inArray(problemReport.id, f.ids.map((id) => parseId(id))));
  if (f.state?.length) where.push(inArray(problemReport.state, f.state));
  if (f.severity) where.push(eq(problemReport.severity, f.severity));
  if (f.category) where.push(eq(problemReport.category, f.category));
  if (f.schoolId) where.push(eq(problemReport.schoolId, parseId(f.schoolId, "schoolId")));
  if (f.escId) where.push(sql`${problemReport.schoolId} in (select ${school.id} from ${school} where ${school.escId} = ${parseId(f.escId, "escId")})`);
  if (f.assigneeId) where.push(eq(problemReport.assigneeId, parseId(f.assigneeId, "assigneeId")));
  if (f.open === true) where.push(notInArray(problemReport.state, [...CLOSED_REPORT_STATES]));
  if (f.open === false) where.push(inArray(problemReport.state, [...CLOSED_REPORT_STATES]));
  if (f.overdue === true) where.push(sql`${problemReport.slaDueAt} < ${ctx.clock.now()}`);
  if (f.overdue === false) where.push(sql`(${problemReport.slaDueAt} is null or ${problemReport.slaDueAt} >= ${ctx.clock.now()})`);
  return paginate(ctx.db, args, {
    table: problemReport,
    where: and(...where),
    sortable: { id: problemReport.id, slaDueAt: problemReport.slaDueAt, filedAt: problemReport.filedAt, updatedAt: problemReport.updatedAt, severity: problemReport.severity, state: problemReport.state },
    defaultSort: "slaDueAt",
    tieBreaker: problemReport.id,
    total,
  });
}

export async function commentsOf(db: Db, actor: Actor, reportId: number) {
  return db
    .select()
    .from(problemReportComment)
    .where(and(eq(problemReportComment.reportId, reportId), manages(actor) ? undefined : eq(problemReportComment.internal, false)))
    .orderBy(asc(problemReportComment.createdAt), asc(problemReportComment.id));
}

export async function historyOf(db: Db, reportId: number) {
  const rows = await db.select().from(problemReportHistory).where(eq(problemReportHistory.reportId, reportId)).orderBy(asc(problemReportHistory.version), asc(problemReportHistory.id));
  return rows.map((r) => ({ ...r, detail: r.detail === null ? null : JSON.stringify(r.detail) }));
}

const median = (xs: number[]) => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return Math.round(s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2);
};

/** Per ESC the actor reaches: open reports, overdue ones, and the median school minutes to acknowledge. */
export async function problemReportSummary(ctx: Context) {
  const actor = ctx.actor!;
  const now = ctx.clock.now();
  const rows = await ctx.db
    .select({ escId: esc.id, escName: esc.name, state: problemReport.state, slaDueAt: problemReport.slaDueAt, filedAt: problemReport.filedAt, acknowledgedAt: problemReport.acknowledgedAt })
    .from(problemReport)
    .innerJoin(school, eq(school.id, problemReport.schoolId))
    .innerJoin(esc, eq(esc.id, school.escId))
    .where(problemReportScope(actor));
  const byEsc = new Map<number, { escId: number; escName: string; open: number; overdue: number; ack: number[] }>();
  for (const r of rows) {
    const e = byEsc.get(r.escId) ?? { escId: r.escId, escName: r.escName, open: 0, overdue: 0, ack: [] };
    byEsc.set(r.escId, e);
    const open = !CLOSED_REPORT_STATES.includes(r.state);
    if (open) e.open++;
    if (open && r.slaDueAt && r.slaDueAt < now) e.overdue++;
    if (r.acknowledgedAt) e.ack.push(schoolMinutesBetween(r.filedAt, r.acknowledgedAt));
  }
  return [...byEsc.values()].sort((a, b) => a.escName.localeCompare(b.escName)).map(({ ack, ...e }) => ({ ...e, medianMinutesToAcknowledge: median(ack) }));
}

/** The day the report's school must deliver by: its period's deadline, moved by the school's latest extension. */
export async function schoolDeadlineOf(db: Db, report: Pick<ReportRow, "schoolId" | "periodId">): Promise<string | null> {
  const periodId = report.periodId ?? (await periodFor(db, { ...report, periodId: null } as ReportRow, "9999-12-31").catch(() => null));
  if (!periodId) return null;
  const [period] = await db.select({ deadline: reportingPeriod.currentDeadline }).from(reportingPeriod).where(eq(reportingPeriod.id, periodId));
  if (!period) return null;
  const [ext] = await db
    .select({ to: sql<string | null>`max(${deadlineExtension.extendedTo})::text` })
    .from(deadlineExtension)
    .where(and(eq(deadlineExtension.periodId, periodId), eq(deadlineExtension.schoolId, report.schoolId), isNull(deadlineExtension.sectionId)));
  return effectiveDeadlineDay({ periodDeadline: period.deadline, schoolExtendedTo: ext?.to ?? null });
}
