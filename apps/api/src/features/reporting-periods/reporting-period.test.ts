import { testDbKinds } from "@gradewatch/db/testing";
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
});
