import { sql } from "drizzle-orm";
import type { Db } from "@gradewatch/db";

/** The advisory lock every change to the risk facts holds (shared) until it commits (migration completion_stamp_in_flight). */
export const CHANGE_LOCK = 7149110201;

/**
 * The change stamp (completion_change_seq, moved by every change to counters, deadlines, extensions, outages
 * and reports), and whether no change is in flight: a change draws its number before it commits, so what is
 * computed while one is in flight may miss it and must not be kept, or announced, under that number. The
 * lock is taken exclusively for an instant and let go in the same statement; it never waits.
 */
export async function changeStamp(db: Db): Promise<{ stamp: string; quiet: boolean }> {
  const [row] = (
    (await db.execute(sql`select last_value, is_called,
      case when pg_try_advisory_lock(${CHANGE_LOCK}::bigint) then pg_advisory_unlock(${CHANGE_LOCK}::bigint) else false end as quiet
      from completion_change_seq`)) as unknown as { rows: { last_value: string; is_called: boolean; quiet: boolean }[] }
  ).rows;
  return { stamp: `${row?.last_value}:${row?.is_called}`, quiet: row?.quiet === true };
}
