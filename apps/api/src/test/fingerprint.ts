import type { Db } from "@gradewatch/db";
import { sql } from "drizzle-orm";

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

/** One hash per table of every row's text, read as the owner in one statement: equal fingerprints mean nothing was written. */
export async function fingerprint(db: Db, except: string[] = []): Promise<Record<string, string>> {
  const tables = rowsOf<{ name: string }>(await db.execute(sql`select tablename as name from pg_tables where schemaname = 'public' order by tablename`))
    .map((t) => t.name)
    .filter((name) => !except.includes(name));
  const columns = tables.map((name) => `(select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) from "${name}" t) as "${name}"`);
  const [row] = rowsOf<Record<string, string>>(await db.execute(sql.raw(`select ${columns.join(", ")}`)));
  return { ...row };
}
