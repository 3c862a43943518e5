import { randomBytes } from "node:crypto";
import { createDb, requestDbOf } from "@gradewatch/db";
import { mark, session, student } from "@gradewatch/db/schema";
import { createTestDb, type TestDatabase, testDbKinds } from "@gradewatch/db/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../clock.js";
import { createServer } from "../server.js";
import { type AccessFixture, buildAccessFixture, type Role } from "../test/access-fixture.js";
import { TEST_SECRET } from "../test/harness.js";
import type { Actor } from "./actor.js";
import { inActorTransaction } from "./request-scope.js";

describe.each(testDbKinds())("row-level security on %s", (kind) => {
  let database: TestDatabase;
  let f: AccessFixture;
  // The database derives the actor from a live session, so each one signs in.
  const sessions = {} as Record<Role, string>;
  const actor = (role: Role): Actor => ({ ...f.actors[role], role, sessionId: sessions[role] });
  beforeAll(async () => {
    database = await createTestDb(kind);
    f = await buildAccessFixture(database.db);
    for (const [role, a] of Object.entries(f.actors)) {
      const [row] = await database.db.insert(session).values({ employeeId: a.id, expiresAt: new Date("2100-01-01T00:00:00Z") }).returning();
      sessions[role as Role] = row!.id;
    }
  });
  afterAll(() => database?.close());

  it.each([
    ["TEACHER", 1, 1],
    ["PRINCIPAL", 2, 2],
    ["ESC_DIRECTOR", 3, 3],
    ["HR", 0, 0],
    ["DISTRICT_ADMIN", 4, 4],
  ] as const)("should give a %s query with no WHERE clause only in-scope students (%i) and marks (%i)", async (role, students, marks) => {
    const counts = await inActorTransaction(database.db, actor(role), async (tx) => ({
      students: (await tx.select().from(student)).length,
      marks: (await tx.select().from(mark)).length,
    }));
    expect(counts).toEqual({ students, marks });
  });

  it("should give nothing to a request with no signed-in actor", async () => {
    const rows = await inActorTransaction(database.db, null, (tx) => tx.select().from(student));
    expect(rows).toEqual([]);
  });

  it("should stop a teacher writing a mark into another teacher's section", async () => {
    await expect(
      inActorTransaction(database.db, actor("TEACHER"), (tx) =>
        tx.execute(sql`update mark set value = '1' where section_id = ${f.targets.section.sameSchool}`).then(() =>
          tx.select().from(mark).where(sql`section_id = ${f.targets.section.sameSchool}`),
        ),
      ),
    ).resolves.toEqual([]);
    const [row] = await database.db.select().from(mark).where(sql`section_id = ${f.targets.section.sameSchool}`);
    expect(row!.value).toBe("3");
  });

  it("should not leak one request's identity to the next on a pool of one connection", async () => {
    const pool = kind === "postgres" ? await createDb({ databaseUrl: database.url!, poolSize: 1, migrate: false }) : { db: database.db, close: async () => {} };
    try {
      const sequence: Role[] = ["TEACHER", "HR", "PRINCIPAL", "DISTRICT_ADMIN", "TEACHER", "HR", "ESC_DIRECTOR", "PRINCIPAL"];
      const expected: Record<string, number> = { TEACHER: 1, HR: 0, PRINCIPAL: 2, DISTRICT_ADMIN: 4, ESC_DIRECTOR: 3 };
      for (const role of sequence) {
        const n = await inActorTransaction(pool.db, actor(role), async (tx) => (await tx.select().from(student)).length);
        expect(n, role).toBe(expected[role]);
        const after = await requestDbOf(pool.db).execute(sql`select coalesce(current_setting('gradewatch.session', true), '') as session, current_user as "user"`);
        const row = (after as unknown as { rows: { session: string; user: string }[] }).rows[0]!;
        expect(row.session).toBe("");
        expect(row.user).not.toMatch(/^gradewatch_(?!authenticator)/);
      }
    } finally {
      await pool.close();
    }
  });

  it("should refuse to start the API when row-level security is not forced on a student-data table", async () => {
    await database.db.execute(sql`alter table mark no force row level security`);
    try {
      await expect(
        createServer({ db: database.db, dbKind: database.kind, clock: fixedClock(new Date()), auth: { secret: TEST_SECRET, slowDownMs: 1 } }),
      ).rejects.toThrow("Row-level security is not forced on mark: refusing to serve student data");
    } finally {
      await database.db.execute(sql`alter table mark force row level security`);
    }
  });

  // Roles are cluster-wide on PostgreSQL, where other test files share them: alter them only on PGlite.
  it.runIf(kind === "pglite").each([
    ["BYPASSRLS", "exempt from row-level security (BYPASSRLS)"],
    ["SUPERUSER", "a superuser"],
  ])("should refuse to start the API when gradewatch_app is %s", async (attribute, what) => {
    await database.db.execute(sql.raw(`alter role gradewatch_app ${attribute}`));
    try {
      await expect(
        createServer({ db: database.db, dbKind: database.kind, clock: fixedClock(new Date()), auth: { secret: TEST_SECRET, slowDownMs: 1 } }),
      ).rejects.toThrow(`The role gradewatch_app is ${what}: refusing to serve student data`);
    } finally {
      await database.db.execute(sql.raw(`alter role gradewatch_app NO${attribute}`));
    }
  });

  // The role requests log in as (RESET ROLE gets it back): a made-up one per test, as roles are cluster-wide.
  it.runIf(kind === "postgres").each([
    ["SUPERUSER", "a superuser"],
    ["BYPASSRLS", "exempt from row-level security (BYPASSRLS)"],
  ])("should refuse to start the API when the role requests log in as is %s", async (attribute, what) => {
    const login = `gw_test_login_${randomBytes(4).toString("hex")}`;
    await database.db.execute(sql.raw(`create role ${login} login ${attribute}`));
    const url = new URL(database.url!);
    url.username = login;
    const pools = await createDb({ databaseUrl: database.url!, authenticatorUrl: url.toString(), poolSize: 1, migrate: false });
    try {
      await expect(
        createServer({ db: pools.db, dbKind: pools.kind, clock: fixedClock(new Date()), auth: { secret: TEST_SECRET, slowDownMs: 1 } }),
      ).rejects.toThrow(`The role ${login} is ${what}: refusing to serve student data`);
    } finally {
      await pools.close();
      await database.db.execute(sql.raw(`drop role ${login}`));
    }
  });
});
