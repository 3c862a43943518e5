import { enrollment, student } from "@gradewatch/db/schema";
import { testDbKinds } from "@gradewatch/db/testing";
import { asc, eq } from "drizzle-orm";
import type { Actor } from "../../access/actor.js";
import { inActorTransaction } from "../../access/request-scope.js";
import { studentScope } from "../../access/scope.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildFixture, type Fixture, signedIn } from "../../test/fixtures.js";
import { startTestApi, type TestApi } from "../../test/harness.js";

const ENROLL = `mutation($section: ID!, $student: ID!) { enrollStudent(sectionId: $section, studentId: $student) { enrolledCount } }`;
const SAVE = `mutation($items: [SaveMarkInput!]!) { saveMarks(items: $items) { status code reason } }`;
const UNENROLL = `mutation($section: ID!, $student: ID!) { unenrollStudent(sectionId: $section, studentId: $student) { enrolledCount } }`;

describe.each(testDbKinds())("section rosters on %s", (kind) => {
  let api: TestApi;
  let f: Fixture;
  let principal: string;
  let dee: string;
  beforeAll(async () => {
    api = await startTestApi(kind);
    f = await buildFixture(api.database.db);
    principal = await api.tokenFor(f.principals.elm);
    const created = await api.gql(`mutation($input: StudentCreateInput!) { createStudent(input: $input) { id } }`, {
      input: { districtStudentId: "1000000077", firstName: "Dee", lastName: "Park", gradeLevel: 3, schoolId: String(f.schools.elm) },
    });
    dee = created.data!.createStudent.id;
  });
  afterAll(() => api?.close());

  const roster = async () =>
    (await api.gql(`query($id: ID!) { students(filter: { sectionId: $id }) { items { fullName } } }`, { id: String(f.sections.elm) })).data!.students.items.map(
      (s: { fullName: string }) => s.fullName,
    );

  it("should let a principal enroll a student of their school once, however often it is asked", async () => {
    const vars = { section: String(f.sections.elm), student: dee };
    expect((await api.gqlAs(principal, ENROLL, vars)).data!.enrollStudent.enrolledCount).toBe(3);
    expect((await api.gqlAs(principal, ENROLL, vars)).data!.enrollStudent.enrolledCount).toBe(3);
    expect(await roster()).toEqual(["Ben Kim", "Ana Lopez", "Dee Park"]);
  });

  it("should answer a principal naming a student of another school as if the student did not exist", async () => {
    const res = await api.gqlAs(principal, ENROLL, { section: String(f.sections.elm), student: String(f.students.oakKid) });
    expect(res.errors![0]).toMatchObject({ message: `Student ${f.students.oakKid} not found`, extensions: { code: "NOT_FOUND" } });
  });

  it("should refuse to put a student on the roster of another school's section", async () => {
    const res = await api.gql(ENROLL, { section: String(f.sections.elm), student: String(f.students.oakKid) });
    expect(res.errors![0]).toMatchObject({
      message: `Student ${f.students.oakKid} attends another school than section ${f.sections.elm}`,
      extensions: { code: "BAD_USER_INPUT" },
    });
    expect(await roster()).not.toContain("Cy Jones");
  });

  it("should keep a student with marks on the roster, and take one without marks off it", async () => {
    const kept = await api.gqlAs(principal, UNENROLL, { section: String(f.sections.elm), student: String(f.students.ana) });
    expect(kept.errors![0]).toMatchObject({
      message: `Student ${f.students.ana} has 1 mark in this section; a student with marks stays on its roster`,
      extensions: { code: "CONFLICT" },
    });
    const removed = await api.gqlAs(principal, UNENROLL, { section: String(f.sections.elm), student: dee });
    expect(removed.data!.unenrollStudent.enrolledCount).toBe(2);
    expect(await roster()).toEqual(["Ben Kim", "Ana Lopez"]);
  });

  it("should not let a teacher change a roster", async () => {
    const teacher = await api.tokenFor(f.teachers.elm);
    const res = await api.gqlAs(teacher, ENROLL, { section: String(f.sections.elm), student: dee });
    expect(res.errors![0]!.extensions!.code).toBe("FORBIDDEN");
    expect(await roster()).toEqual(["Ben Kim", "Ana Lopez"]);
  });

  it("should end an enrollment instead of deleting it, and start a new one when the student is enrolled again", async () => {
    const vars = { section: String(f.sections.elm), student: dee };
    const teacher = await api.tokenFor(f.teachers.elm);
    const teachersStudents = async () =>
      (await api.gqlAs(teacher, `{ students(perPage: 50) { items { fullName } } }`)).data!.students.items.map((s: { fullName: string }) => s.fullName);
    const rows = () =>
      api.database.db
        .select({ startedAt: enrollment.startedAt, endedAt: enrollment.endedAt })
        .from(enrollment)
        .where(eq(enrollment.studentId, Number(dee)))
        .orderBy(asc(enrollment.id));
    // Dee was enrolled and taken off above: the ended enrollment is still there, with when it ended.
    expect(await rows()).toEqual([{ startedAt: new Date("2014-11-05T16:00:00Z"), endedAt: new Date("2014-11-05T16:00:00Z") }]);
    expect(await teachersStudents()).not.toContain("Dee Park");
    // Both save paths (gw_save_marks on PostgreSQL, the service otherwise) count only an open enrollment.
    const save = await api.gqlAs(teacher, SAVE, {
      items: [{ operationId: `ended-${kind}`, periodId: String(f.period), sectionId: String(f.sections.elm), studentId: dee, gradingItemId: String(f.items.reading), value: "3" }],
    });
    expect(save.data!.saveMarks[0]).toMatchObject({ status: "REJECTED", code: "BAD_USER_INPUT", reason: `Student ${dee} is not enrolled in this section` });

    expect((await api.gqlAs(principal, ENROLL, vars)).data!.enrollStudent.enrolledCount).toBe(3);
    expect(await rows()).toEqual([
      { startedAt: new Date("2014-11-05T16:00:00Z"), endedAt: new Date("2014-11-05T16:00:00Z") },
      { startedAt: new Date("2014-11-05T16:00:00Z"), endedAt: null },
    ]);
    expect(await roster()).toEqual(["Ben Kim", "Ana Lopez", "Dee Park"]);
    expect(await teachersStudents()).toContain("Dee Park");

    expect((await api.gqlAs(principal, UNENROLL, vars)).data!.unenrollStudent.enrolledCount).toBe(2);
    expect((await api.gqlAs(principal, UNENROLL, vars)).data!.unenrollStudent.enrolledCount).toBe(2);
    expect((await rows()).map((r) => r.endedAt !== null)).toEqual([true, true]);
    expect(await teachersStudents()).not.toContain("Dee Park");
  });

  it("should hide a student whose enrollment ended from the teacher in the app's scope alone and in row-level security alone", async () => {
    const teacher: Actor = await signedIn(api.database.db, { id: f.teachers.elm, role: "TEACHER", schoolId: f.schools.elm, escId: null });
    const names = (rows: { firstName: string }[]) => rows.map((r) => r.firstName).sort();
    // The test connection bypasses row-level security: only the app's condition filters here.
    const scoped = await api.database.db.select({ firstName: student.firstName }).from(student).where(studentScope(teacher));
    expect(names(scoped)).toEqual(["Ana", "Ben"]);
    // No condition from the app here: only the database's policy filters.
    const policed = await inActorTransaction(api.database.db, teacher, (tx) => tx.select({ firstName: student.firstName }).from(student));
    expect(names(policed)).toEqual(["Ana", "Ben"]);
  });
});
