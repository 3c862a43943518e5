import { sql } from "drizzle-orm";
import type { Db } from "./client.js";

/** One counters table against its recount: rows the table lacks or holds wrong (missing), rows it should not have (extra). */
export interface CounterDifference {
  table: string;
  missing: number;
  extra: number;
}

export interface ReconcileResult {
  /** Per counters table, before any repair. */
  before: CounterDifference[];
  /** Whether the counters were rebuilt from scratch. */
  repaired: boolean;
  /** Per counters table after the repair (all zero), or the same as before when nothing was repaired. */
  after: CounterDifference[];
}

export async function counterDifferences(db: Db): Promise<CounterDifference[]> {
  const result = (await db.execute(sql`select table_name, missing, extra from gw_completion_differences()`)) as unknown as {
    rows: { table_name: string; missing: number; extra: number }[];
  };
  return result.rows.map((r) => ({ table: r.table_name, missing: Number(r.missing), extra: Number(r.extra) }));
}

export const differs = (d: readonly CounterDifference[]) => d.some((x) => x.missing > 0 || x.extra > 0);

/**
 * Recounts completion from scratch (migration completion_triggers) and compares it with the counters the
 * triggers keep; with `repair`, rebuilds them when they differ, in one transaction that checks again.
 */
export async function reconcile(db: Db, opts: { repair: boolean }): Promise<ReconcileResult> {
  const before = await counterDifferences(db);
  if (!differs(before) || !opts.repair) return { before, repaired: false, after: before };
  const after = await db.transaction(async (tx) => {
    await tx.execute(sql`select gw_rebuild_completion()`);
    const now = await counterDifferences(tx as unknown as Db);
    if (differs(now)) throw new Error(`the rebuilt counters still differ from the recount: ${JSON.stringify(now)}`);
    return now;
  });
  return { before, repaired: true, after };
}
