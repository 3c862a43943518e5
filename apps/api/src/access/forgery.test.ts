import { randomUUID } from "node:crypto";
import { deadlineChange, mark, markHistory, operationsChange, session, student } from "@gradewatch/db/schema";
import { createTestDb, type TestDatabase, testDbKinds } from "@gradewatch/db/testing";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AccessFixture, buildAccessFixture, type Role } from "../test/access-fixture.js";
import type { Actor } from "./actor.js";
import { inActorTransaction } from "./request-scope.js";

// What SQL run inside a request (an injection, say) can do: on PostgreSQL, where requests log in as the
// authenticator, never the owner's or a superuser's rights, and never another identity.
describe.runIf(testDbKinds().includes("postgres"))("a request cannot reach beyond its actor on postgres", () => {
  let database: TestDatabase;
  let f: AccessFixture;
  const sessions = {} as Record<Role, string>;
  const actor = (role: Role): Actor => ({ ...f.actors[role], role, sessionId: sessions[role] });
  const denied = { cause: { code: "42501" } };
  beforeAll(async () => {
    database = await createTestDb("postgres");
    f = await buildAccessFixture(database.db);
    for (const [role, a] of Object.entries(f.actors)) {
      const [row] = await database.db.insert(session).values({ employeeId: a.id, expiresAt: new Date("2100-01-01T00:00:00Z") }).returning();
      sessions[role as Role] = row!.id;
    }
  });
  afterAll(() => database?.close());

  const far = () => f.targets.student.otherEsc;
  const gradeOfFar = async () => (await database.db.select({ g: student.gradeLevel }).from(student).where(eq(student.id, far())))[0]!.g;
  const asTeacher = (work: (run: (q: string) => Promise<unknown>) => Promise<unknown>) =>
    inActorTransaction(database.db, actor("TEACHER"), (tx) => work((q) => tx.execute(sql.raw(q))));
  const changeFar = () => `update student set grade_level = 12 where id = ${far()} returning id`;
  const rowsOf = (result: unknown) => (result as { rows: unknown[] }).rows;

  it("should refuse a write after RESET ROLE: the login role has no rights of its own", async () => {
    const before = await gradeOfFar();
    await expect(asTeacher(async (run) => (await run("reset role"), run(changeFar())))).rejects.toMatchObject(denied);
    expect(await gradeOfFar()).toBe(before);
  });

  it("should refuse SET ROLE to the owner or a superuser", async () => {
    await expect(asTeacher((run) => run("set role postgres"))).rejects.toMatchObject(denied);
    await expect(asTeacher(async (run) => (await run("reset role"), run("set role postgres")))).rejects.toMatchObject(denied);
  });

  it("should change nothing outside the actor's scope when a request sets another identity and role", async () => {
    const before = await gradeOfFar();
    const changed = await asTeacher(async (run) => {
      // The old settings, another (made-up) session, and the district administrator's request role.
      await run(`select set_config('gradewatch.actor_role', 'DISTRICT_ADMIN', true), set_config('gradewatch.actor_id', '${f.actors.DISTRICT_ADMIN.id}', true)`);
      await run(`select set_config('gradewatch.session', '${randomUUID()}', true)`);
      await run("set role gradewatch_district_admin");
      return rowsOf(await run(changeFar()));
    });
    expect(changed).toEqual([]);
    expect(await gradeOfFar()).toBe(before);
  });

  it("should not let a request read the key that signs session tokens", async () => {
    await expect(asTeacher((run) => run("select value from district_setting"))).rejects.toMatchObject(denied);
    await expect(
      inActorTransaction(database.db, actor("DISTRICT_ADMIN"), (tx) => tx.execute(sql.raw("select value from district_setting where key = 'session_secret'"))),
    ).rejects.toMatchObject(denied);
  });

  it("should not let a request read the session ids an identity is derived from", async () => {
    await expect(asTeacher((run) => run("select id from session"))).rejects.toMatchObject(denied);
    await expect(asTeacher(async (run) => (await run("reset role"), run("select id from session")))).rejects.toMatchObject(denied);
  });

  it("should still let the teacher change their own student's mark (so the refusals above mean something)", async () => {
    const changed = await asTeacher(async (run) => rowsOf(await run(`update mark set comment = 'checked' where id = ${f.targets.mark.own} returning id`)));
    expect(changed).toEqual([{ id: String(f.targets.mark.own) }]);
  });
});

describe.each(testDbKinds())("mark history is append-only on %s", (kind) => {
  let database: TestDatabase;
  let f: AccessFixture;
  beforeAll(async () => {
    database = await createTestDb(kind);
    f = await buildAccessFixture(database.db);
    const [m] = await database.db.select().from(mark).where(eq(mark.id, f.targets.mark.own));
    await database.db.insert(markHistory).values({
      markId: m!.id,
      schoolId: m!.schoolId,
      sectionId: m!.sectionId,
      newValue: m!.value,
      version: 1,
      changedById: f.actors.TEACHER.id,
      changedAt: new Date(),
      source: "GRID",
    });
    await database.db.insert(operationsChange).values({ entity: "outage", entityId: 1, toState: { kind: "UNPLANNED" }, changedById: f.actors.DISTRICT_ADMIN.id, changedAt: new Date() });
  });
  afterAll(() => database?.close());

  it.each([
    ["UPDATE", "update mark_history set new_value = '1'"],
    ["DELETE", "delete from mark_history"],
    ["TRUNCATE", "truncate mark_history"],
  ])("should refuse %s even to the database owner", async (op, statement) => {
    await expect(database.db.execute(sql.raw(statement))).rejects.toMatchObject({ cause: { message: `mark_history is append-only: ${op} refused` } });
    expect(await database.db.$count(markHistory)).toBe(1);
  });

  it.each([
    ["deadline_change", "UPDATE", "update deadline_change set reason = 'rewritten'"],
    ["deadline_change", "DELETE", "delete from deadline_change"],
    ["deadline_change", "TRUNCATE", "truncate deadline_change"],
    ["operations_change", "UPDATE", "update operations_change set entity_id = 2"],
    ["operations_change", "DELETE", "delete from operations_change"],
    ["operations_change", "TRUNCATE", "truncate operations_change"],
  ])("should refuse %s %s even to the database owner", async (table, op, statement) => {
    const count = () => database.db.$count(table === "deadline_change" ? deadlineChange : operationsChange);
    const before = await count();
    expect(before).toBeGreaterThan(0);
    await expect(database.db.execute(sql.raw(statement))).rejects.toMatchObject({ cause: { message: `${table} is append-only: ${op} refused` } });
    expect(await count()).toBe(before);
  });
});
