import { testDbKinds } from "@gradewatch/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildFixture, type Fixture } from "../../test/fixtures.js";
import { startTestApi, type TestApi } from "../../test/harness.js";

describe.each(testDbKinds())("students and sections on %s", (kind) => {
  let api: TestApi;
  let f: Fixture;
  beforeAll(async () => {
    api = await startTestApi(kind);
    f = await buildFixture(api.database.db);
  });
  afterAll(() => api?.close());

  const names = (res: { data?: any }) => res.data!.students.items.map((s: { fullName: string }) => s.fullName);

  it("should list the students of a section, of an ESC, and by search on name or student id", async () => {
    const q = `query($filter: StudentFilter) { students(filter: $filter) { total items { fullName school { name } } } }`;
    expect(names(await api.gql(q, { filter: { sectionId: String(f.sections.elm) } }))).toEqual(["Ben Kim", "Ana Lopez"]);
    expect(names(await api.gql(q, { filter: { escId: String(f.escs.east) } }))).toEqual(["Cy Jones"]);
    expect(names(await api.gql(q, { filter: { q: "1000000002" } }))).toEqual(["Ben Kim"]);
    expect(names(await api.gql(q, { filter: { gradeLevel: 2 } }))).toEqual(["Cy Jones"]);
  });

  it("should show a section with its teacher, school and enrolled count", async () => {
    const res = await api.gql(`query($id: ID!) { section(id: $id) { courseName level enrolledCount teacher { fullName } school { name } } }`, {
      id: String(f.sections.elm),
    });
    expect(res.data!.section).toEqual({
      courseName: "Grade 3 Homeroom",
      level: "ELEMENTARY",
      enrolledCount: 2,
      teacher: { fullName: "Terry Nguyen" },
      school: { name: "Elm Street Elementary" },
    });
  });

  it("should refuse a section whose teacher works at another school", async () => {
    const res = await api.gql(`mutation($input: SectionCreateInput!) { createSection(input: $input) { id } }`, {
      input: { schoolId: String(f.schools.elm), teacherId: String(f.teachers.oak), courseName: "Grade 2", gradeLevel: 2, level: "ELEMENTARY" },
    });
    expect(res.errors![0]).toMatchObject({
      message: `Employee ${f.teachers.oak} is not a teacher at school ${f.schools.elm}`,
      extensions: { code: "BAD_USER_INPUT" },
    });
  });

  it("should create a student and reject a grade level outside K-12", async () => {
    const ok = await api.gql(`mutation($input: StudentCreateInput!) { createStudent(input: $input) { fullName gradeLevel } }`, {
      input: { districtStudentId: "1000000099", firstName: "Dee", lastName: "Park", gradeLevel: 0, schoolId: String(f.schools.elm) },
    });
    expect(ok.data!.createStudent).toEqual({ fullName: "Dee Park", gradeLevel: 0 });
    const bad = await api.gql(`mutation($input: StudentCreateInput!) { createStudent(input: $input) { id } }`, {
      input: { districtStudentId: "12345", firstName: "Eve", lastName: "Park", gradeLevel: 13, schoolId: String(f.schools.elm) },
    });
    expect(bad.errors![0].extensions.code).toBe("BAD_USER_INPUT");
    expect(bad.errors![0].message).toBe("districtStudentId must be 10 digits; gradeLevel must be 0 (kindergarten) to 12");
  });

  it("should list a section's marks with student, item and who entered them", async () => {
    const res = await api.gql(`query($filter: MarkFilter) { marks(filter: $filter) { total items { value version student { fullName } gradingItem { code scale } enteredBy { fullName } enteredAt } } }`, {
      filter: { sectionId: String(f.sections.elm) },
    });
    expect(res.data!.marks).toEqual({
      total: 1,
      items: [
        {
          value: "3",
          version: 1,
          student: { fullName: "Ana Lopez" },
          gradingItem: { code: "READING", scale: "STANDARDS_1_4" },
          enteredBy: { fullName: "Terry Nguyen" },
          enteredAt: "2014-11-03T03:00:00.000Z",
        },
      ],
    });
  });
});
