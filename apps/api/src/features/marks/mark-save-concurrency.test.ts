import { mark, markHistory } from "@gradewatch/db/schema";
import { testDbKinds } from "@gradewatch/db/testing";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildFixture, type Fixture } from "../../test/fixtures.js";
import { startTestApi, type TestApi } from "../../test/harness.js";

const SAVE = `mutation($items: [SaveMarkInput!]!) { saveMarks(items: $items) { operationId status code reason replayed mark { id value version } } }`;
const AT_ONCE = 8;

describe.each(testDbKinds())("two requests with the same operation id at the same moment on %s", (kind) => {
  let api: TestApi;
  let f: Fixture;
  let teacher: string;
  beforeAll(async () => {
    api = await startTestApi(kind);
    f = await buildFixture(api.database.db);
    teacher = await api.tokenFor(f.teachers.elm);
  });
  afterAll(() => api?.close());

  const item = (operationId: string, studentId: number, gradingItemId: number, value: string, baseVersion: number | null) => ({
    operationId,
    periodId: String(f.period),
    sectionId: String(f.sections.elm),
    studentId: String(studentId),
    gradingItemId: String(gradingItemId),
    value,
    baseVersion,
  });
  const stored = async (studentId: number, gradingItemId: number) => {
    const db = api.database.db;
    const [m] = await db.select().from(mark).where(and(eq(mark.studentId, studentId), eq(mark.gradingItemId, gradingItemId)));
    const [{ n } = { n: 0 }] = m ? await db.select({ n: sql<number>`count(*)::int` }).from(markHistory).where(eq(markHistory.markId, m.id)) : [];
    return { value: m?.value, version: m?.version, history: Number(n) };
  };
  const sendAtOnce = (items: ReturnType<typeof item>[]) => Promise.all(items.map((i) => api.gqlAs(teacher, SAVE, { items: [i] })));

  it("should apply a change once when the same request arrives several times at once", async () => {
    const change = item("same-moment-0001", f.students.ana, f.items.reading, "4", 1);
    const answers = await sendAtOnce(Array.from({ length: AT_ONCE }, () => change));
    for (const a of answers) expect(a.errors).toBeUndefined();
    const results = answers.map((a) => a.data!.saveMarks[0]);
    expect(results.every((r: { status: string; mark: { value: string; version: number } }) => r.status === "SAVED" && r.mark.value === "4" && r.mark.version === 2)).toBe(true);
    expect(results.filter((r: { replayed: boolean }) => !r.replayed)).toHaveLength(1);
    expect(await stored(f.students.ana, f.items.reading)).toEqual({ value: "4", version: 2, history: 1 });
  });

  it("should create a new mark once when the same first entry arrives several times at once", async () => {
    const change = item("same-moment-0002", f.students.ben, f.items.habits, "E", null);
    const answers = await sendAtOnce(Array.from({ length: AT_ONCE }, () => change));
    const results = answers.map((a) => a.data?.saveMarks?.[0] ?? a.errors);
    expect(results.every((r: { status?: string; mark?: { version: number } }) => r.status === "SAVED" && r.mark!.version === 1)).toBe(true);
    expect(await stored(f.students.ben, f.items.habits)).toEqual({ value: "E", version: 1, history: 1 });
  });

  it("should apply one change and refuse the others when one operation id carries different changes at once", async () => {
    const values = ["1", "2", "3", "4"];
    const answers = await sendAtOnce(values.map((v) => item("same-moment-0003", f.students.ben, f.items.reading, v, null)));
    const results = answers.map((a) => a.data?.saveMarks?.[0] ?? a.errors);
    const saved = results.filter((r: { status?: string }) => r.status === "SAVED");
    expect(saved).toHaveLength(1);
    expect(results.filter((r: { status?: string; code?: string }) => r.status === "REJECTED" && r.code === "BAD_USER_INPUT")).toHaveLength(values.length - 1);
    expect(await stored(f.students.ben, f.items.reading)).toEqual({ value: saved[0].mark.value, version: 1, history: 1 });
  });
});
