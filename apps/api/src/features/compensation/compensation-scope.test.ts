import { compensationLog } from "@gradewatch/db/schema";
import { testDbKinds } from "@gradewatch/db/testing";
import { allows, ROLES } from "@gradewatch/domain/policy";
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inActorTransaction } from "../../access/request-scope.js";
import { type AccessFixture, buildAccessFixture, employeeScopeOf, type Role, type Scope } from "../../test/access-fixture.js";
import { signedIn } from "../../test/fixtures.js";
import { startTestApi, type TestApi } from "../../test/harness.js";

const SCOPES: Scope[] = ["own", "sameSchool", "sameEsc", "otherEsc"];
const SELECTION = "__typename id employeeId schoolId escId evidence { markChanges firstChangeAt lastChangeAt sections }";

type Path =
  | { kind: "direct"; scope: Scope }
  | { kind: "ids"; scopes: Scope[] }
  | { kind: "filtered"; filter: "schoolId" | "escId" | "employeeId"; scope: Scope }
  | { kind: "paginated"; perPage: number };

const scopeArb = fc.constantFrom(...SCOPES);
const pathArb: fc.Arbitrary<Path> = fc.oneof(
  fc.record({ kind: fc.constant("direct" as const), scope: scopeArb }),
  fc.record({ kind: fc.constant("ids" as const), scopes: fc.uniqueArray(scopeArb, { minLength: 1 }) }),
  fc.record({ kind: fc.constant("filtered" as const), filter: fc.constantFrom("schoolId" as const, "escId" as const, "employeeId" as const), scope: scopeArb }),
  fc.record({ kind: fc.constant("paginated" as const), perPage: fc.integer({ min: 1, max: 3 }) }),
);

// One compensation log per employee of the access fixture (one per role, and teachers at Elm, Valley and
// Oak): for any actor and any way of asking, no log beyond the reach of compensation.read comes back, and
// the evidence function (which repeats that reach in SQL) answers for exactly the logs the list shows.
describe.each(testDbKinds())("compensation logs stay in scope on %s", (kind) => {
  let api: TestApi;
  let f: AccessFixture;
  const tokens = {} as Record<Role, string>;
  const logOf = new Map<number, { id: number; employeeId: number; schoolId: number | null; escId: number | null }>();

  beforeAll(async () => {
    api = await startTestApi(kind);
    f = await buildAccessFixture(api.database.db);
    for (const [role, actor] of Object.entries(f.actors)) tokens[role as Role] = await api.tokenFor(actor.id);
    const rows = await api.database.db
      .insert(compensationLog)
      .values(
        f.employees.map((e) => ({
          employeeId: e.id,
          schoolId: e.schoolId,
          escId: e.escId ?? (e.schoolId ? f.schoolEsc.get(e.schoolId)! : null),
          workDate: "2014-11-04",
          startsAt: new Date("2014-11-05T02:00:00Z"),
          endsAt: new Date("2014-11-05T04:00:00Z"),
          minutes: 120,
          countedMinutes: 120,
          category: "RE_ENTERING_LOST_DATA" as const,
          description: "Re-entered grades",
          state: "SUBMITTED" as const,
          createdAt: new Date("2014-11-05T05:00:00Z"),
        })),
      )
      .returning({ id: compensationLog.id, employeeId: compensationLog.employeeId, schoolId: compensationLog.schoolId, escId: compensationLog.escId });
    for (const r of rows) logOf.set(r.employeeId, r);
  });
  afterAll(() => api?.close());

  const ownerScope = (role: Role, logId: number): Scope => {
    const log = [...logOf.values()].find((l) => l.id === logId)!;
    return employeeScopeOf(f, f.actors[role].id, f.employees.find((e) => e.id === log.employeeId)!);
  };
  const logIn = (role: Role, scope: Scope) => {
    const owner = scope === "own" ? f.actors[role].id : f.employees.find((e) => employeeScopeOf(f, f.actors[role].id, e) === scope)?.id;
    return logOf.get(owner ?? f.actors[role].id)!;
  };

  function requests(role: Role, path: Path): string[] {
    switch (path.kind) {
      case "direct":
        return [`{ x: compensationLog(id: "${logIn(role, path.scope).id}") { ${SELECTION} } }`];
      case "ids":
        return [`{ x: compensationLogs(filter: { ids: [${path.scopes.map((s) => `"${logIn(role, s).id}"`).join(", ")}] }) { items { ${SELECTION} } } }`];
      case "filtered": {
        const log = logIn(role, path.scope);
        const value = path.filter === "schoolId" ? log.schoolId : path.filter === "escId" ? log.escId : log.employeeId;
        return [`{ x: compensationLogs(perPage: 50, filter: { ${path.filter}: "${value ?? 1}" }) { items { ${SELECTION} } } }`];
      }
      case "paginated":
        return Array.from({ length: 10 }, (_, i) => `{ x: compensationLogs(page: ${i + 1}, perPage: ${path.perPage}, sortField: "id") { items { ${SELECTION} } } }`);
    }
  }

  const logsIn = (value: unknown, found: { id: number; evidence: unknown }[] = []) => {
    if (Array.isArray(value)) value.forEach((v) => logsIn(v, found));
    else if (value && typeof value === "object") {
      const o = value as Record<string, unknown>;
      if (o.__typename === "CompensationLog") found.push({ id: Number(o.id), evidence: o.evidence });
      Object.values(o).forEach((v) => logsIn(v, found));
    }
    return found;
  };

  it("should return no log outside the actor's reach, whatever the access path", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ROLES), pathArb, async (role, path) => {
        for (const query of requests(role, path)) {
          const res = await api.gqlAs(tokens[role], query);
          for (const err of res.errors ?? []) expect(err.extensions.code).toBe("NOT_FOUND");
          const seen = logsIn(res.data);
          expect(seen.filter((l) => !allows(role, "compensation.read", ownerScope(role, l.id))).map((l) => l.id)).toEqual([]);
          // The evidence carries counts, times and section names: never a mark or a student.
          for (const l of seen) expect(Object.keys(l.evidence as object).sort()).toEqual(["firstChangeAt", "lastChangeAt", "markChanges", "sections"]);
          if (path.kind === "direct" && allows(role, "compensation.read", path.scope)) expect(seen.map((l) => l.id)).toEqual([logIn(role, path.scope).id]);
        }
      }),
      { numRuns: 60, seed: 20141104 },
    );
  }, 120_000);

  it("should answer the evidence function and row-level security for exactly the logs the list shows each role", async () => {
    const all = [...logOf.values()].map((l) => l.id);
    for (const role of ROLES) {
      const listed = (await api.gqlAs(tokens[role], `{ compensationLogs(perPage: 500) { items { id } } }`)).data!.compensationLogs.items.map((i: { id: string }) => Number(i.id));
      const actor = await signedIn(api.database.db, { ...f.actors[role], role });
      const answered = await inActorTransaction(api.database.db, actor, async (tx) => {
        const res = (await tx.execute(sql`select log_id from gw_compensation_evidence(${sql.param(all)}::int[])`)) as unknown as { rows: { log_id: number }[] };
        return res.rows.map((r) => Number(r.log_id));
      });
      expect(answered.sort((a, b) => a - b), role).toEqual(listed.sort((a: number, b: number) => a - b));
      // Row-level security alone (a bare SELECT, no service scope) shows the role the same logs.
      const bare = await inActorTransaction(api.database.db, actor, async (tx) => {
        const res = (await tx.execute(sql`select id from compensation_log order by id`)) as unknown as { rows: { id: number }[] };
        return res.rows.map((r) => Number(r.id));
      });
      expect(bare, role).toEqual(listed);
    }
  });
});
