import { createTestDb, type TestDatabase, type TestDbKind } from "@gradewatch/db/testing";
import { employee } from "@gradewatch/db/schema";
import { eq } from "drizzle-orm";
import { type Clock, fixedClock } from "../clock.js";
import type { Logger } from "../logger.js";
import { hashPassword } from "../features/auth/password.js";
import { createServer, type ServerDeps } from "../server.js";

export interface GqlResponse<T = Record<string, any>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions: { code: string; [k: string]: unknown } }[];
}

export interface TestApi {
  url: string;
  database: TestDatabase;
  queries: string[];
  adminToken: string;
  /** Runs an operation as the test district administrator. */
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<GqlResponse<T>>;
  /** Runs an operation with the given session token, or none. */
  gqlAs<T = Record<string, any>>(token: string | null, query: string, variables?: Record<string, unknown>): Promise<GqlResponse<T>>;
  /** Signs an employee in through POST /auth/sign-in (giving them the test password first). */
  tokenFor(employeeId: number): Promise<string>;
  close(): Promise<void>;
}

export const TEST_PASSWORD = "correct horse battery staple";
let testPasswordHash: Promise<string> | undefined;
export const TEST_SECRET = new TextEncoder().encode("test-secret-test-secret-test-secret!");

export const DEMO_NOW = new Date("2014-11-05T16:00:00Z");

/** A real HTTP API on a fresh database; `queries` records every SQL statement sent. */
export async function startTestApi(
  kind: TestDbKind,
  options: { clock?: Clock; production?: boolean; dashboardDir?: string; rls?: boolean; logger?: Logger; riskEvents?: ServerDeps["riskEvents"] } = {},
): Promise<TestApi> {
  const queries: string[] = [];
  const database = await createTestDb(kind, { logQuery: (q) => queries.push(q) });
  const server = await createServer({
    db: database.db,
    dbKind: database.kind,
    clock: options.clock ?? fixedClock(DEMO_NOW),
    auth: { secret: TEST_SECRET, slowDownMs: 1 },
    rls: options.rls,
    logger: options.logger,
    production: options.production,
    dashboardDir: options.dashboardDir ?? "/nonexistent",
    riskEvents: options.riskEvents,
  });
  // Tests block this process's event loop for seconds (an in-process PGlite seeding a district); the server's
  // 5 s keep-alive timer and the client's 4 s one then fire late together, and a request sent on a socket the
  // server has just closed fails with ECONNRESET. The server never closes an idle connection here: the
  // client's own timer does, and a reused socket is always open.
  server.httpServer.keepAliveTimeout = 0;
  const port = await server.listen(0, "127.0.0.1");
  const url = `http://127.0.0.1:${port}`;
  const gqlAs = async (token: string | null, query: string, variables?: Record<string, unknown>) => {
    const res = await fetch(`${url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as Omit<GqlResponse, "status">;
    return { status: res.status, ...body } as never;
  };
  const tokenFor = async (employeeId: number) => {
    testPasswordHash ??= hashPassword(TEST_PASSWORD);
    const [row] = await database.db
      .update(employee)
      .set({ passwordHash: await testPasswordHash })
      .where(eq(employee.id, employeeId))
      .returning();
    const res = await fetch(`${url}/auth/sign-in`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: row!.email, password: TEST_PASSWORD }),
    });
    if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { token: string }).token;
  };
  const [admin] = await database.db
    .insert(employee)
    .values({ employeeNumber: "E9999999", firstName: "Dana", lastName: "Admin", email: "admin@district.test", role: "DISTRICT_ADMIN" })
    .returning();
  const adminToken = await tokenFor(admin!.id);
  return {
    url,
    database,
    queries,
    adminToken,
    gql: (query, variables) => gqlAs(adminToken, query, variables),
    gqlAs,
    tokenFor,
    async close() {
      await server.stop();
      await database.close();
    },
  };
}
