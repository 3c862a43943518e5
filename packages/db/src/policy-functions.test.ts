import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDatabase, testDbKinds } from "./testing.js";

// A function named in a row-security policy runs for every statement on its table, as every request role.
// Left PARALLEL UNSAFE (the default), it makes each such statement run in one process: the district's "as of"
// replay under row security took about twice as long as the same statement run by the owner.
describe.each(testDbKinds())("the row-security policies' functions on %s", (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDb(kind);
  }, 120_000);
  afterAll(() => database?.close());

  it("should all be read-only (STABLE) and PARALLEL SAFE, so that large reads under row security may run in parallel", async () => {
    const { rows } = (await database.db.execute(sql`
      select distinct f[1] as name, p.proparallel as parallel, p.provolatile as volatility
      from pg_policies, regexp_matches(coalesce(qual, '') || ' ' || coalesce(with_check, ''), '(gw_[a-z_]+)\\(', 'g') f
      join pg_proc p on p.proname = f[1]
      order by 1`)) as unknown as { rows: { name: string; parallel: string; volatility: string }[] };
    expect(rows.map((r) => r.name)).toEqual(expect.arrayContaining(["gw_actor", "gw_reach", "gw_scope_school_ids"]));
    expect(rows.filter((r) => r.parallel !== "s" || r.volatility !== "s")).toEqual([]);
  });
});
