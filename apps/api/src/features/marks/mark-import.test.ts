import { mark, markHistory, markOperation } from "@gradewatch/db/schema";
import { testDbKinds } from "@gradewatch/db/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Clock } from "../../clock.js";
import { buildFixture, type Fixture } from "../../test/fixtures.js";
import { startTestApi, type TestApi } from "../../test/harness.js";

const IMPORT = `mutation($sectionId: ID!, $periodId: ID, $csv: String!, $dryRun: Boolean!, $previewChecksum: String) {
  importMarks(sectionId: $sectionId, periodId: $periodId, csv: $csv, dryRun: $dryRun, previewChecksum: $previewChecksum) {
    dryRun applied checksum totals { added changed unchanged rejected }
    lines { line status reason districtStudentId studentName gradingItem oldValue newValue oldComment newComment markId version }
  }
}`;

describe.each(testDbKinds())("importing marks from CSV on %s", (kind) => {
  let api: TestApi;
  let f: Fixture;
  let teacher: string;
  let now = new Date("2014-11-05T20:00:00Z").getTime();
  const clock: Clock = { now: () => new Date(now), simulated: true };
  const count = async (table: typeof mark | typeof markHistory | typeof markOperation) =>
    Number((await api.database.db.select({ n: sql<number>`count(*)` }).from(table))[0]!.n);
  const counts = async () => [await count(mark), await count(markHistory), await count(markOperation)];
  const run = (token: string, csv: string, dryRun: boolean, previewChecksum?: string, sectionId = f.sections.elm) =>
    api.gqlAs(token, IMPORT, { sectionId: String(sectionId), csv, dryRun, previewChecksum });
  const exported = async () => (await fetch(`${api.url}/exports/sections/${f.sections.elm}/marks.csv`, { headers: { authorization: `Bearer ${teacher}` } })).text();

  beforeAll(async () => {
    api = await startTestApi(kind, { clock });
    f = await buildFixture(api.database.db);
    teacher = await api.tokenFor(f.teachers.elm);
  });
  afterAll(() => api?.close());

  it("should re-import the section's own export as all UNCHANGED", async () => {
    const csv = await exported();
    const res = await run(teacher, csv, true);
    expect(res.errors).toBeUndefined();
    expect(res.data!.importMarks.totals).toEqual({ added: 0, changed: 0, unchanged: 1, rejected: 0 });
    expect(res.data!.importMarks.lines[0]).toMatchObject({ line: 2, status: "UNCHANGED", studentName: "Lopez, Ana", gradingItem: "READING", oldValue: "3", newValue: "3" });
  });

  it("should give clear per-line reasons for bad lines and write nothing in a dry run", async () => {
    const csv = [
      "district_student_id,grading_item,mark,comment,notes",
      "1000000001,READING,4,Much better,ignored column",
      "1000000002,reading,3,,",
      "1000000002,READING,2,,",
      "1000000003,READING,2,,",
      "9999999999,READING,2,,",
      "1000000002,WORK_HABITS,7,,",
      "1000000002,SPELLING,2,,",
      "1000000001,WORK_HABITS",
      '1000000001,WORK_HABITS,"E,with comma',
    ].join("\r\n");
    const before = await counts();
    const res = await run(teacher, csv, true);
    expect(res.errors).toBeUndefined();
    const out = res.data!.importMarks;
    expect(out).toMatchObject({ dryRun: true, applied: false, totals: { added: 1, changed: 1, unchanged: 0, rejected: 7 } });
    const byLine = Object.fromEntries(out.lines.map((l: { line: number }) => [l.line, l]));
    expect(byLine[2]).toMatchObject({ status: "CHANGED", oldValue: "3", newValue: "4", newComment: "Much better", studentName: "Lopez, Ana" });
    expect(byLine[3]).toMatchObject({ status: "ADDED", oldValue: null, newValue: "3", studentName: "Kim, Ben" });
    expect(byLine[4]).toMatchObject({ status: "REJECTED", reason: "Duplicate of line 3 (same student and grading item)" });
    expect(byLine[5].reason).toMatch(/^Unknown student: no student with district id 1000000003 is enrolled in this section/);
    expect(byLine[6].reason).toMatch(/^Unknown student: no student with district id 9999999999/);
    expect(byLine[7].reason).toMatch(/^Value off the scale: "7" is not on the .+ scale \(allowed: E, S, U\)$/);
    expect(byLine[8].reason).toMatch(/^Unknown grading item "SPELLING" in Elementary Reporting Period 1 \(items: READING, WORK_HABITS\)/);
    expect(byLine[9].reason).toMatch(/^Malformed line: 2 columns where the header has 5/);
    expect(byLine[10].reason).toMatch(/^Malformed line: quoted field unterminated/);
    expect(await counts()).toEqual(before);
  });

  it("should refuse a file without a required column, naming it, and a file over the line cap", async () => {
    const res = await run(teacher, "district_student_id,mark\n1000000001,3\n", true);
    expect(res.errors![0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT" } });
    expect(res.errors![0].message).toMatch(/no grading_item column/);
    const big = ["district_student_id,grading_item,mark", ...Array.from({ length: 1001 }, () => "1,READING,3")].join("\n");
    const capped = await run(teacher, big, true);
    expect(capped.errors![0].message).toBe("The file has 1001 lines of marks; import at most 1,000 at a time (split the file)");
  });

  it("should apply exactly the preview, and a second import of the same file changes nothing", async () => {
    const csv = "district_student_id,grading_item,mark,comment\n1000000001,READING,4,Much better\n1000000002,READING,2,\n1000000002,WORK_HABITS,7,\n";
    const preview = (await run(teacher, csv, true)).data!.importMarks;
    expect(preview.totals).toEqual({ added: 1, changed: 1, unchanged: 0, rejected: 1 });
    const withoutChecksum = await run(teacher, csv, false);
    expect(withoutChecksum.errors![0].extensions.code).toBe("BAD_USER_INPUT");
    const before = await counts();
    const applied = await run(teacher, csv, false, preview.checksum);
    expect(applied.errors).toBeUndefined();
    expect(applied.data!.importMarks).toMatchObject({ applied: true, totals: { added: 1, changed: 1, rejected: 1 } });
    expect(applied.data!.importMarks.lines[0]).toMatchObject({ status: "CHANGED", version: 2 });
    const [m, h, o] = before;
    expect(await counts()).toEqual([m! + 1, h! + 2, o! + 2]);
    const sources = await api.database.db.execute(sql`select distinct source from mark_history where operation_id like 'import-%'`);
    expect((sources as unknown as { rows: { source: string }[] }).rows.map((r) => r.source)).toEqual(["IMPORT"]);

    const again = (await run(teacher, csv, true)).data!.importMarks;
    expect(again.totals).toEqual({ added: 0, changed: 0, unchanged: 2, rejected: 1 });
    const after = await counts();
    expect((await run(teacher, csv, false, again.checksum)).data!.importMarks.applied).toBe(true);
    expect(await counts()).toEqual(after);
    // Applying the first preview again is stale: refused, nothing saved.
    const stale = await run(teacher, csv, false, preview.checksum);
    expect(stale.errors![0]).toMatchObject({ message: "Marks changed since your preview; preview again", extensions: { code: "CONFLICT" } });
    expect(await counts()).toEqual(after);
  });

  it("should refuse to apply when a mark changed since the preview, saving none of the lines", async () => {
    const csv = "district_student_id,grading_item,mark\n1000000001,READING,1\n1000000001,WORK_HABITS,U\n";
    const preview = (await run(teacher, csv, true)).data!.importMarks;
    expect(preview.totals).toMatchObject({ changed: 1, added: 1 });
    const m = (await api.gqlAs(teacher, `{ marks(filter: { studentId: "${f.students.ana}", gradingItemId: "${f.items.reading}" }) { items { id version value } } }`)).data!.marks.items[0];
    const saved = await api.gqlAs(teacher, `mutation($items: [SaveMarkInput!]!) { saveMarks(items: $items) { status } }`, {
      items: [{ operationId: `other-edit-${kind}`, periodId: String(f.period), sectionId: String(f.sections.elm), studentId: String(f.students.ana), gradingItemId: String(f.items.reading), value: "2", baseVersion: m.version }],
    });
    expect(saved.data!.saveMarks[0].status).toBe("SAVED");
    const before = await counts();
    const res = await run(teacher, csv, false, preview.checksum);
    expect(res.errors![0]).toMatchObject({ message: "Marks changed since your preview; preview again", extensions: { code: "CONFLICT" } });
    expect(await counts()).toEqual(before);
  });

  it("should reject lines after the deadline, keeping unchanged lines unchanged", async () => {
    now = new Date("2014-11-16T20:00:00Z").getTime();
    const late = await api.tokenFor(f.teachers.elm);
    const res = await run(late, "district_student_id,grading_item,mark\n1000000001,READING,2\n1000000002,READING,4\n", true);
    expect(res.data!.importMarks.lines.map((l: { status: string }) => l.status)).toEqual(["UNCHANGED", "REJECTED"]);
    expect(res.data!.importMarks.lines[1].reason).toMatch(/^Deadline passed: the deadline for Elementary Reporting Period 1 passed at Friday, November 14, 2014/);
    now = new Date("2014-11-05T20:00:00Z").getTime();
  });

  it("should answer NOT_FOUND for another teacher's section and FORBIDDEN for a role that never writes marks", async () => {
    const other = await run(await api.tokenFor(f.teachers.oak), "district_student_id,grading_item,mark\n", true);
    expect(other.errors![0].extensions.code).toBe("NOT_FOUND");
    const principal = await run(await api.tokenFor(f.principals.elm), "district_student_id,grading_item,mark\n1000000002,READING,4\n", true);
    expect(principal.data!.importMarks.totals.changed).toBe(1);
    const [hr] = await api.database.db.execute(sql`insert into employee (employee_number, first_name, last_name, email, role) values ('E0000077', 'Hal', 'Ross', 'hal@district.test', 'HR') returning id`).then((r) => (r as unknown as { rows: { id: number }[] }).rows);
    const forbidden = await run(await api.tokenFor(hr!.id), "district_student_id,grading_item,mark\n", true);
    expect(forbidden.errors![0].extensions.code).toBe("FORBIDDEN");
  });
});
