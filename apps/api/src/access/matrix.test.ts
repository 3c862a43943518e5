import { compensationLog } from "@gradewatch/db/schema";
import { testDbKinds } from "@gradewatch/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AccessFixture, addReportTargets, buildAccessFixture } from "../test/access-fixture.js";
import { startTestApi, type TestApi } from "../test/harness.js";
import { allows, ROLES, type Role, SCOPES, type Scope } from "@gradewatch/domain/policy";

// The operations tested cell by cell: each entity the access fixture has a target of, in every scope.
const OPERATIONS = {
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
  // Saving the value a mark already has changes nothing, so every cell sees the same data.
  "mark.update": `mutation($items: [SaveMarkInput!]!) { saveMarks(items: $items) { status code mark { id } } }`,
  // A school's risk, and an extension of its deadline (each granted one a day later than the last).
  "risk.read": `query($id: ID!) { r: schoolRisk(id: $id) { id } }`,
  "extension.grant": `mutation($id: ID!, $periodId: ID!, $day: String!, $op: String!) {
    r: grantDeadlineExtension(input: { periodId: $periodId, schoolId: $id, extendedTo: $day, reason: "Matrix", operationId: $op }) { id: schoolId } }`,
  // issue 10: problem reports. Unassigning an unassigned report changes only its version.
  "problemReport.read": `query($id: ID!) { r: problemReport(id: $id) { id } }`,
  "problemReport.manage": `mutation($id: ID!, $v: Int!) { r: assignProblemReport(id: $id, assigneeId: null, expectedVersion: $v) { id } }`,
  // issue 11: a compensation log of the actor ("own"), of Tess at Elm, of Val at Valley (North), of Olga at Oak (East).
  "compensation.read": `query($id: ID!) { r: compensationLog(id: $id) { id } }`,
} as const;
type Operation = keyof typeof OPERATIONS;

const cells = ROLES.flatMap((role) =>
  (Object.keys(OPERATIONS) as Operation[]).flatMap((op) =>
    SCOPES.map((scope) => ({ role, op, scope, decision: allows(role, op, scope) ? "allow" : "deny" })),
  ),
);

// With row-level security off too, so the application's own scope is proven without the database's.
const runs = testDbKinds().flatMap((kind) => [true, false].map((rls) => ({ kind, rls, label: `${kind}${rls ? "" : " without row-level security"}` })));

describe.each(runs)("authorization matrix on $label", ({ kind, rls }) => {
  let api: TestApi;
  let f: AccessFixture;
  let reports: Record<Scope, number>;
  const tokens = {} as Record<Role, string>;
  beforeAll(async () => {
    api = await startTestApi(kind, { rls });
    f = await buildAccessFixture(api.database.db);
    reports = await addReportTargets(api.database.db, f);
    for (const [role, actor] of Object.entries(f.actors)) tokens[role as Role] = await api.tokenFor(actor.id);
    const owners = [...Object.values(f.actors), ...[6, 7, 8].map((i) => f.employees[i]!)];
    const logs = await api.database.db
      .insert(compensationLog)
      .values(
        owners.map((o) => ({
          employeeId: o.id,
          schoolId: o.schoolId,
          escId: o.escId ?? (o.schoolId ? f.schoolEsc.get(o.schoolId)! : null),
          workDate: "2014-11-04",
          startsAt: new Date("2014-11-05T02:00:00Z"),
          endsAt: new Date("2014-11-05T04:00:00Z"),
          minutes: 120,
          countedMinutes: 120,
          category: "RE_ENTERING_LOST_DATA" as const,
          description: "Re-entered grades",
          createdAt: new Date("2014-11-05T05:00:00Z"),
        })),
      )
      .returning({ id: compensationLog.id, employeeId: compensationLog.employeeId });
    for (const l of logs) logOf.set(l.employeeId, l.id);
  });
  const logOf = new Map<number, number>();
  afterAll(() => api?.close());

  function target(role: Role, op: Operation, scope: Scope): number {
    if (op === "compensation.read") {
      const [, tess, val, olga] = [0, 6, 7, 8].map((i) => f.employees[i]!.id);
      return logOf.get({ own: f.actors[role].id, sameSchool: tess!, sameEsc: val!, otherEsc: olga! }[scope])!;
    }
    if (op.split(".")[0] === "problemReport") return reports[scope];
    const entity = ({ risk: "school", extension: "school" } as Record<string, string>)[op.split(".")[0]!] ?? (op.split(".")[0] as keyof AccessFixture["targets"] | "employee");
    if (entity !== "employee") return f.targets[entity as keyof AccessFixture["targets"]][scope];
    const [, tess, val, olga] = [0, 6, 7, 8].map((i) => f.employees[i]!.id);
    return { own: f.actors[role].id, sameSchool: tess!, sameEsc: val!, otherEsc: olga! }[scope];
  }

  async function saveSameValue(role: Role, markId: string) {
    const m = (await api.gql(`query($id: ID!) { mark(id: $id) { periodId sectionId studentId gradingItemId value version } }`, { id: markId })).data!.mark;
    const { version, ...rest } = m;
    const operationId = `matrix-${role}-${markId}-${Math.random().toString(36).slice(2)}`;
    const res = await api.gqlAs(tokens[role], OPERATIONS["mark.update"], { items: [{ ...rest, baseVersion: version, operationId }] });
    const result = res.data?.saveMarks?.[0];
    // A per-item outcome: out of scope is "not found" inside the result, like any other rejection.
    return { ...res, data: result?.status === "SAVED" ? { r: result.mark } : result ? { r: null } : res.data, itemCode: result?.code };
  }

  let extensionDay = Date.parse("2014-11-15T00:00:00Z");
  async function grantExtension(role: Role, id: string) {
    const periodId = (await api.gql(`{ reportingPeriods { items { id } } }`)).data!.reportingPeriods.items[0].id as string;
    const day = new Date((extensionDay += 86_400_000)).toISOString().slice(0, 10);
    return api.gqlAs(tokens[role], OPERATIONS["extension.grant"], { id, periodId, day, op: `matrix-${role}-${id}-${day}` });
  }

  it.each(cells)("$role $op on $scope: $decision", async ({ role, op, scope, decision }) => {
    const id = String(target(role, op, scope));
    const version = async () => (await api.gql(`query($id: ID!) { problemReport(id: $id) { version } }`, { id })).data!.problemReport.version as number;
    const res =
      op === "mark.update"
        ? await saveSameValue(role, id)
        : op === "extension.grant"
          ? await grantExtension(role, id)
          : op === "problemReport.manage"
            ? await api.gqlAs(tokens[role], OPERATIONS[op], { id, v: await version() })
            : await api.gqlAs(tokens[role], OPERATIONS[op], { id });
    if (decision === "allow") {
      expect(res.errors).toBeUndefined();
      expect(res.data!.r.id).toBe(id);
    } else {
      const roleMayEver = SCOPES.some((s) => allows(role, op, s));
      expect(res.data?.r ?? null).toBeNull();
      // Out of scope looks exactly like absent; a change the role may never make is forbidden outright.
      const forbidden = !op.endsWith(".read") && !roleMayEver;
      const code = "itemCode" in res && res.itemCode ? res.itemCode : res.errors?.[0]?.extensions.code;
      expect(code).toBe(forbidden ? "FORBIDDEN" : "NOT_FOUND");
    }
  });
});
