import { testDbKinds } from "@gradewatch/db/testing";
import { STANDARD_GRADING_ITEMS } from "@gradewatch/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildFixture, type Fixture } from "../../test/fixtures.js";
import { startTestApi, type TestApi } from "../../test/harness.js";

describe.each(testDbKinds())("reporting periods on %s", (kind) => {
  let api: TestApi;
  let f: Fixture;
  beforeAll(async () => {
    api = await startTestApi(kind);
    f = await buildFixture(api.database.db);
  });
  afterAll(() => api?.close());

  it("should give the deadline as the end of the deadline day in Los Angeles, with grading items in order", async () => {
    const res = await api.gql(`query($id: ID!) { reportingPeriod(id: $id) { name originalDeadline currentDeadline deadlineAt gradingItems { code scale } } }`, {
      id: String(f.period),
    });
    expect(res.data!.reportingPeriod).toEqual({
      name: "Elementary Reporting Period 1",
      originalDeadline: "2014-11-07",
      currentDeadline: "2014-11-14",
      deadlineAt: "2014-11-15T07:59:59.999Z",
      gradingItems: [
        { code: "READING", scale: "STANDARDS_1_4" },
        { code: "WORK_HABITS", scale: "EFFORT_ESU" },
      ],
    });
  });

  it("should refuse to move the deadline before the original one", async () => {
    const res = await api.gql(`mutation($id: ID!) { updateReportingPeriod(id: $id, input: { currentDeadline: "2014-11-06" }) { id } }`, {
      id: String(f.period),
    });
    expect(res.errors![0]).toMatchObject({
      message: "currentDeadline cannot be earlier than originalDeadline: deadlines are only ever extended",
      extensions: { code: "BAD_USER_INPUT" },
    });
  });

  it("should answer the district clock in Los Angeles time", async () => {
    const res = await api.gql(`{ districtClock { now today timeZone simulated } }`);
    expect(res.data!.districtClock).toEqual({
      now: "2014-11-05T16:00:00.000Z",
      today: "2014-11-05",
      timeZone: "America/Los_Angeles",
      simulated: true,
    });
  });

  const CREATE = `mutation($input: ReportingPeriodCreateInput!) { createReportingPeriod(input: $input) { id name gradingItems { code name scale position } } }`;
  const period = (name: string, extra: Record<string, unknown> = {}) => ({
    input: { schoolYear: "2014-15", name, level: "ELEMENTARY", windowOpensOn: "2015-01-12", originalDeadline: "2015-01-30", ...extra },
  });

  it("should give a new period the district's standard grading items for its level when none are named", async () => {
    const res = await api.gql(CREATE, period("Elementary Reporting Period 2"));
    expect(res.errors).toBeUndefined();
    expect(res.data!.createReportingPeriod.gradingItems).toEqual(
      STANDARD_GRADING_ITEMS.ELEMENTARY.map((item, i) => ({ ...item, position: i + 1 })),
    );
    expect(res.data!.createReportingPeriod.gradingItems.map((g: { code: string }) => g.code)).toEqual([
      "READING", "WRITING", "LISTENING_SPEAKING", "MATHEMATICS", "SCIENCE", "HISTORY_SOCIAL_SCIENCE", "WORK_HABITS", "COOPERATION",
    ]);
  });

  it("should mark exactly the grading items named, in the order given", async () => {
    const res = await api.gql(CREATE, period("Elementary Reporting Period 3", {
      gradingItems: [
        { code: "MATHEMATICS", name: "Mathematics", scale: "STANDARDS_1_4" },
        { code: "ARTS", name: "Visual and Performing Arts", scale: "EFFORT_ESU" },
      ],
    }));
    expect(res.data!.createReportingPeriod.gradingItems).toEqual([
      { code: "MATHEMATICS", name: "Mathematics", scale: "STANDARDS_1_4", position: 1 },
      { code: "ARTS", name: "Visual and Performing Arts", scale: "EFFORT_ESU", position: 2 },
    ]);
  });

  it("should refuse twice the same grading item, a malformed code or an empty list, and create nothing", async () => {
    const twice = await api.gql(CREATE, period("Twice", { gradingItems: [{ code: "READING", name: "Reading", scale: "STANDARDS_1_4" }, { code: "READING", name: "Again", scale: "EFFORT_ESU" }] }));
    expect(twice.errors![0]).toMatchObject({ message: "Grading item READING appears twice", extensions: { code: "BAD_USER_INPUT" } });
    const malformed = await api.gql(CREATE, period("Malformed", { gradingItems: [{ code: "reading!", name: "Reading", scale: "STANDARDS_1_4" }] }));
    expect(malformed.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
    expect(malformed.errors![0]!.message).toContain("a grading item code is 2 to 40 capital letters");
    const empty = await api.gql(CREATE, period("Empty", { gradingItems: [] }));
    expect(empty.errors![0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT" } });
    expect(empty.errors![0]!.message).toContain("at least one grading item");
    const names = await api.gql(`{ reportingPeriods(perPage: 100) { items { name } } }`);
    for (const name of ["Twice", "Malformed", "Empty"]) {
      expect(names.data!.reportingPeriods.items.map((p: { name: string }) => p.name)).not.toContain(name);
    }
  });
});
