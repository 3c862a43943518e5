import { Writable } from "node:stream";
import { sql } from "drizzle-orm";
import { testDbKinds } from "@gradewatch/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildFixture } from "../test/fixtures.js";
import { createLogger } from "../logger.js";
import { startTestApi, type TestApi } from "../test/harness.js";

describe.each(testDbKinds())("client errors on %s", (kind) => {
  let api: TestApi;
  const logLines: Record<string, any>[] = [];
  const logSink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n")) if (line) logLines.push(JSON.parse(line));
      done();
    },
  });
  beforeAll(async () => {
    api = await startTestApi(kind, { logger: createLogger(logSink, "error") });
    await buildFixture(api.database.db);
  });
  afterAll(() => api?.close());

  it.each([
    ["a non-numeric id", `{ school(id: "abc") { id } }`, /Invalid id "abc"/],
    ["a negative id", `{ student(id: "-1") { id } }`, /Invalid id "-1"/],
    ["an id beyond integer range", `{ employee(id: "99999999999") { id } }`, /Invalid id/],
    ["an oversized page", `{ schools(perPage: 10000) { total } }`, /perPage must be between 1 and 500 \(got 10000\)/],
    ["page zero", `{ students(page: 0) { total } }`, /page must be 1 or more/],
    ["an unknown sort field", `{ schools(sortField: "password") { total } }`, /Cannot sort by "password"; sortable fields: id, name/],
    ["an unknown enum value", `{ schools(filter: { level: COLLEGE }) { total } }`, /COLLEGE/],
    ["a malformed date", `mutation { updateReportingPeriod(id: "1", input: { currentDeadline: "Nov 14" }) { id } }`, /LocalDate|date/i],
    ["a syntax error", `{ schools { total `, /Syntax Error/],
    ["an unknown field", `{ schools { total passwordHash } }`, /Cannot query field "passwordHash"/],
    ["a query nested too deep", `{ schools { items { esc { name } principal { school { principal { school { principal { school { principal { school { name } } } } } } } } } } }`, /depth/i],
    ["too many tokens", `{ ${"districtClock { now } ".repeat(700)} }`, /more tha[nt] 2000 tokens/],
    ["too many aliases", `{ ${Array.from({ length: 20 }, (_, i) => `a${i}: districtClock { now }`).join(" ")} }`, /aliases/i],
    ["a bad filter id", `{ marks(filter: { sectionId: "1; drop table mark" }) { total } }`, /Invalid sectionId/],
  ])("should answer %s with BAD_USER_INPUT and a clear message", async (_name, query, message) => {
    const res = await api.gql(query);
    expect(res.status).toBeLessThan(500);
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0].extensions.code).toBe("BAD_USER_INPUT");
    expect(res.errors![0].message).toMatch(message);
    expect(JSON.stringify(res.errors)).not.toMatch(/stack|at .*\.ts:|node_modules/);
  });

  it("should answer an unknown enum value in variables with BAD_USER_INPUT", async () => {
    const res = await api.gql(`query($f: SchoolFilter) { schools(filter: $f) { total } }`, { f: { level: "COLLEGE" } });
    expect(res.errors![0].extensions.code).toBe("BAD_USER_INPUT");
    expect(res.errors![0].message).toMatch(/COLLEGE/);
  });

  it("should not suggest field names, which would leak the schema", async () => {
    const res = await api.gql(`{ schol { id } }`);
    expect(res.errors![0].message).not.toMatch(/Did you mean/);
  });

  it.each([
    ["school", "School"],
    ["student", "Student"],
    ["mark", "Mark"],
    ["outage", "Outage"],
  ])("should answer a missing %s with NOT_FOUND", async (field, label) => {
    const res = await api.gql(`{ ${field}(id: "424242") { id } }`);
    expect(res.errors![0]).toMatchObject({ message: `${label} 424242 not found`, extensions: { code: "NOT_FOUND" } });
  });

  it("should answer malformed JSON and oversized bodies with a coded 4xx, not a 500", async () => {
    const bad = await fetch(`${api.url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: "{nope" });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ errors: [{ message: "Request body is not valid JSON", extensions: { code: "BAD_USER_INPUT" } }] });
    const huge = await fetch(`${api.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `{ schools { total } }`, variables: { pad: "x".repeat(300_000) } }),
    });
    expect(huge.status).toBe(413);
    expect(((await huge.json()) as any).errors[0].extensions.code).toBe("BAD_USER_INPUT");
  });

  it("should refuse a GET without a preflight header (CSRF prevention)", async () => {
    const res = await fetch(`${api.url}/graphql?query=${encodeURIComponent("{ schools { total } }")}`);
    expect(res.status).toBe(400);
  });

  it("should mask an unexpected failure as INTERNAL with a request id and no SQL", async () => {
    await api.database.db.execute(sql`alter table outage rename to outage_gone`);
    try {
      const res = await fetch(`${api.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-request-id": "req-123", authorization: `Bearer ${api.adminToken}` },
        body: JSON.stringify({ query: `{ outages { total } }` }),
      });
      const body = (await res.json()) as any;
      // The failed statement aborts the request's transaction, which is rolled back; the answer is masked.
      expect(res.status).toBe(200);
      expect(body).toEqual({
        data: null,
        errors: [{ message: "Internal server error", path: ["outages"], locations: [{ line: 1, column: 3 }], extensions: { code: "INTERNAL", requestId: "req-123" } }],
      });
    } finally {
      await api.database.db.execute(sql`alter table outage_gone rename to outage`);
    }
  });

  it("should log the real cause under the request id the client sees when the client sends none", async () => {
    await api.database.db.execute(sql`alter table outage rename to outage_gone`);
    try {
      logLines.length = 0;
      const res = await api.gql(`{ outages { total } }`);
      expect(res.status).toBe(200);
      expect(res.errors).toMatchObject([{ message: "Internal server error", extensions: { code: "INTERNAL", requestId: expect.any(String) } }]);
      const requestId = res.errors![0].extensions.requestId as string;
      expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
      const logged = logLines.filter((l) => l.requestId === requestId);
      expect(logged.length).toBeGreaterThan(0);
      expect(logLines.every((l) => l.requestId === requestId)).toBe(true);
      expect(JSON.stringify(logged)).toMatch(/outage.*does not exist/);
    } finally {
      await api.database.db.execute(sql`alter table outage_gone rename to outage`);
    }
  });
});
