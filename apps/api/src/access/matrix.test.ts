import { testDbKinds } from "@gradewatch/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AccessFixture, buildAccessFixture, type Role } from "../test/access-fixture.js";
import { startTestApi, type TestApi } from "../test/harness.js";
import { allows, matrix, type Operation, type Scope } from "./matrix.js";

const OPERATIONS: Record<Operation, string> = {
  "esc.read": `query($id: ID!) { r: esc(id: $id) { id } }`,
  "school.read": `query($id: ID!) { r: school(id: $id) { id } }`,
  "employee.read": `query($id: ID!) { r: employee(id: $id) { id } }`,
  "section.read": `query($id: ID!) { r: section(id: $id) { id } }`,
  "student.read": `query($id: ID!) { r: student(id: $id) { id } }`,
  "mark.read": `query($id: ID!) { r: mark(id: $id) { id } }`,
  "school.update": `mutation($id: ID!) { r: updateSchool(id: $id, input: { enrollment: 0 }) { id } }`,
  "employee.update": `mutation($id: ID!) { r: updateEmployee(id: $id, input: { active: true }) { id } }`,
  "section.update": `mutation($id: ID!) { r: updateSection(id: $id, input: { gradeLevel: 3 }) { id } }`,
  "student.update": `mutation($id: ID!) { r: updateStudent(id: $id, input: { gradeLevel: 3 }) { id } }`,
};

const cells = Object.entries(matrix.rules).flatMap(([role, ops]) =>
  Object.entries(ops).flatMap(([op, scopes]) =>
    Object.entries(scopes).map(([scope, decision]) => ({ role: role as Role, op: op as Operation, scope: scope as Scope, decision })),
  ),
);

describe.each(testDbKinds())("authorization matrix on %s", (kind) => {
  let api: TestApi;
  let f: AccessFixture;
  const tokens = {} as Record<Role, string>;
  beforeAll(async () => {
    api = await startTestApi(kind);
    f = await buildAccessFixture(api.database.db);
    for (const [role, actor] of Object.entries(f.actors)) tokens[role as Role] = await api.tokenFor(actor.id);
  });
  afterAll(() => api?.close());

  function target(role: Role, op: Operation, scope: Scope): number {
    const entity = op.split(".")[0] as keyof AccessFixture["targets"] | "employee";
    if (entity !== "employee") return f.targets[entity][scope];
    const [, tess, val, olga] = [0, 6, 7, 8].map((i) => f.employees[i]!.id);
    return { own: f.actors[role].id, sameSchool: tess!, sameEsc: val!, otherEsc: olga! }[scope];
  }

  it.each(cells)("$role $op on $scope: $decision", async ({ role, op, scope, decision }) => {
    const id = String(target(role, op, scope));
    const res = await api.gqlAs(tokens[role], OPERATIONS[op], { id });
    if (decision === "allow") {
      expect(res.errors).toBeUndefined();
      expect(res.data!.r.id).toBe(id);
    } else {
      const roleMayEver = matrix.scopes.some((s) => allows(role, op, s));
      expect(res.data?.r ?? null).toBeNull();
      // Out of scope looks exactly like absent; a change the role may never make is forbidden outright.
      const forbidden = op.endsWith(".update") && !roleMayEver;
      expect(res.errors![0]!.extensions.code).toBe(forbidden ? "FORBIDDEN" : "NOT_FOUND");
    }
  });
});
