import { testDbKinds } from "@gradewatch/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AccessFixture, buildAccessFixture } from "../test/access-fixture.js";
import { startTestApi, type TestApi } from "../test/harness.js";

describe.each(testDbKinds())("inputs cannot widen scope, on %s", (kind) => {
  let api: TestApi;
  let f: AccessFixture;
  let principal: string;
  beforeAll(async () => {
    api = await startTestApi(kind);
    f = await buildAccessFixture(api.database.db);
    principal = await api.tokenFor(f.actors.PRINCIPAL.id);
  });
  afterAll(() => api?.close());

  const CREATE = `mutation($input: StudentCreateInput!) { createStudent(input: $input) { id school { id } } }`;
  const student = (schoolId: number, n: string) => ({ districtStudentId: `20000000${n}`, firstName: "New", lastName: "Kid", gradeLevel: 2, schoolId: String(schoolId) });

  it("should let a principal enroll a student at their own school", async () => {
    const res = await api.gqlAs(principal, CREATE, { input: student(f.targets.school.own, "01") });
    expect(res.errors).toBeUndefined();
    expect(res.data!.createStudent.school.id).toBe(String(f.targets.school.own));
  });

  it.each([
    ["in their own ESC", "sameEsc", "02"],
    ["in another ESC", "otherEsc", "03"],
  ] as const)("should answer a principal creating a student at a school %s as if that school did not exist", async (_label, scope, n) => {
    const res = await api.gqlAs(principal, CREATE, { input: student(f.targets.school[scope], n) });
    expect(res.errors![0]).toMatchObject({ message: `School ${f.targets.school[scope]} not found`, extensions: { code: "NOT_FOUND" } });
    const count = await api.gql(`{ students(filter: { q: "20000000${n}" }) { total } }`);
    expect(count.data!.students.total).toBe(0);
  });

  it("should refuse to move a student out of the principal's school", async () => {
    const res = await api.gqlAs(principal, `mutation($id: ID!, $s: ID!) { updateStudent(id: $id, input: { schoolId: $s }) { id } }`, {
      id: String(f.targets.student.own),
      s: String(f.targets.school.otherEsc),
    });
    expect(res.errors![0].extensions.code).toBe("NOT_FOUND");
    const still = await api.gql(`query($id: ID!) { student(id: $id) { schoolId } }`, { id: String(f.targets.student.own) });
    expect(still.data!.student.schoolId).toBe(String(f.targets.school.own));
  });

  it("should not let a principal create a section at another school", async () => {
    const res = await api.gqlAs(principal, `mutation($input: SectionCreateInput!) { createSection(input: $input) { id } }`, {
      input: { schoolId: String(f.targets.school.sameEsc), teacherId: String(f.employees[7]!.id), courseName: "Sneaky", gradeLevel: 9, level: "SECONDARY" },
    });
    expect(res.errors![0].extensions.code).toBe("NOT_FOUND");
  });
});
