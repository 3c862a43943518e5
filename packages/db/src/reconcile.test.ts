import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seed } from "./seed/index.js";
import { counterDifferences, reconcile } from "./reconcile.js";
import { createTestDb, type TestDatabase, testDbKinds } from "./testing.js";

describe.each(testDbKinds())("reconcile on %s", (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDb(kind);
    await seed(database.db, { scale: "demo" });
  }, 180_000);
  afterAll(() => database?.close());

  it("should find the seeded counters equal to the recount and change nothing", async () => {
    const result = await reconcile(database.db, { repair: true });
    expect(result.repaired).toBe(false);
    expect(result.before.every((d) => d.missing === 0 && d.extra === 0)).toBe(true);
    expect(result.before.map((d) => d.table)).toContain("completion_school");
  });

  it("should count nothing of a truncated table: a TRUNCATE rebuilds the counters in its transaction", async () => {
    const db = database.db;
    class Rollback extends Error {}
    const [before] = ((await db.execute(sql`select sum(entered)::int as n from completion_school`)) as unknown as { rows: { n: number }[] }).rows;
    expect(before!.n).toBeGreaterThan(0);
    await db
      .transaction(async (tx) => {
        // History refuses TRUNCATE except in a transaction that declares a whole-database reset.
        await tx.execute(sql`select set_config('gradewatch.history_reset', 'on', true)`);
        await tx.execute(sql`truncate mark_history, mark`);
        const counted = ((await tx.execute(sql`select coalesce(sum(entered), 0)::int as n, count(*)::int as schools from completion_school`)) as unknown as { rows: { n: number; schools: number }[] }).rows[0]!;
        expect(counted.n).toBe(0);
        expect(counted.schools).toBeGreaterThan(0); // the sections and their expected marks are still there
        expect(((await tx.execute(sql`select count(*)::int as n from completion_section_day`)) as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(0);
        expect((await counterDifferences(tx as unknown as typeof db)).every((d) => d.missing === 0 && d.extra === 0)).toBe(true);
        throw new Rollback();
      })
      .catch((err: unknown) => {
        if (!(err instanceof Rollback)) throw err;
      });
  });

  it("should report tampered counters per table, repair them only when asked, and then equal the recount", async () => {
    const db = database.db;
    const [{ school_id }] = ((await db.execute(sql`select school_id from completion_school order by school_id limit 1`)) as unknown as { rows: { school_id: number }[] }).rows as [{ school_id: number }];
    await db.execute(sql`update completion_school set entered = entered + 7 where school_id = ${school_id}`);
    await db.execute(sql`delete from completion_section_day where ctid = (select ctid from completion_section_day order by period_id, section_id, day limit 1)`);
    // A day's last mark a second late (as-of replays read whole past days from these times): one row off.
    await db.execute(sql`update completion_section_day set last_entered_at = last_entered_at + interval '1 second'
      where ctid = (select ctid from completion_section_day order by period_id, section_id, day desc limit 1)`);
    const checked = await reconcile(db, { repair: false });
    expect(checked.repaired).toBe(false);
    expect(checked.before.find((d) => d.table === "completion_school")).toEqual({ table: "completion_school", missing: 1, extra: 1 });
    expect(checked.before.find((d) => d.table === "completion_section_day")).toEqual({ table: "completion_section_day", missing: 2, extra: 1 });
    expect((await counterDifferences(db)).find((d) => d.table === "completion_school")!.extra).toBe(1);
    const repaired = await reconcile(db, { repair: true });
    expect(repaired.repaired).toBe(true);
    expect(repaired.after.every((d) => d.missing === 0 && d.extra === 0)).toBe(true);
  });
});
