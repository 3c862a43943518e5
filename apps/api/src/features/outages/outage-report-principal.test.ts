import { mark } from "@gradewatch/db/schema";
import { testDbKinds } from "@gradewatch/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AccessFixture, buildAccessFixture } from "../../test/access-fixture.js";
import { startTestApi, type TestApi } from "../../test/harness.js";

const REPORT = `query($outageId: ID) { outageReport(outageId: $outageId) {
  schools { schoolId schoolName enteredDuring savedAfter savedDuring missing }
  totals { schools enteredDuring savedAfter savedDuring missing } } }`;

// Row-level security repeats the report's own scope: each layer is tested on its own.
const cases = testDbKinds().flatMap((kind) => [true, false].map((rls) => ({ kind, rls })));

describe.each(cases)("the principal's outage report on $kind, row-level security $rls", ({ kind, rls }) => {
  let api: TestApi;
  let f: AccessFixture;
  let outageId: string;
  beforeAll(async () => {
    api = await startTestApi(kind, { rls });
    f = await buildAccessFixture(api.database.db);
    const created = await api.gql(`mutation($input: OutageCreateInput!) { createOutage(input: $input) { id } }`, {
      input: { kind: "UNPLANNED", startsAt: "2014-11-04T14:00:00-08:00", endsAt: "2014-11-04T16:00:00-08:00", description: "SIS outage" },
    });
    outageId = created.data!.createOutage.id;
    // Every teacher changes their mark, typed during the outage: two sections at Elm (the principal's
    // school), one at Valley (same ESC), one at Oak (another ESC).
    const marks = await api.database.db.select().from(mark);
    for (const m of marks) {
      const res = await api.gqlAs(await api.tokenFor(m.enteredById), `mutation($items: [SaveMarkInput!]!) { saveMarks(items: $items) { status } }`, {
        items: [
          {
            operationId: `principal-report-${m.id}`,
            periodId: String(m.periodId),
            sectionId: String(m.sectionId),
            studentId: String(m.studentId),
            gradingItemId: String(m.gradingItemId),
            value: "4",
            baseVersion: m.version,
            clientEnteredAt: "2014-11-04T15:00:00-08:00",
          },
        ],
      });
      expect(res.data!.saveMarks[0].status).toBe("SAVED");
    }
  });
  afterAll(() => api?.close());

  it("should show a principal exactly their own school and its counts", async () => {
    const res = await api.gqlAs(await api.tokenFor(f.actors.PRINCIPAL.id), REPORT, { outageId });
    expect(res.errors).toBeUndefined();
    expect(res.data!.outageReport.schools).toEqual([
      { schoolId: String(f.targets.school.own), schoolName: "Elm Street Elementary", enteredDuring: 2, savedAfter: 2, savedDuring: 0, missing: 0 },
    ]);
    expect(res.data!.outageReport.totals).toEqual({ schools: 1, enteredDuring: 2, savedAfter: 2, savedDuring: 0, missing: 0 });
  });

  it("should show the ESC director the schools of their ESC and the district administrator every school (so the principal's one school means something)", async () => {
    const schoolsOf = async (id: number) =>
      (await api.gqlAs(await api.tokenFor(id), REPORT, { outageId })).data!.outageReport.schools.map((s: { schoolId: string }) => Number(s.schoolId)).sort();
    const { own, sameEsc, otherEsc } = f.targets.school;
    expect(await schoolsOf(f.actors.ESC_DIRECTOR.id)).toEqual([own, sameEsc].sort());
    expect(await schoolsOf(f.actors.DISTRICT_ADMIN.id)).toEqual([own, sameEsc, otherEsc].sort());
  });
});
