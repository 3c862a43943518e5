import { employee } from "@gradewatch/db/schema";
import { testDbKinds } from "@gradewatch/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildFixture, type Fixture } from "../../test/fixtures.js";
import { DEMO_NOW, startTestApi, type TestApi } from "../../test/harness.js";

describe.each(testDbKinds())("employees on %s", (kind) => {
  let api: TestApi;
  let f: Fixture;
  beforeAll(async () => {
    api = await startTestApi(kind);
    f = await buildFixture(api.database.db);
  });
  afterAll(() => api?.close());

  const CREATE = `mutation($input: EmployeeCreateInput!) { createEmployee(input: $input) { id fullName email role workdayStart workdayEnd school { name } } }`;

  it("should filter staff by role and by ESC, including the staff of its schools", async () => {
    const res = await api.gql(`query($f: EmployeeFilter) { employees(filter: $f) { total items { fullName role } } }`, {
      f: { escId: String(f.escs.north), role: "TEACHER" },
    });
    expect(res.data!.employees).toEqual({ total: 1, items: [{ fullName: "Terry Nguyen", role: "TEACHER" }] });
  });

  it("should create a teacher with a normalised email and the default workday", async () => {
    const res = await api.gql(CREATE, {
      input: { employeeNumber: "E0000042", firstName: "Lee", lastName: "Chan", email: "Lee.Chan@ELM.test", role: "TEACHER", schoolId: String(f.schools.elm) },
    });
    expect(res.data!.createEmployee).toMatchObject({
      fullName: "Lee Chan",
      email: "lee.chan@elm.test",
      workdayStart: "07:30:00",
      workdayEnd: "15:30:00",
      school: { name: "Elm Street Elementary" },
    });
    const [row] = await api.database.db.select({ createdAt: employee.createdAt }).from(employee).where(eq(employee.id, Number(res.data!.createEmployee.id)));
    // Created on the district's clock, not the database server's.
    expect(row!.createdAt).toEqual(DEMO_NOW);
  });

  it.each([
    [{ role: "TEACHER" }, "A teacher needs a schoolId"],
    [{ role: "ESC_DIRECTOR" }, "An esc director needs an escId"],
    [{ role: "HR", workdayStart: "17:00", workdayEnd: "08:00" }, "workdayStart must be before workdayEnd"],
    [{ role: "HR", email: "not-an-email" }, "email must be an email address"],
  ])("should refuse %o with a clear reason", async (patch, message) => {
    const res = await api.gql(CREATE, {
      input: { employeeNumber: "E0000077", firstName: "X", lastName: "Y", email: "x@y.test", ...patch },
    });
    expect(res.errors![0]).toMatchObject({ message, extensions: { code: "BAD_USER_INPUT" } });
  });

  it("should deactivate an employee rather than delete", async () => {
    const res = await api.gql(`mutation($id: ID!) { updateEmployee(id: $id, input: { active: false }) { active } }`, { id: String(f.teachers.oak) });
    expect(res.data!.updateEmployee.active).toBe(false);
    const active = await api.gql(`{ employees(filter: { active: true }) { total } }`);
    expect(active.data!.employees.total).toBe(4);
  });
});
