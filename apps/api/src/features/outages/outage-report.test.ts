import { employee, enrollment, markHistory, section } from "@gradewatch/db/schema";
import { testDbKinds } from "@gradewatch/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Clock } from "../../clock.js";
import { buildFixture, type Fixture } from "../../test/fixtures.js";
import { startTestApi, type TestApi } from "../../test/harness.js";

const SAVE = `mutation($items: [SaveMarkInput!]!) { saveMarks(items: $items) { status code mark { id version } } }`;
const REPORT = `query($outageId: ID, $maintenanceWindowId: ID, $date: LocalDate) {
  outageReport(outageId: $outageId, maintenanceWindowId: $maintenanceWindowId, date: $date) {
    kind startsAt endsAt date marksVisible
    schools { schoolName escName enteredDuring savedAfter savedDuring medianDelaySeconds maxDelaySeconds missing }
    totals { schools enteredDuring savedAfter savedDuring medianDelaySeconds maxDelaySeconds missing }
  } }`;

describe.each(testDbKinds())("outage report on %s", (kind) => {
  let api: TestApi;
  let f: Fixture;
  let now = new Date("2014-11-04T16:05:00-08:00").getTime();
  const clock: Clock = { now: () => new Date(now), simulated: true };
  const at = (iso: string) => {
    now = new Date(iso).getTime();
  };
  let oakSection: number;
  let hrId: number;
  let outageId: string;
  let n = 0;
  const item = (over: Record<string, unknown>) => ({
    operationId: `report-${kind}-${++n}-${Math.random().toString(36).slice(2, 10)}`,
    periodId: String(f.period),
    sectionId: String(f.sections.elm),
    studentId: String(f.students.ben),
    gradingItemId: String(f.items.reading),
    value: "3",
    ...over,
  });
  // Sessions last ten hours on the district clock: sign in again at each request.
  const saveAs = async (employeeId: number, items: Record<string, unknown>[]) => api.gqlAs(await api.tokenFor(employeeId), SAVE, { items });
  let adminId: number;
  const reportAs = async (variables: Record<string, unknown>) => api.gqlAs(await api.tokenFor(adminId), REPORT, variables);

  beforeAll(async () => {
    api = await startTestApi(kind, { clock });
    f = await buildFixture(api.database.db);
    const db = api.database.db;
    const [s] = await db
      .insert(section)
      .values({ schoolId: f.schools.oak, teacherId: f.teachers.oak, courseName: "Grade 2 Homeroom", gradeLevel: 2, level: "ELEMENTARY" })
      .returning();
    oakSection = s!.id;
    await db.insert(enrollment).values({ schoolId: f.schools.oak, sectionId: oakSection, studentId: f.students.oakKid, startedAt: new Date("2014-08-12T07:00:00Z") });
    const [hr] = await db.insert(employee).values({ employeeNumber: "E0000077", firstName: "Hana", lastName: "Ruiz", email: "hana@hr.test", role: "HR" }).returning();
    hrId = hr!.id;
    adminId = (await db.select().from(employee).where(eq(employee.email, "admin@district.test")))[0]!.id;

    const created = await api.gql(`mutation($input: OutageCreateInput!) { createOutage(input: $input) { id } }`, {
      input: { kind: "UNPLANNED", startsAt: "2014-11-04T14:00:00-08:00", endsAt: "2014-11-04T16:00:00-08:00", description: "SIS outage" },
    });
    outageId = created.data!.createOutage.id;
    // Typed during the outage, kept on the device, sent by the outbox at 4:05 pm.
    const elm = await saveAs(f.teachers.elm, [
      item({ clientEnteredAt: "2014-11-04T14:30:00-08:00" }),
      item({ gradingItemId: String(f.items.habits), value: "S", clientEnteredAt: "2014-11-04T15:10:00-08:00" }),
      // Typed before the outage, or with no client time: not part of the report.
      item({ studentId: String(f.students.ana), gradingItemId: String(f.items.habits), value: "E", clientEnteredAt: "2014-11-04T13:50:00-08:00" }),
    ]);
    expect(elm.data!.saveMarks.map((r: { status: string }) => r.status)).toEqual(["SAVED", "SAVED", "SAVED"]);
    const oak = await saveAs(f.teachers.oak, [
      item({ sectionId: String(oakSection), studentId: String(f.students.oakKid), value: "2", clientEnteredAt: "2014-11-04T15:59:00-08:00" }),
    ]);
    expect(oak.data!.saveMarks[0].status).toBe("SAVED");
  });
  afterAll(() => api?.close());

  it("should count per school the marks entered during the outage and saved after it, with their delays", async () => {
    const res = await reportAs({ outageId });
    expect(res.errors).toBeUndefined();
    const report = res.data!.outageReport;
    expect(report).toMatchObject({ kind: "UNPLANNED", startsAt: "2014-11-04T22:00:00.000Z", endsAt: "2014-11-05T00:00:00.000Z", date: null });
    expect(report.schools).toEqual([
      { schoolName: "Elm Street Elementary", escName: "ESC North", enteredDuring: 2, savedAfter: 2, savedDuring: 0, medianDelaySeconds: 4500, maxDelaySeconds: 5700, missing: 0 },
      { schoolName: "Oak Avenue Elementary", escName: "ESC East", enteredDuring: 1, savedAfter: 1, savedDuring: 0, medianDelaySeconds: 360, maxDelaySeconds: 360, missing: 0 },
    ]);
    expect(report.totals).toEqual({ schools: 2, enteredDuring: 3, savedAfter: 3, savedDuring: 0, medianDelaySeconds: 3300, maxDelaySeconds: 5700, missing: 0 });
  });

  it("should show a principal only their own school, a teacher only their own changes, and HR nothing, saying marks are hidden from HR", async () => {
    const principal = await api.gqlAs(await api.tokenFor(f.principals.elm), REPORT, { outageId });
    expect(principal.data!.outageReport.schools.map((s: { schoolName: string }) => s.schoolName)).toEqual(["Elm Street Elementary"]);
    expect(principal.data!.outageReport.totals).toMatchObject({ schools: 1, enteredDuring: 2 });
    expect(principal.data!.outageReport.marksVisible).toBe(true);
    const teacher = await api.gqlAs(await api.tokenFor(f.teachers.oak), REPORT, { outageId });
    expect(teacher.data!.outageReport.schools).toMatchObject([{ schoolName: "Oak Avenue Elementary", enteredDuring: 1 }]);
    const hr = await api.gqlAs(await api.tokenFor(hrId), REPORT, { outageId });
    expect(hr.data!.outageReport.schools).toEqual([]);
    expect(hr.data!.outageReport.totals).toMatchObject({ schools: 0, enteredDuring: 0, medianDelaySeconds: null });
    expect(hr.data!.outageReport.marksVisible).toBe(false);
  });

  it("should count saves the server stored during an unplanned outage it kept serving through", async () => {
    at("2014-11-04T15:30:00-08:00");
    const res = await saveAs(f.teachers.elm, [item({ studentId: String(f.students.ana), gradingItemId: String(f.items.reading), value: "4", baseVersion: 1, clientEnteredAt: "2014-11-04T15:29:58-08:00" })]);
    expect(res.data!.saveMarks[0].status).toBe("SAVED");
    const report = (await reportAs({ outageId })).data!.outageReport;
    expect(report.totals).toMatchObject({ enteredDuring: 4, savedAfter: 3, savedDuring: 1, missing: 0 });
    at("2014-11-04T16:05:00-08:00");
  });

  it("should report a nightly window's occurrence: held changes saved after 10 pm, none stored during, and writes refused inside it", async () => {
    const w = await api.gql(`mutation { createMaintenanceWindow(input: { name: "Nightly maintenance", startsAtLocal: "21:00", endsAtLocal: "22:00" }) { id } }`);
    const maintenanceWindowId = w.data!.createMaintenanceWindow.id;
    at("2014-11-04T21:20:00-08:00");
    const refused = await saveAs(f.teachers.elm, [item({ studentId: String(f.students.ana), value: "2", baseVersion: 2 })]);
    expect(refused.status).toBe(503);
    expect(refused.errors![0].extensions.code).toBe("MAINTENANCE");
    at("2014-11-04T22:02:00-08:00");
    const sent = await saveAs(f.teachers.elm, [item({ studentId: String(f.students.ana), value: "2", baseVersion: 2, clientEnteredAt: "2014-11-04T21:20:00-08:00" })]);
    expect(sent.data!.saveMarks[0].status).toBe("SAVED");

    at("2014-11-05T08:00:00-08:00");
    const latest = (await reportAs({ maintenanceWindowId })).data!.outageReport;
    expect(latest).toMatchObject({ kind: "MAINTENANCE", date: "2014-11-04", startsAt: "2014-11-05T05:00:00.000Z", endsAt: "2014-11-05T06:00:00.000Z" });
    expect(latest.schools).toEqual([
      { schoolName: "Elm Street Elementary", escName: "ESC North", enteredDuring: 1, savedAfter: 1, savedDuring: 0, medianDelaySeconds: 2520, maxDelaySeconds: 2520, missing: 0 },
    ]);
    const quiet = (await reportAs({ maintenanceWindowId, date: "2014-11-03" })).data!.outageReport;
    expect(quiet).toMatchObject({ date: "2014-11-03", schools: [], totals: { schools: 0, enteredDuring: 0 } });
  });

  it("should show a history row that no stored mark reflects as missing", async () => {
    const db = api.database.db;
    await db
      .insert(markHistory)
      .values({
        markId: (await db.select().from(markHistory).limit(1))[0]!.markId,
        schoolId: f.schools.elm,
        sectionId: f.sections.elm,
        newValue: "1",
        version: 99,
        changedById: f.teachers.elm,
        changedAt: new Date("2014-11-04T16:01:00-08:00"),
        clientEnteredAt: new Date("2014-11-04T15:00:00-08:00"),
        source: "GRID",
      });
    const report = (await reportAs({ outageId })).data!.outageReport;
    expect(report.schools.find((s: { schoolName: string }) => s.schoolName === "Elm Street Elementary").missing).toBe(1);
    expect(report.totals.missing).toBe(1);
  });

  it("should refuse a report without exactly one of outageId and maintenanceWindowId", async () => {
    const none = await reportAs({});
    expect(none.errors![0]).toMatchObject({ message: "Give outageId or maintenanceWindowId", extensions: { code: "BAD_USER_INPUT" } });
    const both = await reportAs({ outageId, maintenanceWindowId: "1" });
    expect(both.errors![0].extensions.code).toBe("BAD_USER_INPUT");
    const absent = await reportAs({ outageId: "999999" });
    expect(absent.errors![0]).toMatchObject({ message: "Outage 999999 not found", extensions: { code: "NOT_FOUND" } });
  });
});
