import { employee, esc, school, student } from "@gradewatch/db/schema";
import { testDbKinds } from "@gradewatch/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../test/harness.js";

const SCHOOLS = (total: string) => `{ schools(perPage: 50) { ${total} items { name esc { name } principal { lastName } } } }`;
const STUDENTS = (total: string) => `{ students(perPage: 50) { ${total} items { lastName school { name } } } }`;

describe.each(testDbKinds())("round trips of a list request on %s", (kind) => {
  let api: TestApi;
  let directorToken: string;
  let northEscId: number;
  beforeAll(async () => {
    api = await startTestApi(kind);
    const db = api.database.db;
    const escs = await db
      .insert(esc)
      .values(["NORTH", "EAST", "SOUTH"].map((code) => ({ code, name: `ESC ${code}` })))
      .returning();
    northEscId = escs[0]!.id;
    const schools = await db
      .insert(school)
      .values(
        Array.from({ length: 150 }, (_, i) => ({
          locationCode: String(1000 + i),
          name: `School ${String(i).padStart(3, "0")}`,
          level: "ELEMENTARY" as const,
          escId: escs[i % 3]!.id,
        })),
      )
      .returning();
    const principals = await db
      .insert(employee)
      .values(
        schools.map((s, i) => ({
          employeeNumber: `E${String(i).padStart(7, "0")}`,
          firstName: "P",
          lastName: `Principal ${String(i).padStart(3, "0")}`,
          email: `p${i}@x.test`,
          role: "PRINCIPAL" as const,
          schoolId: s.id,
          passwordHash: "not-to-be-read",
        })),
      )
      .returning();
    for (const [i, p] of principals.entries()) await db.update(school).set({ principalId: p.id }).where(eq(school.id, schools[i]!.id));
    await db.insert(student).values(
      Array.from({ length: 300 }, (_, i) => ({
        districtStudentId: String(2000000000 + i),
        firstName: "S",
        lastName: `Student ${String(i).padStart(3, "0")}`,
        gradeLevel: 3,
        schoolId: schools[i % 150]!.id,
      })),
    );
    const [director] = await db
      .insert(employee)
      .values({ employeeNumber: "E8000000", firstName: "D", lastName: "Director", email: "d@x.test", role: "ESC_DIRECTOR", escId: northEscId })
      .returning();
    directorToken = await api.tokenFor(director!.id);
  });
  afterAll(() => api?.close());

  // On PostgreSQL the log holds every message the request sends: BEGIN with the identity, the work, COMMIT.
  // PGlite (in process, no round trips to save) begins and commits unlogged, sets the identity in a
  // statement of its own and probes the transaction before COMMIT: there only the work is counted.
  const frame = /set_config|^select 1$|^commit$/i;
  async function measured(token: string, query: string) {
    api.queries.length = 0;
    const res = await api.gqlAs(token, query);
    const statements = [...api.queries];
    const work = statements.filter((s) => !frame.test(s.trim()));
    return { res, statements, roundTrips: kind === "postgres" ? statements.length : work.length + 2 };
  }

  const actors = () => [
    { name: "a district administrator", token: api.adminToken, schools: 150, students: 300 },
    { name: "an ESC director", token: directorToken, schools: 50, students: 100 },
  ];

  it.each(["total", ""])("should list 50 schools with their ESC and principal in at most 3 round trips when total is %j", async (total) => {
    for (const actor of actors()) {
      const { res, statements, roundTrips } = await measured(actor.token, SCHOOLS(total));
      expect(res.errors, actor.name).toBeUndefined();
      const page = res.data!.schools;
      expect(page.items, actor.name).toHaveLength(50);
      expect(page.total, actor.name).toBe(total ? actor.schools : undefined);
      for (const item of page.items) {
        const n = item.name.slice("School ".length);
        expect(item.principal, actor.name).toEqual({ lastName: `Principal ${n}` });
        expect(item.esc.name, actor.name).toMatch(/^ESC (NORTH|EAST|SOUTH)$/);
      }
      if (actor.token === directorToken) expect(new Set(page.items.map((i: { esc: { name: string } }) => i.esc.name))).toEqual(new Set(["ESC NORTH"]));
      expect(roundTrips, `${actor.name}: ${statements.join("\n")}`).toBeLessThanOrEqual(3);
      expect(statements.some((s) => /count\(/i.test(s)), actor.name).toBe(Boolean(total));
    }
  });

  it.each(["total", ""])("should list 50 students with their school in at most 3 round trips when total is %j", async (total) => {
    for (const actor of actors()) {
      const { res, statements, roundTrips } = await measured(actor.token, STUDENTS(total));
      expect(res.errors, actor.name).toBeUndefined();
      const page = res.data!.students;
      expect(page.items, actor.name).toHaveLength(50);
      expect(page.total, actor.name).toBe(total ? actor.students : undefined);
      for (const item of page.items) {
        const n = Number(item.lastName.slice("Student ".length));
        expect(item.school, actor.name).toEqual({ name: `School ${String(n % 150).padStart(3, "0")}` });
      }
      expect(roundTrips, `${actor.name}: ${statements.join("\n")}`).toBeLessThanOrEqual(3);
      expect(statements.some((s) => /count\(/i.test(s)), actor.name).toBe(Boolean(total));
    }
  });

  it("should give the total of a page past the end, and of an empty first page, when total is selected", async () => {
    const past = await api.gql(`{ schools(perPage: 50, page: 4) { total items { name } } }`);
    expect(past.data!.schools).toEqual({ total: 150, items: [] });
    const none = await api.gql(`{ schools(filter: { q: "no such school" }) { total items { name } } }`);
    expect(none.data!.schools).toEqual({ total: 0, items: [] });
  });

  it("should read a page's parts through fragments as well as fields", async () => {
    const res = await api.gql(`
      query { schools(perPage: 2, sortOrder: DESC) { ...PageParts } }
      fragment PageParts on SchoolPage { total items { ... on School { name principal { lastName } } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.schools).toEqual({
      total: 150,
      items: [
        { name: "School 149", principal: { lastName: "Principal 149" } },
        { name: "School 148", principal: { lastName: "Principal 148" } },
      ],
    });
  });

  it("should never select an employee's password hash when lists, relations and the employee query read employees", async () => {
    const [principal] = await api.database.db.select({ id: employee.id }).from(employee).where(eq(employee.role, "PRINCIPAL")).limit(1);
    const queries = [
      `{ employee(id: "${principal!.id}") { lastName school { name } } }`,
      SCHOOLS("total"),
      `{ employees(perPage: 50) { total items { lastName school { name } esc { name } } } }`,
      `{ school(id: "${(await api.gql(`{ schools(perPage: 1) { items { id } } }`)).data!.schools.items[0].id}") { principal { lastName } } }`,
    ];
    for (const query of queries) {
      const { res, statements } = await measured(api.adminToken, query);
      expect(res.errors, query).toBeUndefined();
      expect(statements.filter((s) => /password_hash/i.test(s)), query).toEqual([]);
    }
  });
});
