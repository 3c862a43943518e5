import { testDbKinds } from "@gradewatch/db/testing";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildFixture, type Fixture } from "../../test/fixtures.js";
import { startTestApi, type TestApi } from "../../test/harness.js";

const SAVE = `mutation($items: [SaveMarkInput!]!) { saveMarks(items: $items) { status } }`;

describe.each(testDbKinds())("downloading a section's marks as CSV on %s", (kind) => {
  let api: TestApi;
  let f: Fixture;
  const download = (token: string | null, sectionId: number | string) =>
    fetch(`${api.url}/exports/sections/${sectionId}/marks.csv`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  beforeAll(async () => {
    api = await startTestApi(kind, { clock: { now: () => new Date("2014-11-05T20:00:00Z"), simulated: true } });
    f = await buildFixture(api.database.db);
    const teacher = await api.tokenFor(f.teachers.elm);
    const base = { periodId: String(f.period), sectionId: String(f.sections.elm), gradingItemId: String(f.items.reading) };
    const res = await api.gqlAs(teacher, SAVE, {
      items: [
        { ...base, operationId: "export-ana-1", studentId: String(f.students.ana), gradingItemId: String(f.items.habits), value: "E", comment: 'Works "hard", always' },
        { ...base, operationId: "export-ben-1", studentId: String(f.students.ben), value: "2" },
      ],
    });
    expect(res.data!.saveMarks).toEqual([{ status: "SAVED" }, { status: "SAVED" }]);
  });
  afterAll(() => api?.close());

  it("should give the teacher their section's marks, one line per mark, with Los Angeles times", async () => {
    const res = await download(await api.tokenFor(f.teachers.elm), f.sections.elm);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(res.headers.get("content-disposition")).toMatch(/attachment; filename="marks-section-\d+-[a-z0-9-]+\.csv"/);
    const parsed = Papa.parse<Record<string, string>>((await res.text()).trim(), { header: true });
    expect(parsed.errors).toEqual([]);
    // Sorted by last name (Kim before Lopez), then by the item's position.
    expect(parsed.data.map((r) => [r.last_name, r.grading_item, r.mark])).toEqual([
      ["Kim", "READING", "2"],
      ["Lopez", "READING", "3"],
      ["Lopez", "WORK_HABITS", "E"],
    ]);
    expect(parsed.data[2]).toMatchObject({ comment: 'Works "hard", always', version: "1", saved_at: "2014-11-05 12:00:00 PST", entered_by: "terry@elm.test" });
    expect(parsed.data[0]).toMatchObject({ comment: "", reporting_period: "Elementary Reporting Period 1" });
  });

  it("should let the school's principal download it too", async () => {
    const res = await download(await api.tokenFor(f.principals.elm), f.sections.elm);
    expect(res.status).toBe(200);
    expect((await res.text()).split("\r\n").filter(Boolean)).toHaveLength(4);
  });

  it("should answer 404 for another teacher's section, 400 for a bad id and 401 without a session", async () => {
    const other = await download(await api.tokenFor(f.teachers.oak), f.sections.elm);
    expect(other.status).toBe(404);
    expect(await other.json()).toMatchObject({ errors: [{ extensions: { code: "NOT_FOUND" } }] });
    const bad = await download(await api.tokenFor(f.teachers.elm), "abc");
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ errors: [{ extensions: { code: "BAD_USER_INPUT" } }] });
    expect((await download(null, f.sections.elm)).status).toBe(401);
  });
});
