import { testDbKinds } from "@gradewatch/db/testing";
import { maintenanceWindow, outage, reportingPeriod } from "@gradewatch/db/schema";
import { GraphQLObjectType } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getSchema } from "../graphql/schema.js";
import { type AccessFixture, buildAccessFixture, type Role } from "../test/access-fixture.js";
import { startTestApi, type TestApi } from "../test/harness.js";
import { ROLES, rolesFor } from "@gradewatch/domain/policy";
import { sampleCall } from "../test/schema-samples.js";
import { accessRuleOf } from "./allow.js";

const schema = await getSchema();
const rootFields = (["Query", "Mutation"] as const).flatMap((root) =>
  Object.values((schema.getType(root) as GraphQLObjectType).getFields()).map((field) => ({ root, field, key: `${root}.${field.name}`, rule: accessRuleOf(field) })),
);

describe("every Query and Mutation field has an access rule", () => {
  it.each(rootFields.map((f) => [f.key, f] as const))("%s names its rule with @Allow", (key, { rule }) => {
    expect(rule, `add @Allow("<operation in packages/domain/src/policy.ts>") to the resolver of ${key}`).toBeDefined();
  });
});

describe("without signing in", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi("pglite");
  });
  afterAll(() => api?.close());

  const queries = rootFields.filter((f) => f.root === "Query");
  it.each(queries.map((q) => [q.key, q] as const))("%s answers only if public", async (_key, { field, rule }) => {
    const res = await api.gqlAs(null, `{ ${sampleCall(field)} }`);
    if (rule === "public") {
      expect(res.errors).toBeUndefined();
    } else {
      expect(res.data?.[field.name] ?? null).toBeNull();
      expect(res.errors![0]).toMatchObject({ message: "Sign in to continue", extensions: { code: "UNAUTHENTICATED" } });
    }
  });
});

const mutations = rootFields.filter((f) => f.root === "Mutation");

describe("every Mutation without signing in", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi("pglite");
  });
  afterAll(() => api?.close());

  it.each(mutations.map((m) => [m.key, m] as const))("%s is refused with UNAUTHENTICATED", async (_key, { field }) => {
    const res = await api.gqlAs(null, `mutation { ${sampleCall(field)} }`);
    expect(res.data?.[field.name] ?? null).toBeNull();
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0]).toMatchObject({ message: "Sign in to continue", extensions: { code: "UNAUTHENTICATED" } });
  });
});

// The district administrator's own operations (the entities' ones are proven cell by cell in matrix.test.ts).
const MATRIX_ENTITIES = ["esc", "school", "employee", "section", "student", "mark"];
const adminMutations = mutations
  .filter(({ rule }) => rule?.includes(".") && !MATRIX_ENTITIES.includes(rule.split(".")[0]!) && rolesFor(rule as never).join() === "DISTRICT_ADMIN")
  .map((m) => m.field.name);
const NON_ADMINS = ROLES.filter((r) => r !== "DISTRICT_ADMIN");

interface AdminTargets {
  period: number;
  outage: number;
  window: number;
}

// A valid call of each admin-only mutation: were its rule missing, it would change something.
const ADMIN_CALLS: Record<string, (t: AdminTargets) => [string, Record<string, unknown>]> = {
  createReportingPeriod: () => [
    `mutation($input: ReportingPeriodCreateInput!) { r: createReportingPeriod(input: $input) { id } }`,
    { input: { schoolYear: "2014-15", name: "Secondary Reporting Period 1", level: "SECONDARY", windowOpensOn: "2014-10-27", originalDeadline: "2014-11-07" } },
  ],
  updateReportingPeriod: (t) => [
    `mutation($id: ID!) { r: updateReportingPeriod(id: $id, input: { currentDeadline: "2014-11-21", deadlineChangeReason: "made up" }) { id } }`,
    { id: String(t.period) },
  ],
  createOutage: () => [
    `mutation { r: createOutage(input: { kind: UNPLANNED, startsAt: "2014-11-06T22:00:00Z", endsAt: "2014-11-06T23:00:00Z", description: "made up" }) { id } }`,
    {},
  ],
  updateOutage: (t) => [`mutation($id: ID!) { r: updateOutage(id: $id, input: { description: "rewritten" }) { id } }`, { id: String(t.outage) }],
  deleteOutage: (t) => [`mutation($id: ID!) { r: deleteOutage(id: $id) { id } }`, { id: String(t.outage) }],
  createMaintenanceWindow: () => [
    `mutation { r: createMaintenanceWindow(input: { name: "Made up", startsAtLocal: "01:00", endsAtLocal: "02:00", active: false }) { id } }`,
    {},
  ],
  updateMaintenanceWindow: (t) => [
    `mutation($id: ID!) { r: updateMaintenanceWindow(id: $id, input: { description: "rewritten" }) { id } }`,
    { id: String(t.window) },
  ],
  deleteMaintenanceWindow: (t) => [`mutation($id: ID!) { r: deleteMaintenanceWindow(id: $id) { id } }`, { id: String(t.window) }],
  updateSlaSetting: () => [`mutation { r: updateSlaSetting(severity: LOW, acknowledgeMinutes: 900, resolveMinutes: 4800) { severity } }`, {}],
};

describe("admin-only mutations have a sample call", () => {
  it.each(adminMutations)("%s", (name) => {
    expect(ADMIN_CALLS[name], `add a sample call for ${name} to ADMIN_CALLS`).toBeDefined();
  });
});

describe.each(testDbKinds())("admin-only mutations on %s", (kind) => {
  let api: TestApi;
  let f: AccessFixture;
  let t: AdminTargets;
  const tokens = {} as Record<Role, string>;
  beforeAll(async () => {
    api = await startTestApi(kind);
    f = await buildAccessFixture(api.database.db);
    for (const role of NON_ADMINS) tokens[role] = await api.tokenFor(f.actors[role].id);
    const [period] = await api.database.db.select({ id: reportingPeriod.id }).from(reportingPeriod);
    const o = await api.gql(`mutation { createOutage(input: { kind: UNPLANNED, startsAt: "2014-11-04T22:00:00Z", endsAt: "2014-11-05T00:00:00Z", description: "SIS down" }) { id } }`);
    const w = await api.gql(`mutation { createMaintenanceWindow(input: { name: "Nightly", startsAtLocal: "21:00", endsAtLocal: "22:00", active: false }) { id } }`);
    t = { period: period!.id, outage: Number(o.data!.createOutage.id), window: Number(w.data!.createMaintenanceWindow.id) };
  });
  afterAll(() => api?.close());

  const snapshot = async () => {
    const db = api.database.db;
    return JSON.stringify([
      await db.select().from(reportingPeriod).orderBy(reportingPeriod.id),
      await db.select().from(outage).orderBy(outage.id),
      await db.select().from(maintenanceWindow).orderBy(maintenanceWindow.id),
    ]);
  };

  const cells = NON_ADMINS.flatMap((role) => adminMutations.map((name) => ({ role, name })));
  it.each(cells)("$role may not $name, and nothing changes", async ({ role, name }) => {
    const before = await snapshot();
    const [query, variables] = ADMIN_CALLS[name]!(t);
    const res = await api.gqlAs(tokens[role], query, variables);
    expect(res.data?.r ?? null).toBeNull();
    expect(["FORBIDDEN", "NOT_FOUND"]).toContain(res.errors?.[0]?.extensions.code);
    expect(await snapshot()).toBe(before);
  });

  it("should let a district administrator make each of those calls (so the refusals above mean something)", async () => {
    const deletesLast = [...adminMutations].sort((a, b) => Number(a.startsWith("delete")) - Number(b.startsWith("delete")));
    for (const name of deletesLast) {
      const [query, variables] = ADMIN_CALLS[name]!(t);
      const res = await api.gql(query, variables);
      expect(res.errors, name).toBeUndefined();
    }
  });
});
