import { Writable } from "node:stream";
import { testDbKinds } from "@gradewatch/db/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../logger.js";
import { startTestApi, type TestApi } from "../test/harness.js";

describe.each(testDbKinds())("GraphQL hardening in production mode on %s", (kind) => {
  let api: TestApi;
  const logLines: Record<string, any>[] = [];
  const logSink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n")) if (line) logLines.push(JSON.parse(line));
      done();
    },
  });
  beforeAll(async () => {
    api = await startTestApi(kind, { production: true, logger: createLogger(logSink, "error") });
  });
  afterAll(() => api?.close());

  it("should refuse introspection", async () => {
    const res = await api.gql(`{ __schema { types { name } } }`);
    expect(res.data ?? null).toBeNull();
    expect(res.errors![0].extensions.code).toBe("BAD_USER_INPUT");
    expect(res.errors![0].message).toMatch(/introspection/i);
  });

  it("should refuse batched requests", async () => {
    const res = await fetch(`${api.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${api.adminToken}` },
      body: JSON.stringify([{ query: "{ me { id } }" }, { query: "{ me { id } }" }]),
    });
    expect(res.status).toBe(400);
  });

  it("should still answer ordinary queries", async () => {
    const res = await api.gql(`{ me { role } }`);
    expect(res.data!.me.role).toBe("DISTRICT_ADMIN");
  });

  const directives = (n: number) => `{ me { ${Array.from({ length: n }, () => "... @include(if: true) { id }").join(" ")} } }`;

  it("should answer 20 directives and refuse 21 with BAD_USER_INPUT", async () => {
    const ok = await api.gql(directives(20));
    expect(ok.errors).toBeUndefined();
    const res = await api.gql(directives(21));
    expect(res.status).toBe(400);
    expect(res.data ?? null).toBeNull();
    expect(res.errors).toEqual([{ message: "Syntax Error: Directives limit of 20 exceeded, found 21.", extensions: { code: "BAD_USER_INPUT" } }]);
  });

  // Within the depth (8), alias (15) and token (2,000) limits: the cost comes from fields repeated at depth,
  // each scalar there weighing 1.5^7.
  const costly = (n: number) => `{ schools { items { principal { school { principal { school { esc { ${"id ".repeat(n)}} } } } } } } }`;

  it("should answer a query under the cost limit and refuse one over it with BAD_USER_INPUT", async () => {
    const ok = await api.gql(costly(250));
    expect(ok.errors).toBeUndefined();
    const res = await api.gql(costly(400));
    expect(res.status).toBe(400);
    expect(res.data ?? null).toBeNull();
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT" } });
    expect(res.errors![0].message).toMatch(/^Syntax Error: Query Cost limit of 5000 exceeded, found \d+/);
  });

  it("should mask a resolver's failure as INTERNAL inside a 200 answer, with the cause only in the log", async () => {
    // A failure the API does not translate, raised inside the mutation's own savepoint: the request's
    // transaction survives, so the answer is an ordinary 200 whose error went through formatError.
    await api.database.db.execute(sql`create function gw_test_boom() returns trigger language plpgsql as $$
      begin raise exception 'secret internals: table outage, %', current_user; end $$`);
    await api.database.db.execute(sql`create trigger gw_test_boom before insert on outage for each row execute function gw_test_boom()`);
    try {
      logLines.length = 0;
      const res = await api.gql(
        `mutation { createOutage(input: { kind: UNPLANNED, startsAt: "2014-11-04T22:00:00Z", endsAt: "2014-11-05T00:00:00Z", description: "boom" }) { id } }`,
      );
      expect(res.status).toBe(200);
      expect(res.data ?? null).toBeNull();
      expect(res.errors).toHaveLength(1);
      const [err] = res.errors!;
      expect(err).toMatchObject({ message: "Internal server error", path: ["createOutage"], extensions: { code: "INTERNAL", requestId: expect.any(String) } });
      expect(err!.extensions).toEqual({ code: "INTERNAL", requestId: expect.any(String), saved: false });
      expect(JSON.stringify(res)).not.toMatch(/secret|outage\b|gradewatch_app|stack/);
      const logged = logLines.filter((l) => l.requestId === err!.extensions.requestId);
      expect(JSON.stringify(logged)).toMatch(/secret internals/);
      const stored = await api.gql(`{ outages { total } }`);
      expect(stored.data!.outages.total).toBe(0);
    } finally {
      await api.database.db.execute(sql`drop trigger gw_test_boom on outage`);
      await api.database.db.execute(sql`drop function gw_test_boom()`);
    }
  });
});
