import { markHistory } from "@gradewatch/db/schema";
import { testDbKinds } from "@gradewatch/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildFixture, type Fixture } from "../../test/fixtures.js";
import { startTestApi, type TestApi } from "../../test/harness.js";

const SAVE = `mutation($items: [SaveMarkInput!]!) { saveMarks(items: $items) { status mark { id version value comment } } }`;
const RESTORE = `mutation($markId: ID!, $version: Int!, $baseVersion: Int!, $operationId: String!) {
  restoreMark(markId: $markId, version: $version, baseVersion: $baseVersion, operationId: $operationId) { status code reason replayed mark { id version value comment } }
}`;
const HISTORY = `query($markId: ID!) { markHistory(markId: $markId) { version oldValue newValue newComment source } }`;

describe.each(testDbKinds())("restoring an earlier value of a mark on %s", (kind) => {
  let api: TestApi;
  let f: Fixture;
  let teacher: string;
  let markId: string;

  beforeAll(async () => {
    api = await startTestApi(kind, { clock: { now: () => new Date("2014-11-05T20:00:00Z"), simulated: true } });
    f = await buildFixture(api.database.db);
    teacher = await api.tokenFor(f.teachers.elm);
    const base = { periodId: String(f.period), sectionId: String(f.sections.elm), studentId: String(f.students.ben), gradingItemId: String(f.items.reading) };
    const v1 = (await api.gqlAs(teacher, SAVE, { items: [{ ...base, operationId: "restore-v1", value: "2", comment: "Needs practice" }] })).data!.saveMarks[0];
    markId = v1.mark.id;
    const v2 = (await api.gqlAs(teacher, SAVE, { items: [{ ...base, operationId: "restore-v2", value: "4", baseVersion: 1 }] })).data!.saveMarks[0];
    expect(v2.mark).toMatchObject({ version: 2, value: "4", comment: null });
  });
  afterAll(() => api?.close());

  it("should put back version 1's value and comment as version 3, recorded with source RESTORE, and replay a retry", async () => {
    const res = await api.gqlAs(teacher, RESTORE, { markId, version: 1, baseVersion: 2, operationId: "restore-op-1" });
    expect(res.errors).toBeUndefined();
    expect(res.data!.restoreMark).toMatchObject({ status: "SAVED", replayed: false, mark: { id: markId, version: 3, value: "2", comment: "Needs practice" } });
    const history = (await api.gqlAs(teacher, HISTORY, { markId })).data!.markHistory;
    expect(history.map((h: { version: number; source: string; newValue: string }) => [h.version, h.source, h.newValue])).toEqual([
      [1, "API", "2"],
      [2, "API", "4"],
      [3, "RESTORE", "2"],
    ]);
    const retry = await api.gqlAs(teacher, RESTORE, { markId, version: 1, baseVersion: 2, operationId: "restore-op-1" });
    expect(retry.data!.restoreMark).toMatchObject({ status: "SAVED", replayed: true, mark: { version: 3 } });
    expect(await api.database.db.select().from(markHistory).where(eq(markHistory.markId, Number(markId)))).toHaveLength(3);
  });

  it("should answer CONFLICT with the current mark when baseVersion is stale, changing nothing", async () => {
    const res = await api.gqlAs(teacher, RESTORE, { markId, version: 2, baseVersion: 2, operationId: "restore-op-stale" });
    expect(res.data!.restoreMark).toMatchObject({ status: "CONFLICT", mark: { version: 3, value: "2" } });
    expect(res.data!.restoreMark.reason).toMatch(/version 3/);
    expect(await api.database.db.select().from(markHistory).where(eq(markHistory.markId, Number(markId)))).toHaveLength(3);
  });

  it("should restore a first version saved before history was kept, from the next change's old value", async () => {
    const ana = (await api.gqlAs(teacher, `{ marks(filter: { studentId: "${f.students.ana}", gradingItemId: "${f.items.reading}" }) { items { id version value } } }`)).data!.marks.items[0];
    expect(ana).toMatchObject({ version: 1, value: "3" });
    expect((await api.gqlAs(teacher, HISTORY, { markId: ana.id })).data!.markHistory).toEqual([]);
    const base = { periodId: String(f.period), sectionId: String(f.sections.elm), studentId: String(f.students.ana), gradingItemId: String(f.items.reading) };
    await api.gqlAs(teacher, SAVE, { items: [{ ...base, operationId: "restore-ana-v2", value: "1", baseVersion: 1 }] });
    const res = await api.gqlAs(teacher, RESTORE, { markId: ana.id, version: 1, baseVersion: 2, operationId: "restore-ana-back" });
    expect(res.data!.restoreMark).toMatchObject({ status: "SAVED", mark: { version: 3, value: "3" } });
  });

  it("should refuse a version the mark never had, and hide the mark from another teacher", async () => {
    const missing = await api.gqlAs(teacher, RESTORE, { markId, version: 9, baseVersion: 3, operationId: "restore-op-missing" });
    expect(missing.errors![0]).toMatchObject({ message: `Mark ${markId} has no version 9`, extensions: { code: "BAD_USER_INPUT" } });
    const other = await api.gqlAs(await api.tokenFor(f.teachers.oak), RESTORE, { markId, version: 1, baseVersion: 3, operationId: "restore-op-other" });
    expect(other.errors![0].extensions.code).toBe("NOT_FOUND");
  });
});
