import DataLoader from "dataloader";
import { and, count, inArray, isNull, type SQL, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Db } from "@gradewatch/db";
import {
  deadlineChange,
  employee,
  enrollment,
  esc,
  gradingItem,
  reportingPeriod,
  school,
  section,
  student,
} from "@gradewatch/db/schema";
import type { Actor } from "../access/actor.js";
import { employeeScope, escScope, schoolScope, sectionScope, studentScope } from "../access/scope.js";

function byId<T extends { id: number }>(db: Db, table: PgTable & { id: PgColumn }, scope?: SQL) {
  return new DataLoader<number, T | undefined>(async (ids) => {
    const rows = (await db.select().from(table as PgTable).where(and(inArray(table.id, [...ids]), scope))) as T[];
    const map = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => map.get(id));
  });
}

function countBy(db: Db, table: PgTable, key: PgColumn, scope?: SQL) {
  return new DataLoader<number, number>(async (ids) => {
    const rows = await db
      .select({ key: key, n: count() })
      .from(table)
      .where(and(inArray(key, [...ids]), scope))
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

/**
 * Per-request batching: a list of N rows with relations costs one query per relation, not per row.
 * Loaders apply the actor's scope, so a nested path reaches no more than a direct query would.
 */
export function createLoaders(db: Db, actor: Actor | null) {
  const scoped = (scope: (a: Actor) => SQL | undefined) => (actor ? scope(actor) : sql`false`);
  return {
    esc: byId<typeof esc.$inferSelect>(db, esc, scoped(escScope)),
    school: byId<typeof school.$inferSelect>(db, school, scoped(schoolScope)),
    employee: byId<typeof employee.$inferSelect>(db, employee, scoped(employeeScope)),
    student: byId<typeof student.$inferSelect>(db, student, scoped(studentScope)),
    section: byId<typeof section.$inferSelect>(db, section, scoped(sectionScope)),
    reportingPeriod: byId<typeof reportingPeriod.$inferSelect>(db, reportingPeriod),
    gradingItem: byId<typeof gradingItem.$inferSelect>(db, gradingItem),
    schoolCountByEsc: countBy(db, school, school.escId, scoped(schoolScope)),
    // Only asked of sections the actor already sees; row-level security bounds the enrollments counted.
    enrolledCountBySection: countBy(db, enrollment, enrollment.sectionId, isNull(enrollment.endedAt)),
    deadlineChangesByPeriod: manyBy<typeof deadlineChange.$inferSelect>(db, deadlineChange, deadlineChange.periodId, (r) => r.periodId, deadlineChange.changedAt),
    gradingItemsByPeriod: manyBy<typeof gradingItem.$inferSelect>(
      db,
      gradingItem,
      gradingItem.periodId,
      (r) => r.periodId,
      gradingItem.position,
    ),
  };
}
