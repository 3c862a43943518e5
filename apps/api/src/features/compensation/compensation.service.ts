import {
  checkApprover,
  checkCertifier,
  checkCompensationLog,
  CompensationRuleError,
  DEFAULT_COMPENSATION_SETTINGS,
  DEFAULT_RATES,
  expectVersion,
  isLocked,
  nextCompensationState,
  type CompensationAction,
  type CompensationState,
  type Person,
  type Rates,
  addDays,
} from "@gradewatch/domain";
import { reachOf } from "@gradewatch/domain/policy";
import { and, eq, gte, lte, ne, sql } from "drizzle-orm";
import type { Db } from "@gradewatch/db";
import { compensationLog, compensationLogHistory, compensationSetting, employee, problemReport, school } from "@gradewatch/db/schema";
import type { Actor } from "../../access/actor.js";
import type { Clock } from "../../clock.js";
import { AppError, badInput, conflict, forbidden, notFound, parseId, translateDbError } from "../../graphql/errors.js";
import { once, recorded } from "../../write-kit/write-kit.js";
import type { CompensationDecisionInput, CompensationLogInput, CompensationSettingsInput } from "./compensation.input.js";
import { evidenceFor, getLog } from "./compensation-read.service.js";

export interface RequestInfo {
  db: Db;
  actor: Actor;
  clock: Clock;
  requestId: string;
}

// ---------------------------------------------------------------- settings

export interface Settings {
  windowStart: string;
  windowEnd: string;
  dailyCapMinutes: number;
  budgetCents: number;
  rates: Rates;
}

export async function getSettings(db: Db): Promise<Settings> {
  const [row] = await db.select().from(compensationSetting).where(eq(compensationSetting.id, 1));
  if (!row) return { ...DEFAULT_COMPENSATION_SETTINGS, budgetCents: 250_000_000, rates: DEFAULT_RATES };
  return { windowStart: row.windowStart, windowEnd: row.windowEnd, dailyCapMinutes: row.dailyCapMinutes, budgetCents: Number(row.budgetCents), rates: { ...DEFAULT_RATES, ...row.rates } };
}

export const settingsView = (s: Settings) => ({
  windowStart: s.windowStart,
  windowEnd: s.windowEnd,
  dailyCapMinutes: s.dailyCapMinutes,
  budgetDollars: Math.round(s.budgetCents / 100),
  certificatedRateCents: s.rates.CERTIFICATED,
  administratorRateCents: s.rates.ADMINISTRATOR,
  classifiedRateCents: s.rates.CLASSIFIED,
});

export async function updateSettings(r: RequestInfo, input: CompensationSettingsInput) {
  const current = await getSettings(r.db);
  const next = {
    windowStart: input.windowStart ?? current.windowStart,
    windowEnd: input.windowEnd ?? current.windowEnd,
    dailyCapMinutes: input.dailyCapMinutes ?? current.dailyCapMinutes,
    budgetCents: input.budgetDollars !== undefined ? input.budgetDollars * 100 : current.budgetCents,
  };
  if (next.windowStart > next.windowEnd) throw badInput("The compensation window must start on or before its last day");
  if (next.dailyCapMinutes < 1 || next.dailyCapMinutes > 24 * 60) throw badInput("The daily cap must be between 1 and 1440 minutes");
  if (next.budgetCents < 0) throw badInput("The budget cannot be negative");
  const values = { ...next, rates: current.rates, updatedAt: r.clock.now(), updatedById: r.actor.id };
  await r.db
    .insert(compensationSetting)
    .values({ id: 1, ...values })
    .onConflictDoUpdate({ target: compensationSetting.id, set: values });
  return settingsView(await getSettings(r.db));
}

// ---------------------------------------------------------------- writing a log

const ruleError = (err: unknown): never => {
  if (err instanceof CompensationRuleError) throw badInput(err.message, { rule: err.rule });
  throw err;
};

async function personOf(db: Db, employeeId: number) {
  const [row] = await db
    .select({ id: employee.id, role: employee.role, schoolId: employee.schoolId, escId: sql<number | null>`coalesce(${employee.escId}, ${school.escId})`, workdayStart: employee.workdayStart, workdayEnd: employee.workdayEnd })
    .from(employee)
    .leftJoin(school, eq(school.id, employee.schoolId))
    .where(eq(employee.id, employeeId));
  if (!row) throw notFound("Employee", employeeId);
  return row;
}

type LogRow = typeof compensationLog.$inferSelect;

async function checkTimes(db: Db, r: RequestInfo, input: CompensationLogInput, self: LogRow | null, adjusts: LogRow | null) {
  const me = await personOf(db, r.actor.id);
  // The report the hours were spent on, if named: one the employee can read (row security decides); the
  // foreign key alone would answer "a referenced record does not exist" without saying which.
  const reportId = idOrNull(input.problemReportId, "problemReportId");
  if (reportId !== null && (await db.select({ id: problemReport.id }).from(problemReport).where(eq(problemReport.id, reportId))).length === 0) {
    throw badInput(`Problem report #${reportId} does not exist or is not one you can see: name a report you filed or one about your school`);
  }
  const settings = await getSettings(db);
  const exclude = [self?.id, adjusts?.id].filter((x): x is number => x !== undefined);
  const others = await db
    .select({ id: compensationLog.id, workDate: compensationLog.workDate, startsAt: compensationLog.startsAt, endsAt: compensationLog.endsAt, countedMinutes: compensationLog.countedMinutes })
    .from(compensationLog)
    .where(
      and(
        eq(compensationLog.employeeId, r.actor.id),
        ne(compensationLog.state, "REJECTED"),
        gte(compensationLog.workDate, addDays(input.workDate, -1)),
        lte(compensationLog.workDate, addDays(input.workDate, 1)),
        exclude.length ? sql`${compensationLog.id} <> all(${sql.param(exclude)}::int[])` : undefined,
        // An adjusted log no longer claims its time: its adjustment does.
        sql`not exists (select 1 from compensation_log a where a.adjusts_log_id = ${compensationLog.id} and a.state <> 'REJECTED' and a.id <> ${self?.id ?? -1})`,
      ),
    );
  try {
    const checked = checkCompensationLog({ times: input, workday: { start: me.workdayStart, end: me.workdayEnd }, settings, now: r.clock.now(), others });
    return { checked, me };
  } catch (err) {
    return ruleError(err);
  }
}

const idOrNull = (raw: string | undefined, what: string) => (raw ? parseId(raw, what) : null);

async function loadForUpdate(db: Db, id: number): Promise<LogRow> {
  const [row] = await db.select().from(compensationLog).where(eq(compensationLog.id, id)).for("update");
  if (!row) throw notFound("Compensation log", id);
  return row;
}

async function record(db: Db, r: RequestInfo, rows: { logId: number; fromState: CompensationState | null; toState: CompensationState; reason?: string | null }[], operationId?: string) {
  if (rows.length === 0) return;
  await db.insert(compensationLogHistory).values(
    rows.map((row) => ({ ...row, reason: row.reason ?? null, ...recorded({ actorId: r.actor.id, now: r.clock.now(), source: "API", operationId, requestId: r.requestId }) })),
  );
}

type Saved = { id: number; note: string | null };

/** A new draft log of the actor's own time (an adjustment when it names the approved log it corrects). Filing twice with one operation id files once. */
export async function createLog(r: RequestInfo, input: CompensationLogInput, operationId: string) {
  const done = await once<Saved>(r.db, { kind: "compensation.create", actorId: r.actor.id, operationId, payload: input, now: r.clock.now() }, async (tx) => {
    let adjusts: LogRow | null = null;
    if (input.adjustsLogId) {
      adjusts = await loadForUpdate(tx, parseId(input.adjustsLogId, "adjustsLogId"));
      if (adjusts.employeeId !== r.actor.id) throw notFound("Compensation log", adjusts.id);
      if (!isLocked(adjusts.state)) throw badInput(`Log #${adjusts.id} is ${adjusts.state.toLowerCase()}, not approved: change it instead of adjusting it`);
      const [pending] = await tx
        .select({ id: compensationLog.id })
        .from(compensationLog)
        .where(and(eq(compensationLog.adjustsLogId, adjusts.id), ne(compensationLog.state, "REJECTED")));
      if (pending) throw conflict(`Log #${adjusts.id} already has adjustment #${pending.id}: adjust that one instead`);
    }
    const { checked, me } = await checkTimes(tx, r, input, null, adjusts);
    const [row] = await tx
      .insert(compensationLog)
      .values({
        employeeId: r.actor.id,
        schoolId: me.schoolId,
        escId: me.escId,
        workDate: input.workDate,
        startsAt: checked.startsAt,
        endsAt: checked.endsAt,
        minutes: checked.minutes,
        countedMinutes: checked.countedMinutes,
        category: input.category,
        outageId: idOrNull(input.outageId, "outageId"),
        problemReportId: idOrNull(input.problemReportId, "problemReportId"),
        description: input.description.trim(),
        adjustsLogId: adjusts?.id ?? null,
        createdAt: r.clock.now(),
      })
      .returning({ id: compensationLog.id })
      .catch(translateDbError);
    await record(tx, r, [{ logId: row!.id, fromState: null, toState: "DRAFT" }], operationId);
    return { id: row!.id, note: checked.note };
  });
  return savedResult(r, done);
}

async function savedResult(r: RequestInfo, done: Awaited<ReturnType<typeof once<Saved>>>) {
  if (done.status === "REUSED") throw badInput("This operation id was already used for a different log: send a new operation id");
  return { log: await getLog(r.db, r.actor, done.result.id), note: done.result.note, replayed: done.replayed };
}

/** Changes the actor's own draft. Approved logs are locked: a correction is an adjustment. */
export async function updateLog(r: RequestInfo, id: number, expectedVersion: number, input: CompensationLogInput) {
  const current = await loadForUpdate(r.db, id);
  if (current.employeeId !== r.actor.id) throw notFound("Compensation log", id);
  versionOrConflict(current, expectedVersion);
  if (isLocked(current.state)) throw badInput(`Log #${id} is ${current.state.toLowerCase()} and locked: file an adjustment that corrects it`);
  if (current.state !== "DRAFT") throw badInput(`Log #${id} is ${current.state.toLowerCase()}: only a draft can be changed`);
  if (input.adjustsLogId && parseId(input.adjustsLogId) !== current.adjustsLogId) throw badInput("A draft cannot change which log it adjusts");
  const adjusts = current.adjustsLogId ? await loadForUpdate(r.db, current.adjustsLogId) : null;
  const { checked } = await checkTimes(r.db, r, input, current, adjusts);
  await r.db
    .update(compensationLog)
    .set({
      workDate: input.workDate,
      startsAt: checked.startsAt,
      endsAt: checked.endsAt,
      minutes: checked.minutes,
      countedMinutes: checked.countedMinutes,
      category: input.category,
      outageId: idOrNull(input.outageId, "outageId"),
      problemReportId: idOrNull(input.problemReportId, "problemReportId"),
      description: input.description.trim(),
      version: current.version + 1,
    })
    .where(eq(compensationLog.id, id))
    .catch(translateDbError);
  await record(r.db, r, [{ logId: id, fromState: "DRAFT", toState: "DRAFT" }]);
  return { log: await getLog(r.db, r.actor, id), note: checked.note, replayed: false };
}

function versionOrConflict(current: LogRow, expected: number) {
  const seen = expectVersion(current, expected);
  if (!seen.ok) throw new AppError("CONFLICT", `Log #${current.id} changed since you saw it: it is now ${current.state.toLowerCase()} (version ${current.version})`, { state: current.state, version: current.version });
}

/** Submits the actor's draft; the evidence decides whether it is flagged (no activity recorded in its span). */
export async function submitLog(r: RequestInfo, id: number, expectedVersion: number, operationId: string) {
  const done = await once<Saved>(r.db, { kind: "compensation.submit", actorId: r.actor.id, operationId, payload: [id, expectedVersion], now: r.clock.now() }, async (tx) => {
    const current = await loadForUpdate(tx, id);
    if (current.employeeId !== r.actor.id) throw notFound("Compensation log", id);
    versionOrConflict(current, expectedVersion);
    const to = transitionOrRefuse(current, "submit");
    const evidence = (await evidenceFor(tx, [id])).get(id);
    await tx
      .update(compensationLog)
      .set({ state: to, version: current.version + 1, submittedAt: r.clock.now(), flagged: (evidence?.markChanges ?? 0) === 0 })
      .where(eq(compensationLog.id, id));
    await record(tx, r, [{ logId: id, fromState: current.state, toState: to }], operationId);
    return { id, note: null };
  });
  return savedResult(r, done);
}

function transitionOrRefuse(row: LogRow, action: CompensationAction): CompensationState {
  try {
    return nextCompensationState(row.state, action);
  } catch (err) {
    if (err instanceof CompensationRuleError) throw badInput(`Log #${row.id}: ${err.message}`, { rule: err.rule, id: row.id });
    throw err;
  }
}

// ---------------------------------------------------------------- decisions

export type Decision = "certify" | "approve" | "reject";

/**
 * Certifies, approves or rejects logs, all or none: every log must be at the version the decider saw and
 * in a state the action leaves, and the decider must be its certifier (certify, or reject a submitted log)
 * or HR (approve, or reject a certified log), never its employee. Three statements whatever the count.
 */
export async function decide(r: RequestInfo, action: Decision, input: CompensationDecisionInput) {
  const ids = input.ids.map((id) => parseId(id));
  if (ids.length !== input.versions.length) throw badInput("Give one version for each log");
  if (new Set(ids).size !== ids.length) throw badInput("A log appears twice in the decision");
  const reason = input.reason?.trim() || null;
  if (action === "reject" && !reason) throw badInput("Give a reason for rejecting: the employee sees it");
  const now = r.clock.now();
  const me = await personOf(r.db, r.actor.id);
  const decider: Person = { id: me.id, role: me.role, schoolId: me.schoolId, homeEscId: me.escId };
  const rows = (await r.db.execute(sql`select l.id, l.state, l.version, l.employee_id, l.certified_by_id, e.role, e.school_id, coalesce(e.esc_id, s.esc_id) as home_esc_id
    from compensation_log l join employee e on e.id = l.employee_id left join school s on s.id = e.school_id
    where l.id = any(${sql.param(ids)}::int[]) order by l.id for update of l`)) as unknown as {
    rows: { id: number; state: CompensationState; version: number; employee_id: number; certified_by_id: number | null; role: Person["role"]; school_id: number | null; home_esc_id: number | null }[];
  };
  const byId = new Map(rows.rows.map((row) => [Number(row.id), row]));
  const scope = compensationScopeCheck(r.actor, decider.homeEscId);
  let to: CompensationState | null = null;
  for (const [i, id] of ids.entries()) {
    const row = byId.get(id);
    if (!row || !scope(row)) throw notFound("Compensation log", id);
    if (row.version !== input.versions[i]) {
      throw new AppError("CONFLICT", `Log #${id} changed since you saw it: it is now ${row.state.toLowerCase()} (version ${row.version}); nothing was decided`, { id, state: row.state, version: row.version });
    }
    const next = transitionOrRefuse({ id, state: row.state } as LogRow, action);
    const employeeOf: Person = { id: row.employee_id, role: row.role, schoolId: row.school_id, homeEscId: row.home_esc_id };
    try {
      if (action === "certify" || (action === "reject" && row.state === "SUBMITTED")) checkCertifier(decider, employeeOf);
      else {
        checkApprover(decider, employeeOf);
        if (row.certified_by_id === decider.id) throw new CompensationRuleError("SEPARATION", "You certified this log: another HR employee approves or rejects it");
      }
    } catch (err) {
      if (err instanceof CompensationRuleError) {
        const code = err.rule === "SEPARATION" || err.rule === "CERTIFIER" ? "FORBIDDEN" : "BAD_USER_INPUT";
        throw new AppError(code, `Log #${id}: ${err.message}; nothing was decided`, { id, rule: err.rule });
      }
      throw err;
    }
    if (to && to !== next) throw badInput("The logs are in different states: decide them separately");
    to = next;
  }
  const state = to!;
  const set =
    action === "certify"
      ? sql`certified_by_id = ${r.actor.id}, certified_at = ${now.toISOString()}::timestamptz`
      : sql`decided_by_id = ${r.actor.id}, decided_at = ${now.toISOString()}::timestamptz, reason = ${reason}`;
  const versions = ids.map((id) => byId.get(id)!.version);
  const updated = (await r.db.execute(sql`update compensation_log l set state = ${state}::compensation_state, version = l.version + 1, ${set}
    from unnest(${sql.param(ids)}::int[], ${sql.param(versions)}::int[]) as u(id, version)
    where l.id = u.id and l.version = u.version returning l.id`)) as unknown as { rows: unknown[] };
  if (updated.rows.length !== ids.length) throw conflict("Another decision changed some of these logs first; nothing was decided");
  const from = ids.map((id) => byId.get(id)!.state);
  await r.db.execute(sql`insert into compensation_log_history (log_id, from_state, to_state, reason, changed_by_id, changed_at, source, operation_id, request_id)
    select u.id, u.from_state::compensation_state, ${state}::compensation_state, ${reason}, ${r.actor.id}, ${now.toISOString()}::timestamptz, 'API', null, ${r.requestId}
    from unnest(${sql.param(ids)}::int[], ${sql.param(from)}::text[]) as u(id, from_state)`);
  return { count: ids.length, state };
}

function compensationScopeCheck(actor: Actor, actorEsc: number | null) {
  const reach = reachOf(actor.role, "compensation.read");
  return (row: { employee_id: number; school_id: number | null; home_esc_id: number | null }) => {
    if (row.employee_id === actor.id || reach === "all") return true;
    if (reach === "school") return row.school_id !== null && row.school_id === actor.schoolId;
    if (reach === "esc") return row.home_esc_id !== null && row.home_esc_id === actorEsc;
    return false;
  };
}

export function requireHr(actor: Actor) {
  if (reachOf(actor.role, "compensation.approve") === "none") throw forbidden("Only HR does this");
}
