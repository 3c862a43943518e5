import DataLoader from "dataloader";
import { count, inArray } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Db } from "@gradewatch/db";
import {
  employee,
  enrollment,
  esc,
  gradingItem,
  reportingPeriod,
  school,
  section,
  student,
} from "@gradewatch/db/schema";

function byId<T extends { id: number }>(db: Db, table: PgTable & { id: PgColumn }) {
  return new DataLoader<number, T | undefined>(async (ids) => {
    const rows = (await db.select().from(table as PgTable).where(inArray(table.id, [...ids]))) as T[];
    const map = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => map.get(id));
  });
}

function countBy(db: Db, table: PgTable, key: PgColumn) {
  return new DataLoader<number, number>(async (ids) => {
    const rows = await db
      .select({ key: key, n: count() })
      .from(table)
      .where(inArray(key, [...ids]))
      .groupBy(key);
    const map = new Map(rows.map((r) => [Number(r.key), Number(r.n)]));
    return ids.map((id) => map.get(id) ?? 0);
  });
}

function manyBy<T>(db: Db, table: PgTable, key: PgColumn, keyOf: (row: T) => number, order: PgColumn) {
  return new DataLoader<number, T[]>(async (ids) => {
    const rows = (await db.select().from(table).where(inArray(key, [...ids])).orderBy(order)) as T[];
    const groups = new Map<number, T[]>();
    for (const row of rows) {
      const k = keyOf(row);
      groups.set(k, [...(groups.get(k) ?? []), row]);
    }
    return ids.map((id) => groups.get(id) ?? []);
  });
}

export type Loaders = ReturnType<typeof createLoaders>;

/** Per-request batching: a list of N rows with relations costs one query per relation, not per row. */
export function createLoaders(db: Db) {
  return {
    esc: byId<typeof esc.$inferSelect>(db, esc),
    school: byId<typeof school.$inferSelect>(db, school),
    employee: byId<typeof employee.$inferSelect>(db, employee),
    student: byId<typeof student.$inferSelect>(db, student),
    section: byId<typeof section.$inferSelect>(db, section),
    reportingPeriod: byId<typeof reportingPeriod.$inferSelect>(db, reportingPeriod),
    gradingItem: byId<typeof gradingItem.$inferSelect>(db, gradingItem),
    schoolCountByEsc: countBy(db, school, school.escId),
    enrolledCountBySection: countBy(db, enrollment, enrollment.sectionId),
    gradingItemsByPeriod: manyBy<typeof gradingItem.$inferSelect>(
      db,
      gradingItem,
      gradingItem.periodId,
      (r) => r.periodId,
      gradingItem.position,
    ),
  };
}
