import { compensationLog, compensationLogHistory, employee, mark, markHistory } from "@gradewatch/db/schema";
import { testDbKinds } from "@gradewatch/db/testing";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Clock } from "../../clock.js";
import { type AccessFixture, buildAccessFixture } from "../../test/access-fixture.js";
import { startTestApi, type TestApi } from "../../test/harness.js";

const LOG_FIELDS = "id state version countedMinutes minutes flagged reason adjustsLogId employeeId schoolName";
const CREATE = `mutation($input: CompensationLogInput!, $op: String!) { createCompensationLog(input: $input, operationId: $op) { note replayed log { ${LOG_FIELDS} } } }`;
const UPDATE = `mutation($id: ID!, $v: Int!, $input: CompensationLogInput!) { updateCompensationLog(id: $id, expectedVersion: $v, input: $input) { log { ${LOG_FIELDS} } } }`;
const SUBMIT = `mutation($id: ID!, $v: Int!, $op: String!) { submitCompensationLog(id: $id, expectedVersion: $v, operationId: $op) { replayed log { ${LOG_FIELDS} } } }`;
const decideMutation = (name: string) => `mutation($input: CompensationDecisionInput!) { ${name}(input: $input) { count state } }`;
const CERTIFY = decideMutation("certifyCompensationLogs");
const APPROVE = decideMutation("approveCompensationLogs");
const REJECT = decideMutation("rejectCompensationLogs");
const CLOSE = `mutation($op: String!) { closePayPeriod(operationId: $op) { id name logCount totalCents } }`;
const LIST = `query($filter: CompensationLogFilter, $perPage: Int) { compensationLogs(filter: $filter, perPage: $perPage, sortField: "id") { total items { ${LOG_FIELDS} } } }`;

const input = (workDate: string, startTime: string, endTime: string, description = "Re-entered grades lost in the outage") => ({
  workDate,
  startTime,
  endTime,
  category: "RE_ENTERING_LOST_DATA",
  description,
});

describe.each(testDbKinds())("compensation logs on %s", (kind) => {
  let api: TestApi;
  let f: AccessFixture;
  let now = new Date("2014-11-20T20:00:00Z");
  const clock: Clock = { now: () => new Date(now), simulated: true };
  const tokens = new Map<number, string>();
  const as = async (id: number, query: string, variables?: Record<string, unknown>) => {
    if (!tokens.has(id)) tokens.set(id, await api.tokenFor(id));
    return api.gqlAs(tokens.get(id)!, query, variables);
  };
  let teacher: number;
  let tess: number;
  let principal: number;
  let director: number;
  let hr: number;
  let hr2: number;
  let op = 0;
  const nextOp = () => `op-${++op}`;

  /** A teacher's log, submitted; returns its id and version. */
  async function submitted(who: number, workDate: string, from: string, to: string) {
    const created = await as(who, CREATE, { input: input(workDate, from, to), op: nextOp() });
    expect(created.errors).toBeUndefined();
    const log = created.data!.createCompensationLog.log;
    const sub = await as(who, SUBMIT, { id: log.id, v: log.version, op: nextOp() });
    expect(sub.errors).toBeUndefined();
    return sub.data!.submitCompensationLog.log as { id: string; version: number; flagged: boolean };
  }
  async function certified(who: number, workDate: string, from: string, to: string) {
    const log = await submitted(who, workDate, from, to);
    const res = await as(principal, CERTIFY, { input: { ids: [log.id], versions: [log.version] } });
    expect(res.errors).toBeUndefined();
    return { id: log.id, version: log.version + 1 };
  }

  beforeAll(async () => {
    api = await startTestApi(kind, { clock });
    f = await buildAccessFixture(api.database.db);
    teacher = f.actors.TEACHER.id;
    principal = f.actors.PRINCIPAL.id;
    director = f.actors.ESC_DIRECTOR.id;
    hr = f.actors.HR.id;
    tess = (await api.database.db.select().from(employee).where(eq(employee.email, "tess@access.test")))[0]!.id;
    [{ id: hr2 }] = (await api.database.db
      .insert(employee)
      .values({ employeeNumber: "E0000100", firstName: "Hana", lastName: "Test", email: "hana@access.test", role: "HR", workdayStart: "08:00", workdayEnd: "16:30" })
      .returning({ id: employee.id })) as [{ id: number }];
    // Terry changed a mark at 18:30 on the evening of November 4: the evidence for a log of that evening.
    const [m] = await api.database.db.select().from(mark).where(eq(mark.id, f.targets.mark.own));
    await api.database.db.insert(markHistory).values({
      markId: m!.id,
      schoolId: m!.schoolId,
      sectionId: m!.sectionId,
      oldValue: "3",
      newValue: "4",
      version: 2,
      changedById: teacher,
      changedAt: new Date("2014-11-05T02:30:00Z"),
      source: "GRID",
    });
  });
  afterAll(() => api?.close());

  it("should file a log once when the same operation id is sent twice, and count only the time outside the workday", async () => {
    const variables = { input: input("2014-11-05", "14:30", "17:00"), op: "file-twice" };
    const first = await as(teacher, CREATE, variables);
    const again = await as(teacher, CREATE, variables);
    expect(first.data!.createCompensationLog).toMatchObject({ replayed: false, note: expect.stringContaining("Only 1 h 30 min of 2 h 30 min counts"), log: { state: "DRAFT", countedMinutes: 90, minutes: 150 } });
    expect(again.data!.createCompensationLog).toMatchObject({ replayed: true, log: { id: first.data!.createCompensationLog.log.id } });
    const rows = await api.database.db.select().from(compensationLog).where(eq(compensationLog.employeeId, teacher));
    expect(rows).toHaveLength(1);
  });

  it("should refuse a broken rule with a clear message and its rule", async () => {
    const overlap = await as(teacher, CREATE, { input: input("2014-11-05", "16:00", "18:00"), op: nextOp() });
    expect(overlap.errors![0]).toMatchObject({ message: expect.stringMatching(/overlaps your log #\d+ on 2014-11-05/), extensions: { code: "BAD_USER_INPUT", rule: "OVERLAP" } });
    const future = await as(teacher, CREATE, { input: input("2014-11-20", "18:00", "19:00"), op: nextOp() });
    expect(future.errors![0]).toMatchObject({ extensions: { rule: "FUTURE" } });
    const outside = await as(teacher, CREATE, { input: input("2014-11-03", "18:00", "19:00"), op: nextOp() });
    expect(outside.errors![0]!.message).toBe("Only work from 2014-11-04 to 2014-12-19 is compensated; 2014-11-03 is outside that window");
    // A log may name the problem report it was spent on, but only one that exists; nothing is filed otherwise.
    const before = (await api.database.db.select().from(compensationLog)).length;
    const noReport = await as(teacher, CREATE, { input: { ...input("2014-11-06", "18:00", "19:00"), problemReportId: "999999" }, op: nextOp() });
    expect(noReport.errors![0]).toMatchObject({ message: expect.stringMatching(/^Problem report #999999 does not exist or is not one you can see/), extensions: { code: "BAD_USER_INPUT" } });
    expect((await api.database.db.select().from(compensationLog)).length).toBe(before);
  });

  it("should flag a claim with no recorded activity and not flag one with marks changed in its span, showing HR counts only", async () => {
    const busy = await submitted(teacher, "2014-11-04", "18:00", "20:00");
    const quiet = await submitted(tess, "2014-11-04", "18:00", "20:00");
    expect([busy.flagged, quiet.flagged]).toEqual([false, true]);
    const res = await as(hr, `query($ids: [ID!]) { compensationLogs(filter: { ids: $ids }, sortField: "id") { items { id flagged evidence { markChanges firstChangeAt lastChangeAt sections } } } }`, { ids: [busy.id, quiet.id] });
    expect(res.errors).toBeUndefined();
    expect(res.data!.compensationLogs.items).toEqual([
      { id: busy.id, flagged: false, evidence: { markChanges: 1, firstChangeAt: "2014-11-05T02:30:00.000Z", lastChangeAt: "2014-11-05T02:30:00.000Z", sections: [expect.stringMatching(/^Course 0/)] } },
      { id: quiet.id, flagged: true, evidence: { markChanges: 0, firstChangeAt: null, lastChangeAt: null, sections: [] } },
    ]);
    // HR still sees no student data of its own.
    const students = await as(hr, `{ students { total } }`);
    expect(students.data?.students?.total ?? 0).toBe(0);
    const marks = await as(hr, `{ marks { total } }`);
    expect(marks.data?.marks?.total ?? 0).toBe(0);
  });

  it("should move a log through certification and approval, recording who, when, from and to", async () => {
    const log = await certified(teacher, "2014-11-06", "18:00", "19:00");
    const approved = await as(hr, APPROVE, { input: { ids: [log.id], versions: [log.version] } });
    expect(approved.data!.approveCompensationLogs).toEqual({ count: 1, state: "APPROVED" });
    const steps = await api.database.db.select().from(compensationLogHistory).where(eq(compensationLogHistory.logId, Number(log.id)));
    expect(steps.map((s) => [s.fromState, s.toState, s.changedById])).toEqual([
      [null, "DRAFT", teacher],
      ["DRAFT", "SUBMITTED", teacher],
      ["SUBMITTED", "CERTIFIED", principal],
      ["CERTIFIED", "APPROVED", hr],
    ]);
    const refused = await api.database.db.execute(sql`delete from compensation_log_history where log_id = ${Number(log.id)}`).then(
      () => "deleted",
      (err: Error & { cause?: Error }) => err.cause?.message ?? err.message,
    );
    expect(refused).toMatch(/append-only/);
  });

  it("should let nobody certify or approve their own log, and only the employee's own certifier certify", async () => {
    const own = await submitted(principal, "2014-11-06", "18:00", "19:00");
    const self = await as(principal, CERTIFY, { input: { ids: [own.id], versions: [own.version] } });
    expect(self.errors![0]).toMatchObject({ extensions: { code: "FORBIDDEN" }, message: expect.stringMatching(/Nobody certifies their own log/) });
    expect((await as(director, CERTIFY, { input: { ids: [own.id], versions: [own.version] } })).errors).toBeUndefined();
    const teacherLog = await submitted(teacher, "2014-11-07", "18:00", "19:00");
    const byDirector = await as(director, CERTIFY, { input: { ids: [teacherLog.id], versions: [teacherLog.version] } });
    expect(byDirector.errors![0]!.message).toMatch(/certified by the principal of their school/);
    const hrLog = await submitted(hr, "2014-11-06", "18:00", "19:00");
    expect((await as(hr2, CERTIFY, { input: { ids: [hrLog.id], versions: [hrLog.version] } })).errors).toBeUndefined();
    const selfApprove = await as(hr, APPROVE, { input: { ids: [hrLog.id], versions: [hrLog.version + 1] } });
    expect(selfApprove.errors![0]!.message).toMatch(/Nobody approves or rejects their own log/);
    const certifierApproves = await as(hr2, APPROVE, { input: { ids: [hrLog.id], versions: [hrLog.version + 1] } });
    expect(certifierApproves.errors![0]!.message).toMatch(/You certified this log/);
    expect((await as(teacher, APPROVE, { input: { ids: [hrLog.id], versions: [hrLog.version + 1] } })).errors![0]!.extensions.code).toBe("FORBIDDEN");
  });

  it("should lock an approved log and take a correction as an adjustment linked to it", async () => {
    const log = await certified(tess, "2014-11-10", "18:00", "19:00");
    await as(hr, APPROVE, { input: { ids: [log.id], versions: [log.version] } });
    const change = await as(tess, UPDATE, { id: log.id, v: log.version + 1, input: input("2014-11-10", "18:00", "20:00") });
    expect(change.errors![0]!.message).toMatch(/approved and locked: file an adjustment/);
    const adjustment = await as(tess, CREATE, { input: { ...input("2014-11-10", "18:00", "20:00"), adjustsLogId: log.id }, op: nextOp() });
    expect(adjustment.errors).toBeUndefined();
    expect(adjustment.data!.createCompensationLog.log).toMatchObject({ adjustsLogId: log.id, countedMinutes: 120, state: "DRAFT" });
    const second = await as(tess, CREATE, { input: { ...input("2014-11-10", "18:00", "19:30"), adjustsLogId: log.id }, op: nextOp() });
    expect(second.errors![0]!.message).toMatch(/already has adjustment/);
  });

  it("should reject in bulk with one reason, and decide nothing when one log of the batch cannot be decided", async () => {
    const a = await certified(tess, "2014-11-12", "18:00", "19:00");
    const b = await certified(tess, "2014-11-13", "18:00", "19:00");
    const draft = (await as(tess, CREATE, { input: input("2014-11-14", "18:00", "19:00"), op: nextOp() })).data!.createCompensationLog.log;
    const mixed = await as(hr, APPROVE, { input: { ids: [a.id, b.id, draft.id], versions: [a.version, b.version, draft.version] } });
    expect(mixed.errors![0]!.message).toMatch(new RegExp(`Log #${draft.id}: A draft log cannot be approved`));
    const states = await api.database.db.select({ state: compensationLog.state }).from(compensationLog).where(sql`${compensationLog.id} in (${Number(a.id)}, ${Number(b.id)})`);
    expect(states.map((s) => s.state)).toEqual(["CERTIFIED", "CERTIFIED"]);
    const noReason = await as(hr, REJECT, { input: { ids: [a.id, b.id], versions: [a.version, b.version] } });
    expect(noReason.errors![0]!.message).toMatch(/Give a reason/);
    const rejected = await as(hr, REJECT, { input: { ids: [a.id, b.id], versions: [a.version, b.version], reason: "No grade entry on these evenings" } });
    expect(rejected.data!.rejectCompensationLogs).toEqual({ count: 2, state: "REJECTED" });
    const mine = await as(tess, LIST, { filter: { ids: [a.id] } });
    expect(mine.data!.compensationLogs.items[0]).toMatchObject({ state: "REJECTED", reason: "No grade entry on these evenings" });
  });

  it("should answer a stale version with CONFLICT and decide nothing", async () => {
    const log = await certified(tess, "2014-11-17", "18:00", "19:00");
    const stale = await as(hr, APPROVE, { input: { ids: [log.id], versions: [log.version - 1] } });
    expect(stale.errors![0]).toMatchObject({ extensions: { code: "CONFLICT", state: "CERTIFIED" } });
  });

  it("should show a teacher only their own logs and a principal only their school's", async () => {
    const ids = async (who: number) => new Set<number>((await as(who, LIST, { perPage: 500 })).data!.compensationLogs.items.map((l: { employeeId: string }) => Number(l.employeeId)));
    expect([...(await ids(teacher))]).toEqual([teacher]);
    const principalSees = await ids(principal);
    expect([...principalSees].every((id) => [teacher, tess, principal].includes(id))).toBe(true);
    expect(principalSees.has(hr)).toBe(false);
    expect((await ids(hr)).has(hr)).toBe(true);
  });

  it("should export approved logs once: a second close pays nothing, the file stays the same, a later approval goes to the next period", async () => {
    const log = await certified(teacher, "2014-11-18", "18:00", "20:00");
    await as(hr, APPROVE, { input: { ids: [log.id], versions: [log.version] } });
    const first = await as(hr, CLOSE, { op: "close-1" });
    expect(first.errors).toBeUndefined();
    const period = first.data!.closePayPeriod;
    const replay = await as(hr, CLOSE, { op: "close-1" });
    expect(replay.data!.closePayPeriod).toEqual(period);
    const nothing = await as(hr, CLOSE, { op: "close-2" });
    expect(nothing.errors![0]!.message).toMatch(/No approved logs are waiting/);
    const download = async (k: string) => {
      const res = await fetch(`${api.url}/exports/pay-periods/${period.id}/${k}.csv`, { headers: { authorization: `Bearer ${tokens.get(hr)}` } });
      expect(res.status).toBe(200);
      return res.text();
    };
    const detail = await download("detail");
    expect(detail.split("\r\n").filter((l) => l.startsWith(`${log.id},`))).toHaveLength(1);
    expect(await download("detail")).toBe(detail);
    const summary = await download("summary");
    expect(summary.split("\r\n")[0]).toBe("employee_number,name,school,hours,rate_class,amount");
    expect(summary).toContain("E0000001,\"Test, Terry\",Elm Street Elementary,3.00,CERTIFICATED,151.38");
    const teacherDownload = await fetch(`${api.url}/exports/pay-periods/${period.id}/detail.csv`, { headers: { authorization: `Bearer ${tokens.get(teacher)}` } });
    expect(teacherDownload.status).toBe(404);
    const later = await certified(teacher, "2014-11-19", "18:00", "19:00");
    now = new Date("2014-11-20T21:00:00Z");
    await as(hr, APPROVE, { input: { ids: [later.id], versions: [later.version] } });
    const next = await as(hr, CLOSE, { op: "close-3" });
    expect(next.errors).toBeUndefined();
    expect(next.data!.closePayPeriod).toMatchObject({ logCount: 1 });
    const states = await api.database.db.select({ state: compensationLog.state, payPeriodId: compensationLog.payPeriodId }).from(compensationLog).where(eq(compensationLog.id, Number(later.id)));
    expect(states[0]).toEqual({ state: "EXPORTED", payPeriodId: Number(next.data!.closePayPeriod.id) });
    // The totals count every paid log at the cent the payroll paid.
    const totals = await as(hr, `{ compensationSummary(groupBy: CATEGORY) { paidCents groups { key paidCents } } payPeriods { items { totalCents } } }`);
    const exported = totals.data!.payPeriods.items.reduce((sum: number, p: { totalCents: number }) => sum + p.totalCents, 0);
    expect(totals.data!.compensationSummary.paidCents).toBe(exported);
    const principalTotals = await as(principal, `{ compensationSummary(groupBy: SCHOOL) { groups { label } } }`);
    expect(principalTotals.data!.compensationSummary.groups.map((g: { label: string }) => g.label)).toEqual(["Elm Street Elementary"]);
  });

  it.runIf(kind === "postgres")("should let exactly one of a concurrent approve and reject of one log win, the other getting CONFLICT", async () => {
    const log = await certified(tess, "2014-11-19", "18:00", "19:00");
    const both = await Promise.all([
      as(hr, APPROVE, { input: { ids: [log.id], versions: [log.version] } }),
      as(hr2, REJECT, { input: { ids: [log.id], versions: [log.version], reason: "Not outage work" } }),
    ]);
    const outcomes = both.map((r) => (r.errors ? r.errors[0]!.extensions.code : "OK")).sort();
    expect(outcomes).toEqual(["CONFLICT", "OK"]);
    const steps = await api.database.db.select().from(compensationLogHistory).where(eq(compensationLogHistory.logId, Number(log.id)));
    expect(steps.filter((s) => s.toState === "APPROVED" || s.toState === "REJECTED")).toHaveLength(1);
  });
});
