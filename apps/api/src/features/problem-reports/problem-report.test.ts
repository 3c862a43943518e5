import { deadlineExtension, employee, problemReport, problemReportComment, problemReportHistory } from "@gradewatch/db/schema";
import { testDbKinds } from "@gradewatch/db/testing";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inActorTransaction } from "../../access/request-scope.js";
import { type AccessFixture, buildAccessFixture } from "../../test/access-fixture.js";
import { signedIn } from "../../test/fixtures.js";
import { DEMO_NOW, startTestApi, type TestApi } from "../../test/harness.js";
import { openReportFacts } from "./problem-report.facts.js";

const FILE = `mutation($input: FileProblemReportInput!) { fileProblemReport(input: $input) {
  id state version schoolId extensionStatus sla { current dueAt overdue remainingMinutes } allowedActions } }`;
const MOVE = `mutation($id: ID!, $action: ReportAction!, $v: Int!) { transitionProblemReport(id: $id, action: $action, expectedVersion: $v) { id state version } }`;
const SHOW = `query($id: ID!) { problemReport(id: $id) { id state comments { body internal } history { action fromState toState changedById } } }`;
const LIST = `query($filter: ProblemReportFilter) { problemReports(filter: $filter) { total items { id title } } }`;
const NOTES = `query { unreadNotificationCount notifications { items { id kind message reportId } } }`;
const DECIDE = `mutation($id: ID!, $approve: Boolean!, $v: Int!, $reason: String) { decideExtensionRequest(id: $id, approve: $approve, expectedVersion: $v, reason: $reason) {
  id version extensionStatus extensionDecisionReason deadlineExtensionId } }`;

const dataLoss = (operationId: string, extra: Record<string, unknown> = {}) => ({
  operationId,
  category: "DATA_LOSS",
  severity: "CRITICAL",
  title: "Grades lost in the outage",
  description: "Grades entered between 2 and 4 pm are gone.",
  ...extra,
});

// Row security repeats the application's own scope: each layer is tested on its own.
const cases = testDbKinds().flatMap((kind) => [true, false].map((rls) => ({ kind, rls })));

describe.each(cases)("problem reports on $kind, row-level security $rls", ({ kind, rls }) => {
  let api: TestApi;
  let f: AccessFixture;
  const t = {} as Record<"teacher" | "principal" | "director" | "superintendent" | "hr" | "admin" | "eastDirector" | "oakPrincipal", string>;
  let eastDirectorId: number;
  let reportId: string;

  beforeAll(async () => {
    api = await startTestApi(kind, { rls });
    f = await buildAccessFixture(api.database.db);
    const [eastDirector, oakPrincipal] = await api.database.db
      .insert(employee)
      .values([
        { employeeNumber: "E0000101", firstName: "Eve", lastName: "East", email: "eve@access.test", role: "ESC_DIRECTOR", escId: f.targets.esc.otherEsc },
        { employeeNumber: "E0000102", firstName: "Omar", lastName: "Oak", email: "omar@access.test", role: "PRINCIPAL", schoolId: f.targets.school.otherEsc },
      ])
      .returning();
    eastDirectorId = eastDirector!.id;
    const a = f.actors;
    [t.teacher, t.principal, t.director, t.superintendent, t.hr, t.admin, t.eastDirector, t.oakPrincipal] = await Promise.all(
      [a.TEACHER.id, a.PRINCIPAL.id, a.ESC_DIRECTOR.id, a.INSTRUCTIONAL_SUPERINTENDENT.id, a.HR.id, a.DISTRICT_ADMIN.id, eastDirector!.id, oakPrincipal!.id].map((id) => api.tokenFor(id)),
    );
  });
  afterAll(() => api?.close());

  it("should file a principal's report for their school once per operation id, with its SLA in school hours", async () => {
    const input = dataLoss("file-1", { extensionRequestedTo: "2014-11-19", extensionRequestReason: "Re-entering two days of grades" });
    const first = await api.gqlAs(t.principal, FILE, { input });
    expect(first.errors).toBeUndefined();
    const report = first.data!.fileProblemReport;
    // Filed Wednesday Nov 5, 8:00 Los Angeles: CRITICAL is acknowledged within 2 school hours, by 10:00.
    expect(report).toMatchObject({ state: "NEW", version: 1, schoolId: String(f.targets.school.own), extensionStatus: "PENDING", allowedActions: [] });
    expect(report.sla).toEqual({ current: "acknowledge", dueAt: "2014-11-05T18:00:00.000Z", overdue: false, remainingMinutes: 120 });
    reportId = report.id;
    const again = await api.gqlAs(t.principal, FILE, { input });
    expect(again.data!.fileProblemReport.id).toBe(reportId);
    const rows = await api.database.db.select().from(problemReport).where(eq(problemReport.title, "Grades lost in the outage"));
    expect(rows).toHaveLength(1);
    const reused = await api.gqlAs(t.principal, FILE, { input: { ...input, title: "Something else" } });
    expect(reused.errors?.[0]?.extensions.code).toBe("CONFLICT");
  });

  it("should tell the school's ESC staff of a new report, and no other ESC", async () => {
    for (const token of [t.director, t.superintendent]) {
      const res = await api.gqlAs(token, NOTES);
      expect(res.data!.notifications.items).toEqual([expect.objectContaining({ kind: "REPORT_FILED", reportId })]);
      expect(res.data!.unreadNotificationCount).toBe(1);
    }
    expect((await api.gqlAs(t.eastDirector, NOTES)).data!.unreadNotificationCount).toBe(0);
  });

  it("should refuse a principal filing for another school and a teacher naming sections not theirs", async () => {
    const other = await api.gqlAs(t.principal, FILE, { input: dataLoss("file-other", { schoolId: String(f.targets.school.otherEsc) }) });
    expect(other.errors?.[0]?.extensions.code).toBe("NOT_FOUND");
    const notMine = await api.gqlAs(t.teacher, FILE, { input: dataLoss("file-t1", { sectionIds: [String(f.targets.section.sameSchool)] }) });
    expect(notMine.errors?.[0]?.message).toMatch(/not one of your sections/);
    const mine = await api.gqlAs(t.teacher, FILE, { input: dataLoss("file-t2", { sectionIds: [String(f.targets.section.own)], category: "ROSTER_ERROR", severity: "MEDIUM" }) });
    expect(mine.errors).toBeUndefined();
    const hr = await api.gqlAs(t.hr, FILE, { input: dataLoss("file-hr", { schoolId: String(f.targets.school.own) }) });
    expect(hr.errors?.[0]?.extensions.code).toBe("FORBIDDEN");
  });

  it("should keep reports inside their school and ESC", async () => {
    const visible = async (token: string) => (await api.gqlAs(token, LIST, { filter: { ids: [reportId] } })).data!.problemReports.total;
    expect(await visible(t.principal)).toBe(1);
    expect(await visible(t.director)).toBe(1);
    expect(await visible(t.admin)).toBe(1);
    // The teacher's own report names their section; the principal's does not.
    expect(await visible(t.teacher)).toBe(0);
    expect(await visible(t.eastDirector)).toBe(0);
    expect(await visible(t.oakPrincipal)).toBe(0);
    expect(await visible(t.hr)).toBe(0);
    expect((await api.gqlAs(t.eastDirector, SHOW, { id: reportId })).errors?.[0]?.extensions.code).toBe("NOT_FOUND");
    const comment = await api.gqlAs(t.eastDirector, `mutation($id: ID!) { commentOnProblemReport(id: $id, body: "hi") { id } }`, { id: reportId });
    expect(comment.errors?.[0]?.extensions.code).toBe("NOT_FOUND");
  });

  it("should move only along the workflow: a stale version gets CONFLICT with the current state, an invalid move names the allowed ones", async () => {
    const ack = await api.gqlAs(t.director, MOVE, { id: reportId, action: "acknowledge", v: 1 });
    expect(ack.data!.transitionProblemReport).toEqual({ id: reportId, state: "ACKNOWLEDGED", version: 2 });
    const stale = await api.gqlAs(t.superintendent, MOVE, { id: reportId, action: "acknowledge", v: 1 });
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: "CONFLICT", current: { id: reportId, state: "ACKNOWLEDGED", version: 2 } });
    const invalid = await api.gqlAs(t.superintendent, MOVE, { id: reportId, action: "acknowledge", v: 2 });
    expect(invalid.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", from: "ACKNOWLEDGED", allowed: ["start", "waitOnSchool", "resolve"] });
    expect(invalid.errors?.[0]?.message).toMatch(/Cannot acknowledge a report that is ACKNOWLEDGED; allowed: start, waitOnSchool, resolve/);
    const schoolResolves = await api.gqlAs(t.principal, MOVE, { id: reportId, action: "resolve", v: 2 });
    expect(schoolResolves.errors?.[0]?.extensions.code).toBe("FORBIDDEN");
    const history = (await api.gqlAs(t.principal, SHOW, { id: reportId })).data!.problemReport.history;
    expect(history).toEqual([
      { action: "file", fromState: null, toState: "NEW", changedById: String(f.actors.PRINCIPAL.id) },
      { action: "acknowledge", fromState: "NEW", toState: "ACKNOWLEDGED", changedById: String(f.actors.ESC_DIRECTOR.id) },
    ]);
    const principalNotes = (await api.gqlAs(t.principal, NOTES)).data!;
    expect(principalNotes.notifications.items[0]).toMatchObject({ kind: "REPORT_CHANGED", reportId });
  });

  it("should assign only to the school's ESC staff", async () => {
    const wrong = await api.gqlAs(t.director, `mutation($id: ID!, $to: ID) { assignProblemReport(id: $id, assigneeId: $to, expectedVersion: 2) { id } }`, { id: reportId, to: String(eastDirectorId) });
    expect(wrong.errors?.[0]?.message).toMatch(/not on the staff of this school's ESC/);
    const right = await api.gqlAs(t.director, `mutation($id: ID!, $to: ID) { assignProblemReport(id: $id, assigneeId: $to, expectedVersion: 2) { version assignee { id } } }`, {
      id: reportId,
      to: String(f.actors.INSTRUCTIONAL_SUPERINTENDENT.id),
    });
    expect(right.data!.assignProblemReport).toEqual({ version: 3, assignee: { id: String(f.actors.INSTRUCTIONAL_SUPERINTENDENT.id) } });
  });

  it("should never show the school an internal note", async () => {
    const COMMENT = `mutation($id: ID!, $body: String!, $internal: Boolean!) { commentOnProblemReport(id: $id, body: $body, internal: $internal) { id internal } }`;
    expect((await api.gqlAs(t.director, COMMENT, { id: reportId, body: "Vendor says the data is in the backup", internal: true })).errors).toBeUndefined();
    expect((await api.gqlAs(t.director, COMMENT, { id: reportId, body: "We are restoring your grades", internal: false })).errors).toBeUndefined();
    const refused = await api.gqlAs(t.principal, COMMENT, { id: reportId, body: "secret", internal: true });
    expect(refused.errors?.[0]?.extensions.code).toBe("FORBIDDEN");
    const school = (await api.gqlAs(t.principal, SHOW, { id: reportId })).data!.problemReport.comments;
    expect(school).toEqual([{ body: "We are restoring your grades", internal: false }]);
    const esc = (await api.gqlAs(t.superintendent, SHOW, { id: reportId })).data!.problemReport.comments;
    expect(esc.map((c: { internal: boolean }) => c.internal)).toEqual([true, false]);
    const messages = (await api.gqlAs(t.principal, NOTES)).data!.notifications.items.map((n: { kind: string }) => n.kind);
    expect(messages).not.toContain("INTERNAL_NOTE");
    if (rls) {
      // The database itself hides the note from the school, whatever the application asks.
      const principal = await signedIn(api.database.db, { id: f.actors.PRINCIPAL.id, role: "PRINCIPAL", schoolId: f.actors.PRINCIPAL.schoolId, escId: null });
      const rows = await inActorTransaction(api.database.db, principal, (tx) => tx.select().from(problemReportComment));
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => !r.internal)).toBe(true);
    }
  });

  it("should approve an extension request by creating the school's deadline extension, linked both ways", async () => {
    const deadline = async () => (await api.gqlAs(t.principal, `query($id: ID!) { problemReport(id: $id) { schoolDeadline } }`, { id: reportId })).data!.problemReport.schoolDeadline;
    expect(await deadline()).toBe("2014-11-14");
    const decline = await api.gqlAs(t.director, DECIDE, { id: reportId, approve: false, v: 3 });
    expect(decline.errors?.[0]?.message).toMatch(/Say why/);
    const approved = await api.gqlAs(t.director, DECIDE, { id: reportId, approve: true, v: 3, reason: "Outage of November 4" });
    expect(approved.errors).toBeUndefined();
    const report = approved.data!.decideExtensionRequest;
    expect(report).toMatchObject({ version: 4, extensionStatus: "APPROVED", extensionDecisionReason: "Outage of November 4" });
    const [ext] = await api.database.db.select().from(deadlineExtension).where(eq(deadlineExtension.id, Number(report.deadlineExtensionId)));
    expect(ext).toMatchObject({
      schoolId: f.targets.school.own,
      sectionId: null,
      extendedTo: "2014-11-19",
      reason: "Outage of November 4",
      grantedById: f.actors.ESC_DIRECTOR.id,
      createdAt: DEMO_NOW,
      problemReportId: Number(reportId),
    });
    expect(await deadline()).toBe("2014-11-19");
    const twice = await api.gqlAs(t.director, DECIDE, { id: reportId, approve: true, v: 4, reason: "again" });
    expect(twice.errors?.[0]?.message).toMatch(/already approved/);
    const told = (await api.gqlAs(t.principal, NOTES)).data!.notifications.items[0];
    expect(told).toMatchObject({ kind: "EXTENSION_DECIDED", message: expect.stringMatching(/extension to 2014-11-19 approved/) });
  });

  it("should mark only the actor's own notifications read", async () => {
    const before = (await api.gqlAs(t.director, NOTES)).data!.unreadNotificationCount;
    expect(before).toBeGreaterThan(0);
    const principalIds = (await api.gqlAs(t.principal, NOTES)).data!.notifications.items.map((n: { id: string }) => n.id);
    const theirs = await api.gqlAs(t.director, `mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) }`, { ids: principalIds });
    expect(theirs.data!.markNotificationsRead).toBe(0);
    expect((await api.gqlAs(t.principal, NOTES)).data!.unreadNotificationCount).toBe(principalIds.length);
    const all = await api.gqlAs(t.director, `mutation { markNotificationsRead }`);
    expect(all.data!.markNotificationsRead).toBe(before);
    expect((await api.gqlAs(t.director, NOTES)).data!.unreadNotificationCount).toBe(0);
  });

  it("should keep the history append-only", async () => {
    const refused = await api.database.db.execute(sql`update problem_report_history set action = 'x'`).catch((err: Error) => err);
    expect(refused).toBeInstanceOf(Error);
    expect(`${(refused as Error).message} ${((refused as Error).cause as Error | undefined)?.message}`).toMatch(/append-only/);
    expect((await api.database.db.select().from(problemReportHistory)).length).toBeGreaterThan(0);
  });

  it("should give risk the open reports of each school, as of an instant", async () => {
    const now = await openReportFacts(api.database.db, { schoolIds: [f.targets.school.own] });
    expect(now.get(f.targets.school.own)).toEqual(expect.arrayContaining([{ severity: "CRITICAL", category: "DATA_LOSS" }, { severity: "MEDIUM", category: "ROSTER_ERROR" }]));
    const before = await openReportFacts(api.database.db, { at: new Date("2014-11-04T00:00:00Z") });
    expect(before.size).toBe(0);
    const resolved = await api.gqlAs(t.director, MOVE, { id: reportId, action: "resolve", v: 4 });
    expect(resolved.errors).toBeUndefined();
    const after = await openReportFacts(api.database.db, { at: DEMO_NOW, schoolIds: [f.targets.school.own] });
    expect(after.get(f.targets.school.own)).toEqual([{ severity: "MEDIUM", category: "ROSTER_ERROR" }]);
  });

  it("should sum up each ESC for the district", async () => {
    const res = await api.gqlAs(t.admin, `query { problemReportSummary { escName open overdue medianMinutesToAcknowledge } }`);
    expect(res.data!.problemReportSummary).toEqual([{ escName: "ESC North", open: 1, overdue: 0, medianMinutesToAcknowledge: 0 }]);
    const east = await api.gqlAs(t.eastDirector, `query { problemReportSummary { escName } }`);
    expect(east.data!.problemReportSummary).toEqual([]);
  });
});

describe.runIf(testDbKinds().includes("postgres"))("two ESC staff acknowledging at once on PostgreSQL", () => {
  it("should let exactly one win and give the other CONFLICT", async () => {
    const api = await startTestApi("postgres");
    try {
      const f = await buildAccessFixture(api.database.db);
      const principal = await api.tokenFor(f.actors.PRINCIPAL.id);
      const filed = await api.gqlAs(principal, FILE, { input: dataLoss("race-1") });
      const id = filed.data!.fileProblemReport.id;
      const [a, b] = await Promise.all([api.tokenFor(f.actors.ESC_DIRECTOR.id), api.tokenFor(f.actors.INSTRUCTIONAL_SUPERINTENDENT.id)]);
      const results = await Promise.all([a, b].map((token) => api.gqlAs(token, MOVE, { id, action: "acknowledge", v: 1 })));
      expect(results.filter((r) => r.data?.transitionProblemReport?.state === "ACKNOWLEDGED")).toHaveLength(1);
      expect(results.filter((r) => r.errors?.[0]?.extensions.code === "CONFLICT")).toHaveLength(1);
      const history = await api.database.db.select().from(problemReportHistory).where(eq(problemReportHistory.action, "acknowledge"));
      expect(history).toHaveLength(1);
    } finally {
      await api.close();
    }
  });
});
