import { mark } from "@gradewatch/db/schema";
import { testDbKinds } from "@gradewatch/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AccessFixture, buildAccessFixture, type Role } from "../test/access-fixture.js";
import { fingerprint } from "../test/fingerprint.js";
import { startTestApi, type TestApi } from "../test/harness.js";
import { allows, type Operation, ROLES, SCOPES, type Scope } from "@gradewatch/domain/policy";

// The scoped updates (the administrators' own operations are covered in schema-walk.test.ts).
type UpdateOperation = Extract<Operation, "school.update" | "employee.update" | "section.update" | "student.update" | "mark.update">;

// Each call changes what it names, so a refusal that let it through would show in the database.
const UPDATES: Record<UpdateOperation, string> = {
  "school.update": `mutation($id: ID!) { r: updateSchool(id: $id, input: { enrollment: 4321 }) { id } }`,
  "employee.update": `mutation($id: ID!) { r: updateEmployee(id: $id, input: { workdayEnd: "16:45" }) { id } }`,
  "section.update": `mutation($id: ID!) { r: updateSection(id: $id, input: { courseName: "Renamed by a refused update" }) { id } }`,
  "student.update": `mutation($id: ID!) { r: updateStudent(id: $id, input: { firstName: "Renamed" }) { id } }`,
  "mark.update": `mutation($items: [SaveMarkInput!]!) { saveMarks(items: $items) { status code } }`,
};

const refused = ROLES.flatMap((role) =>
  (Object.keys(UPDATES) as UpdateOperation[]).flatMap((op) =>
    SCOPES.filter((scope) => !allows(role, op, scope)).map((scope) => ({ role: role as Role, op, scope })),
  ),
);

describe.each(testDbKinds())("refused updates in the access matrix on %s", (kind) => {
  let api: TestApi;
  let f: AccessFixture;
  const tokens = {} as Record<Role, string>;
  beforeAll(async () => {
    api = await startTestApi(kind);
    f = await buildAccessFixture(api.database.db);
    for (const [role, actor] of Object.entries(f.actors)) tokens[role as Role] = await api.tokenFor(actor.id);
  });
  afterAll(() => api?.close());

  function target(role: Role, op: UpdateOperation, scope: Scope): number {
    const entity = op.split(".")[0] as keyof AccessFixture["targets"] | "employee";
    if (entity !== "employee") return f.targets[entity][scope];
    const [tess, val, olga] = [6, 7, 8].map((i) => f.employees[i]!.id);
    return { own: f.actors[role].id, sameSchool: tess!, sameEsc: val!, otherEsc: olga! }[scope];
  }

  async function update(token: string, op: UpdateOperation, id: number) {
    if (op !== "mark.update") return api.gqlAs(token, UPDATES[op], { id: String(id) });
    const [m] = await api.database.db.select().from(mark).where(eq(mark.id, id));
    const item = {
      operationId: `refused-${Math.random().toString(36).slice(2, 12)}`,
      periodId: String(m!.periodId),
      sectionId: String(m!.sectionId),
      studentId: String(m!.studentId),
      gradingItemId: String(m!.gradingItemId),
      value: m!.value === "4" ? "2" : "4",
      baseVersion: m!.version,
    };
    return api.gqlAs(token, UPDATES[op], { items: [item] });
  }

  it.each(refused)("should leave the database unchanged when $role may not $op on $scope", async ({ role, op, scope }) => {
    // A refused save is remembered under its operation id, so that a replay answers the same: that row is
    // all it may leave.
    const except = op === "mark.update" ? ["mark_operation"] : [];
    const before = await fingerprint(api.database.db, except);
    const res = await update(tokens[role], op, target(role, op, scope));
    const code = op === "mark.update" ? (res.data?.saveMarks?.[0]?.code ?? res.errors?.[0]?.extensions.code) : res.errors?.[0]?.extensions.code;
    expect(["FORBIDDEN", "NOT_FOUND"]).toContain(code);
    expect(await fingerprint(api.database.db, except)).toEqual(before);
  });

  it("should change the database when a district administrator makes each of those calls (so the refusals above mean something)", async () => {
    for (const op of Object.keys(UPDATES) as UpdateOperation[]) {
      const before = await fingerprint(api.database.db);
      const res = await update(tokens.DISTRICT_ADMIN, op, target("DISTRICT_ADMIN", op, "otherEsc"));
      expect(res.errors, op).toBeUndefined();
      expect(await fingerprint(api.database.db), op).not.toEqual(before);
    }
  });
});
