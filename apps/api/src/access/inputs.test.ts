import { testDbKinds } from "@gradewatch/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AccessFixture, buildAccessFixture } from "../test/access-fixture.js";
import { startTestApi, type TestApi } from "../test/harness.js";

// With row-level security off too, so the application's own checks are proven without the database's.
const runs = testDbKinds().flatMap((kind) => [true, false].map((rls) => ({ kind, rls, label: `${kind}${rls ? "" : " without row-level security"}` })));

describe.each(runs)("inputs cannot widen scope, on $label", ({ kind, rls }) => {
  let api: TestApi;
  let f: AccessFixture;
  let principal: string;
  beforeAll(async () => {
    api = await startTestApi(kind, { rls });
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
  it("should answer a principal naming an out-of-scope teacher exactly as one that does not exist", async () => {
    const CREATE_SECTION = `mutation($input: SectionCreateInput!) { createSection(input: $input) { id } }`;
    const section = (teacherId: number) => ({ schoolId: String(f.targets.school.own), teacherId: String(teacherId), courseName: "Probe", gradeLevel: 3, level: "ELEMENTARY" });
    const olga = f.employees[8]!.id;
    const missing = 424242;
    const outOfScope = await api.gqlAs(principal, CREATE_SECTION, { input: section(olga) });
    const absent = await api.gqlAs(principal, CREATE_SECTION, { input: section(missing) });
    expect(outOfScope.errors![0]).toMatchObject({ message: `Employee ${olga} not found`, extensions: { code: "NOT_FOUND" } });
    expect(absent.errors![0]).toMatchObject({ message: `Employee ${missing} not found`, extensions: { code: "NOT_FOUND" } });
    const update = await api.gqlAs(principal, `mutation($id: ID!, $t: ID!) { updateSection(id: $id, input: { teacherId: $t }) { id } }`, {
      id: String(f.targets.section.own),
      t: String(olga),
    });
    expect(update.errors![0]).toMatchObject({ message: `Employee ${olga} not found`, extensions: { code: "NOT_FOUND" } });
    const count = await api.gql(`{ sections(filter: { q: "Probe" }) { total } }`);
    expect(count.data!.sections.total).toBe(0);
  });

  describe("employee records cannot grant district-wide access", () => {
    let hr: string;
    beforeAll(async () => {
      hr = await api.tokenFor(f.actors.HR.id);
    });
    const UPDATE = `mutation($id: ID!, $input: EmployeeUpdateInput!) { updateEmployee(id: $id, input: $input) { id role active } }`;
    const CREATE = `mutation($input: EmployeeCreateInput!) { createEmployee(input: $input) { id role } }`;
    const newAdmin = (n: string) => ({ employeeNumber: `E00005${n}`, firstName: "New", lastName: "Admin", email: `admin${n}@access.test`, role: "DISTRICT_ADMIN" });
    const roleOf = async (id: number) => (await api.gql(`query($id: ID!) { employee(id: $id) { role active email } }`, { id: String(id) })).data!.employee;

    it.each([
      ["promote themselves", { role: "DISTRICT_ADMIN" }, "You may not change your own role, school or ESC"],
      ["move themselves to a school", { schoolId: "__elm__" }, "You may not change your own role, school or ESC"],
      ["disable themselves", { active: false }, "You may not disable your own account"],
    ])("should not let HR %s", async (_label, input, message) => {
      const patch = Object.fromEntries(Object.entries(input).map(([k, v]) => [k, v === "__elm__" ? String(f.targets.school.own) : v]));
      const res = await api.gqlAs(hr, UPDATE, { id: String(f.actors.HR.id), input: patch });
      expect(res.errors![0]).toMatchObject({ message, extensions: { code: "FORBIDDEN" } });
      expect(await roleOf(f.actors.HR.id)).toMatchObject({ role: "HR", active: true });
    });

    it("should not let HR promote another employee to district administrator", async () => {
      const res = await api.gqlAs(hr, UPDATE, { id: String(f.actors.TEACHER.id), input: { role: "DISTRICT_ADMIN" } });
      expect(res.errors![0]).toMatchObject({ message: "Only a district administrator may make someone a district administrator", extensions: { code: "FORBIDDEN" } });
      expect((await roleOf(f.actors.TEACHER.id)).role).toBe("TEACHER");
    });

    it("should not let HR change a district administrator's record", async () => {
      const res = await api.gqlAs(hr, UPDATE, { id: String(f.actors.DISTRICT_ADMIN.id), input: { email: "hal@access.test.evil" } });
      expect(res.errors![0]).toMatchObject({ message: "Only a district administrator may change a district administrator", extensions: { code: "FORBIDDEN" } });
      expect((await roleOf(f.actors.DISTRICT_ADMIN.id)).email).toBe("ada@access.test");
    });

    it("should not let HR create a district administrator", async () => {
      const res = await api.gqlAs(hr, CREATE, { input: newAdmin("01") });
      expect(res.errors![0]).toMatchObject({ message: "Only a district administrator may create a district administrator", extensions: { code: "FORBIDDEN" } });
      const count = await api.gql(`{ employees(filter: { q: "admin01@access.test" }) { total } }`);
      expect(count.data!.employees.total).toBe(0);
    });

    it("should still let HR create and update ordinary staff", async () => {
      const created = await api.gqlAs(hr, CREATE, { input: { ...newAdmin("02"), role: "HR" } });
      expect(created.errors).toBeUndefined();
      const res = await api.gqlAs(hr, UPDATE, { id: created.data!.createEmployee.id, input: { role: "TEACHER", schoolId: String(f.targets.school.own) } });
      expect(res.errors).toBeUndefined();
      expect(res.data!.updateEmployee.role).toBe("TEACHER");
    });

    it("should not let a district administrator demote or disable themselves", async () => {
      const admin = await api.tokenFor(f.actors.DISTRICT_ADMIN.id);
      const demote = await api.gqlAs(admin, UPDATE, { id: String(f.actors.DISTRICT_ADMIN.id), input: { role: "HR" } });
      expect(demote.errors![0].extensions.code).toBe("FORBIDDEN");
      const disable = await api.gqlAs(admin, UPDATE, { id: String(f.actors.DISTRICT_ADMIN.id), input: { active: false } });
      expect(disable.errors![0].extensions.code).toBe("FORBIDDEN");
      expect(await roleOf(f.actors.DISTRICT_ADMIN.id)).toMatchObject({ role: "DISTRICT_ADMIN", active: true });
    });

    it("should let a district administrator create an administrator and promote someone", async () => {
      const created = await api.gql(CREATE, { input: newAdmin("03") });
      expect(created.errors).toBeUndefined();
      expect(created.data!.createEmployee.role).toBe("DISTRICT_ADMIN");
      const promoted = await api.gql(UPDATE, { id: String(f.actors.HR.id), input: { role: "DISTRICT_ADMIN" } });
      expect(promoted.errors).toBeUndefined();
      expect(promoted.data!.updateEmployee.role).toBe("DISTRICT_ADMIN");
    });
  });
});
