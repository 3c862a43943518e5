import { testDbKinds } from "@gradewatch/db/testing";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AccessFixture, addReportTargets, buildAccessFixture, employeeScopeOf, type Role, type Scope } from "../test/access-fixture.js";
import { startTestApi, type TestApi } from "../test/harness.js";
import { allows, type Operation, reachOf, ROLES } from "@gradewatch/domain/policy";

const SCOPES: Scope[] = ["own", "sameSchool", "sameEsc", "otherEsc"];
type Entity = "esc" | "school" | "section" | "student" | "mark" | "employee" | "problemReport";
// The risk views (issue 9): every path by which a school's completion, counts or reasons could come back.
const RISK_SCHOOL = `__typename id school { __typename id } esc { __typename id } reasons { teachers { __typename id } }`;
const RISK_REQUESTS = {
  ranking: (_: (e: Entity, s: Scope) => number) => `{ x: schoolRisks(perPage: 50) { items { ${RISK_SCHOOL} } } }`,
  byEsc: (id: (e: Entity, s: Scope) => number, scope: Scope) => `{ x: schoolRisks(filter: { escId: "${id("esc", scope)}" }) { items { ${RISK_SCHOOL} } } }`,
  one: (id: (e: Entity, s: Scope) => number, scope: Scope) => `{ x: schoolRisk(id: "${id("school", scope)}") { ${RISK_SCHOOL} } }`,
  detail: (id: (e: Entity, s: Scope) => number, scope: Scope) =>
    `{ x: schoolRiskDetail(schoolId: "${id("school", scope)}") { risk { ${RISK_SCHOOL} } byTeacher { teacher { __typename id } } bySection { section { __typename id } } notStarted { __typename id } extensions { __typename id school { __typename id } } } }`,
  escOverview: (id: (e: Entity, s: Scope) => number, scope: Scope) =>
    `{ x: escRiskOverview(escId: "${id("esc", scope)}") { esc { __typename id } changedSincePreviousSchoolDay { school { __typename id } } } }`,
  district: () => `{ x: districtRiskOverview { esc { __typename id } changedSincePreviousSchoolDay { school { __typename id } } } }`,
  asOf: () => `{ x: schoolRisks(filter: { asOf: "2014-11-04T20:00:00Z" }) { items { ${RISK_SCHOOL} } } }`,
  extensions: () => `{ x: deadlineExtensions(perPage: 50) { items { __typename id school { __typename id } section { __typename id } } } }`,
} as const;

const OP_OF: Record<string, Operation> = {
  Esc: "esc.read",
  School: "school.read",
  Employee: "employee.read",
  Section: "section.read",
  Student: "student.read",
  Mark: "mark.read",
  SchoolRisk: "risk.read",
  DeadlineExtension: "extension.read",
  ProblemReport: "problemReport.read",
};
// Objects whose id is another entity's: a school's risk is keyed by the school.
const ENTITY_OF: Record<string, Exclude<Entity, "employee" | "problemReport">> = { SchoolRisk: "school" };

// Every tracked object is selected with its type and id, and every relation is followed, so a leak
// anywhere in the tree is seen.
const SELECTION: Record<Entity, string> = {
  esc: "__typename id",
  school: "__typename id esc { __typename id } principal { __typename id }",
  employee: "__typename id school { __typename id esc { __typename id } } esc { __typename id }",
  section: "__typename id school { __typename id } teacher { __typename id school { __typename id } }",
  student: "__typename id school { __typename id principal { __typename id } }",
  mark: "__typename id student { __typename id } section { __typename id teacher { __typename id } } enteredBy { __typename id } school { __typename id }",
  problemReport: "__typename id school { __typename id } filedBy { __typename id } comments { __typename id internal }",
};
const LIST: Record<Entity, string> = { esc: "escs", school: "schools", employee: "employees", section: "sections", student: "students", mark: "marks", problemReport: "problemReports" };

type Path =
  | { kind: "direct"; entity: Entity; scope: Scope }
  | { kind: "aliased"; entity: Entity; scopes: [Scope, Scope] }
  | { kind: "ids"; entity: Entity; scopes: Scope[] }
  | { kind: "filtered"; entity: Entity; filter: string; scope: Scope }
  | { kind: "paginated"; entity: Entity; perPage: number }
  | { kind: "risk"; view: keyof typeof RISK_REQUESTS; scope: Scope };

const entityArb = fc.constantFrom<Entity>("esc", "school", "employee", "section", "student", "mark", "problemReport");
const scopeArb = fc.constantFrom(...SCOPES);
const pathArb: fc.Arbitrary<Path> = fc.oneof(
  fc.record({ kind: fc.constant("direct" as const), entity: entityArb, scope: scopeArb }),
  fc.record({ kind: fc.constant("aliased" as const), entity: entityArb, scopes: fc.tuple(scopeArb, scopeArb) }),
  fc.record({ kind: fc.constant("ids" as const), entity: entityArb, scopes: fc.uniqueArray(scopeArb, { minLength: 1 }) }),
  fc.record({
    kind: fc.constant("filtered" as const),
    entity: fc.constantFrom<Entity>("student", "mark", "section", "employee"),
    filter: fc.constantFrom("schoolId", "escId", "sectionId", "teacherId", "studentId"),
    scope: scopeArb,
  }),
  fc.record({ kind: fc.constant("paginated" as const), entity: entityArb, perPage: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant("risk" as const), view: fc.constantFrom(...(Object.keys(RISK_REQUESTS) as (keyof typeof RISK_REQUESTS)[])), scope: scopeArb }),
);

// With row-level security off too, so the application's own scope is proven without the database's.
const runs = testDbKinds().flatMap((kind) => [true, false].map((rls) => ({ kind, rls, label: `${kind}${rls ? "" : " without row-level security"}` })));

describe.each(runs)("nothing outside the actor's scope comes back, on $label", ({ kind, rls }) => {
  let api: TestApi;
  let f: AccessFixture;
  let reports: Record<Scope, number>;
  const tokens = {} as Record<Role, string>;
  const extensionScopes = new Map<number, Scope>();
  beforeAll(async () => {
    api = await startTestApi(kind, { rls });
    f = await buildAccessFixture(api.database.db);
    reports = await addReportTargets(api.database.db, f);
    for (const [role, actor] of Object.entries(f.actors)) tokens[role as Role] = await api.tokenFor(actor.id);
    // An extension for a school in each ESC, so that listing extensions has something to leak.
    const periodId = (await api.gql(`{ reportingPeriods { items { id } } }`)).data!.reportingPeriods.items[0].id as string;
    for (const scope of ["own", "otherEsc"] as const) {
      const schoolId = f.targets.school[scope];
      const res = await api.gql(`mutation($input: GrantDeadlineExtensionInput!) { grantDeadlineExtension(input: $input) { id } }`, {
        input: { periodId, schoolId: String(schoolId), extendedTo: "2014-11-21", reason: "Leave", operationId: `property-${schoolId}` },
      });
      expect(res.errors).toBeUndefined();
      extensionScopes.set(Number(res.data!.grantDeadlineExtension.id), scope);
    }
  });
  afterAll(() => api?.close());

  function idOf(role: Role, entity: Entity, scope: Scope): number {
    if (entity === "problemReport") return reports[scope];
    if (entity !== "employee") return f.targets[entity][scope];
    return f.employees.find((e) => employeeScopeOf(f, f.actors[role].id, e) === scope)?.id ?? f.actors[role].id;
  }

  function scopeOf(role: Role, typename: string, id: number): Scope | undefined {
    if (typename === "Employee") {
      const e = f.employees.find((x) => x.id === id);
      return e ? employeeScopeOf(f, f.actors[role].id, e) : "otherEsc";
    }
    if (typename === "DeadlineExtension") return extensionScopes.get(id);
    if (typename === "ProblemReport") return SCOPES.find((s) => reports[s] === id);
    const entity = ENTITY_OF[typename] ?? (typename.toLowerCase() as Exclude<Entity, "employee" | "problemReport">);
    const targets = f.targets[entity];
    return targets ? SCOPES.find((s) => targets[s] === id) : undefined;
  }

  function requests(role: Role, path: Path): string[] {
    if (path.kind === "risk") return [RISK_REQUESTS[path.view]((e, scope) => idOf(role, e, scope), path.scope)];
    const sel = SELECTION[path.entity];
    const list = LIST[path.entity];
    switch (path.kind) {
      case "direct":
        return [`{ x: ${path.entity}(id: "${idOf(role, path.entity, path.scope)}") { ${sel} } }`];
      case "aliased":
        return [`{ ${path.scopes.map((s, i) => `a${i}: ${path.entity}(id: "${idOf(role, path.entity, s)}") { ${sel} }`).join(" ")} }`];
      case "ids":
        return [`{ x: ${list}(filter: { ids: [${path.scopes.map((s) => `"${idOf(role, path.entity, s)}"`).join(", ")}] }) { items { ${sel} } } }`];
      case "filtered": {
        const source = { schoolId: "school", escId: "esc", sectionId: "section", teacherId: "employee", studentId: "student" }[path.filter] as Entity;
        const valid = ({ student: ["schoolId", "escId", "sectionId"], mark: ["schoolId", "escId", "sectionId", "studentId"], section: ["schoolId", "escId", "teacherId"], employee: ["schoolId", "escId"] } as Record<string, string[]>)[path.entity]!;
        const filter = valid.includes(path.filter) ? path.filter : valid[0]!;
        const id = idOf(role, filter === path.filter ? source : (({ schoolId: "school", escId: "esc" } as Record<string, Entity>)[filter] ?? "school"), path.scope);
        return [`{ x: ${list}(perPage: 50, filter: { ${filter}: "${id}" }) { items { ${sel} } } }`];
      }
      case "paginated":
        return Array.from({ length: 12 }, (_, i) => `{ x: ${list}(page: ${i + 1}, perPage: ${path.perPage}, sortField: "id") { items { ${sel} } } }`);
    }
  }

  function leaks(role: Role, value: unknown, found: string[] = []): string[] {
    if (Array.isArray(value)) value.forEach((v) => leaks(role, v, found));
    else if (value && typeof value === "object") {
      const o = value as Record<string, unknown>;
      const op = typeof o.__typename === "string" ? OP_OF[o.__typename] : undefined;
      // An internal note reaches only the ESC's side of a report, never the school.
      if (o.__typename === "ProblemReportComment" && o.internal === true && reachOf(role, "problemReport.manage") === "none") found.push(`internal note ${String(o.id)}`);
      if (op && typeof o.id === "string") {
        const scope = scopeOf(role, o.__typename as string, Number(o.id));
        if (!scope || !allows(role, op, scope)) found.push(`${o.__typename as string} ${o.id} (${scope ?? "unknown"})`);
      }
      Object.values(o).forEach((v) => leaks(role, v, found));
    }
    return found;
  }

  it("should hold for any actor, target and access path (direct, aliased, by ids, filtered, paginated, nested)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ROLES), pathArb, async (role, path) => {
        for (const query of requests(role, path)) {
          const res = await api.gqlAs(tokens[role], query);
          expect(res.status).toBe(200);
          expect(leaks(role, res.data)).toEqual([]);
          for (const err of res.errors ?? []) expect(err.extensions.code).toBe("NOT_FOUND");
          if (path.kind === "direct" && allows(role, OP_OF[path.entity[0]!.toUpperCase() + path.entity.slice(1)]!, path.scope)) {
            expect(res.data?.x?.id).toBe(String(idOf(role, path.entity, path.scope)));
          }
        }
      }),
      { numRuns: 150, seed: 20141104 },
    );
    // 150 random paths of up to 12 requests each: about 45 s on PGlite when the machine is shared.
  }, 180_000);
});
