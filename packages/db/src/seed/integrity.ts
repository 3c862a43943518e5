import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../client.js";

async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

/**
 * Row-by-row foreign-key triggers cost the lausd seed about two thirds of its time. With the right
 * (superuser, or granted) the seed writes its batches in replica mode, which skips them, and then checks
 * every foreign key at once with `verifyForeignKeys`. Without it the triggers run as usual.
 */
export async function canSkipTriggers(db: Db): Promise<boolean> {
  try {
    await db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
    });
    return true;
  } catch {
    return false;
  }
}

interface ForeignKey {
  child: string;
  child_column: string;
  parent: string;
  parent_column: string;
}

/** Checks every single-column foreign key in the public schema, one scan per referencing table. */
export async function verifyForeignKeys(db: Db): Promise<void> {
  const keys = await rows<ForeignKey>(
    db,
    sql`select cl.relname as child, a.attname as child_column, pl.relname as parent, pa.attname as parent_column
      from pg_constraint c
      join pg_class cl on cl.oid = c.conrelid
      join pg_class pl on pl.oid = c.confrelid
      join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
      join pg_attribute pa on pa.attrelid = c.confrelid and pa.attnum = c.confkey[1]
      where c.contype = 'f' and c.connamespace = 'public'::regnamespace and cardinality(c.conkey) = 1
      order by 1, 2`,
  );
  const byChild = new Map<string, ForeignKey[]>();
  for (const key of keys) byChild.set(key.child, [...(byChild.get(key.child) ?? []), key]);
  const broken: string[] = [];
  for (const [child, fks] of byChild) {
    const joins = fks.map(
      (fk, i) =>
        sql`left join ${sql.identifier(fk.parent)} as ${sql.identifier(`p${i}`)}
          on ${sql.identifier(`p${i}`)}.${sql.identifier(fk.parent_column)} = c.${sql.identifier(fk.child_column)}`,
    );
    const counts = fks.map(
      (fk, i) =>
        sql`count(*) filter (where c.${sql.identifier(fk.child_column)} is not null
          and ${sql.identifier(`p${i}`)}.${sql.identifier(fk.parent_column)} is null)::int`,
    );
    const [row] = await rows<{ missing: number[] }>(
      db,
      sql`select array[${sql.join(counts, sql`, `)}] as missing from ${sql.identifier(child)} as c ${sql.join(joins, sql` `)}`,
    );
    row!.missing.forEach((n, i) => {
      if (n > 0) broken.push(`${child}.${fks[i]!.child_column} -> ${fks[i]!.parent}: ${n} rows`);
    });
  }
  if (broken.length > 0) throw new Error(`seed wrote rows that reference nothing: ${broken.join("; ")}`);
}
