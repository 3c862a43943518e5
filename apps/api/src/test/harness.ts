import { createTestDb, type TestDatabase, type TestDbKind } from "@gradewatch/db/testing";
import { type Clock, fixedClock } from "../clock.js";
import { createServer } from "../server.js";

export interface GqlResponse<T = Record<string, any>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions: { code: string; [k: string]: unknown } }[];
}

export interface TestApi {
  url: string;
  database: TestDatabase;
  queries: string[];
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<GqlResponse<T>>;
  close(): Promise<void>;
}

export const DEMO_NOW = new Date("2014-11-05T16:00:00Z");

/** A real HTTP API on a fresh database; `queries` records every SQL statement sent. */
export async function startTestApi(
  kind: TestDbKind,
  options: { clock?: Clock; production?: boolean; dashboardDir?: string } = {},
): Promise<TestApi> {
  const queries: string[] = [];
  const database = await createTestDb(kind, { logQuery: (q) => queries.push(q) });
  const server = await createServer({
    db: database.db,
    dbKind: database.kind,
    clock: options.clock ?? fixedClock(DEMO_NOW),
    production: options.production,
    dashboardDir: options.dashboardDir ?? "/nonexistent",
  });
  const port = await server.listen(0, "127.0.0.1");
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    database,
    queries,
    async gql(query, variables) {
      const res = await fetch(`${url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as Omit<GqlResponse, "status">;
      return { status: res.status, ...body } as never;
    },
    async close() {
      await server.stop();
      await database.close();
    },
  };
}
