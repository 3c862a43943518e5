import { deadlineChange, reportingPeriod } from "@gradewatch/db/schema";
import { testDbKinds } from "@gradewatch/db/testing";
import { STANDARD_GRADING_ITEMS } from "@gradewatch/domain";
import { desc, eq, sql } from "drizzle-orm";
import fc from "fast-check";
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

  const MOVE = `mutation($id: ID!, $input: ReportingPeriodUpdateInput!) { updateReportingPeriod(id: $id, input: $input) { currentDeadline } }`;
  const HISTORY = `query($id: ID!) { reportingPeriod(id: $id) { currentDeadline
    deadlineChanges { fromDeadline toDeadline reason changedById changedAt }
    before: deadlineAsOf(at: "2014-11-05T14:59:59Z") after: deadlineAsOf(at: "2014-11-05T15:00:00Z") } }`;

  it("should refuse to move the deadline without a reason, and move nothing", async () => {
    for (const reason of [undefined, "   "]) {
      const res = await api.gql(MOVE, { id: String(f.period), input: { currentDeadline: "2014-11-21", deadlineChangeReason: reason } });
      expect(res.errors![0]).toMatchObject({
        message: "Give a reason for moving the deadline from 2014-11-14 to 2014-11-21 (deadlineChangeReason): it is kept with the change",
        extensions: { code: "BAD_USER_INPUT" },
      });
    }
    const res = await api.gql(HISTORY, { id: String(f.period) });
    expect(res.data!.reportingPeriod.currentDeadline).toBe("2014-11-14");
    expect(res.data!.reportingPeriod.deadlineChanges).toHaveLength(1);
  });

  it("should keep each move of the deadline with who, when and why, and tell the deadline of a past moment", async () => {
    const admin = await api.database.db.execute(sql`select id from employee where email = 'admin@district.test'`);
    const adminId = String((admin as unknown as { rows: { id: number }[] }).rows[0]!.id);
    const moved = await api.gql(MOVE, { id: String(f.period), input: { currentDeadline: "2014-11-21", deadlineChangeReason: "Veterans Day week" } });
    expect(moved.data!.updateReportingPeriod.currentDeadline).toBe("2014-11-21");
    // Setting the deadline it already has is no move: no reason asked, no row written.
    await api.gql(MOVE, { id: String(f.period), input: { currentDeadline: "2014-11-21", name: "Elementary Reporting Period 1" } });
    const res = await api.gql(HISTORY, { id: String(f.period) });
    expect(res.data!.reportingPeriod).toEqual({
      currentDeadline: "2014-11-21",
      deadlineChanges: [
        { fromDeadline: "2014-11-07", toDeadline: "2014-11-14", reason: "Outage of November 4", changedById: adminId, changedAt: "2014-11-05T15:00:00.000Z" },
        { fromDeadline: "2014-11-14", toDeadline: "2014-11-21", reason: "Veterans Day week", changedById: adminId, changedAt: "2014-11-05T16:00:00.000Z" },
      ],
      before: "2014-11-07",
      after: "2014-11-14",
    });
  });

  it("should keep current_deadline equal to the latest change whatever is written, and refuse to write it directly", async () => {
    const db = api.database.db;
    const day = fc.integer({ min: 7, max: 28 }).map((d) => `2014-11-${String(d).padStart(2, "0")}`);
    const step = fc.oneof(
      fc.record({ kind: fc.constant("change" as const), to: day, minutes: fc.integer({ min: -600, max: 600 }) }),
      fc.record({ kind: fc.constant("direct" as const), to: day, minutes: fc.constant(0) }),
    );
    const latest = async () => {
      const [row] = await db.select({ to: deadlineChange.toDeadline }).from(deadlineChange).where(eq(deadlineChange.periodId, f.period))
        .orderBy(desc(deadlineChange.changedAt), desc(deadlineChange.id)).limit(1);
      const [period] = await db.select({ current: reportingPeriod.currentDeadline }).from(reportingPeriod).where(eq(reportingPeriod.id, f.period));
      return { latest: row!.to, current: period!.current };
    };
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 6 }), async (steps) => {
        for (const s of steps) {
          const before = await latest();
          if (s.kind === "change") {
            // Changes may arrive out of time order (a backdated record): the latest by time still decides.
            await db.insert(deadlineChange).values({
              periodId: f.period, fromDeadline: before.current, toDeadline: s.to, reason: "property test", changedAt: new Date(Date.parse("2014-11-06T00:00:00Z") + s.minutes * 60_000),
            });
          } else if (s.to !== before.current) {
            await expect(db.update(reportingPeriod).set({ currentDeadline: s.to }).where(eq(reportingPeriod.id, f.period))).rejects.toThrow();
          }
          const after = await latest();
          expect(after.current).toBe(after.latest);
        }
      }),
      { numRuns: 15 },
    );
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
