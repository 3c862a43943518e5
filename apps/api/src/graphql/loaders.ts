import DataLoader from "dataloader";
import { and, count, getTableColumns, inArray, isNull, type SQL, sql } from "drizzle-orm";
import type { PgColumn, PgTable, SelectedFields } from "drizzle-orm/pg-core";
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

// What each GraphQL type reads from its row, and nothing more: an employee's password hash never leaves the
// database through a relation. The list services join the same columns to prime these loaders.
export const escColumns = { id: esc.id, code: esc.code, name: esc.name };
export const schoolColumns = {
  id: school.id,
  locationCode: school.locationCode,
  name: school.name,
  level: school.level,
  escId: school.escId,
  principalId: school.principalId,
  enrollment: school.enrollment,
};
export const employeeColumns = {
  id: employee.id,
  employeeNumber: employee.employeeNumber,
  firstName: employee.firstName,
  lastName: employee.lastName,
  email: employee.email,
  role: employee.role,
  schoolId: employee.schoolId,
  escId: employee.escId,
  workdayStart: employee.workdayStart,
  workdayEnd: employee.workdayEnd,
  active: employee.active,
};
const studentColumns = {
  id: student.id,
  districtStudentId: student.districtStudentId,
  firstName: student.firstName,
  lastName: student.lastName,
  gradeLevel: student.gradeLevel,
  schoolId: student.schoolId,
};
const sectionColumns = {
  id: section.id,
  schoolId: section.schoolId,
  teacherId: section.teacherId,
  courseName: section.courseName,
  gradeLevel: section.gradeLevel,
  level: section.level,
};
const reportingPeriodColumns = {
  id: reportingPeriod.id,
  schoolYear: reportingPeriod.schoolYear,
  name: reportingPeriod.name,
  level: reportingPeriod.level,
  windowOpensOn: reportingPeriod.windowOpensOn,
  originalDeadline: reportingPeriod.originalDeadline,
  currentDeadline: reportingPeriod.currentDeadline,
};
const gradingItemColumns = {
  id: gradingItem.id,
  periodId: gradingItem.periodId,
  code: gradingItem.code,
  name: gradingItem.name,
  scale: gradingItem.scale,
  position: gradingItem.position,
};

/** A table's row narrowed to the columns selected. */
export type Picked<TTable extends PgTable, C> = Pick<TTable["$inferSelect"], keyof C & keyof TTable["$inferSelect"]>;

function byId<TTable extends PgTable, C extends SelectedFields & { id: PgColumn }>(db: Db, table: TTable, columns: C, scope?: SQL) {
  type T = Picked<TTable, C>;
  return new DataLoader<number, T | undefined>(async (ids) => {
    const rows = (await db.select(columns).from(table as PgTable).where(and(inArray(columns.id, [...ids]), scope))) as unknown as (T & { id: number })[];
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

function manyBy<TTable extends PgTable, C extends SelectedFields>(
  db: Db,
  table: TTable,
  columns: C,
  key: PgColumn,
  keyOf: (row: Picked<TTable, C>) => number,
  order: PgColumn,
) {
  type T = Picked<TTable, C>;
  return new DataLoader<number, T[]>(async (ids) => {
    const rows = (await db.select(columns).from(table as PgTable).where(inArray(key, [...ids])).orderBy(order)) as unknown as T[];
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
    esc: byId(db, esc, escColumns, scoped(escScope)),
    school: byId(db, school, schoolColumns, scoped(schoolScope)),
    employee: byId(db, employee, employeeColumns, scoped(employeeScope)),
    student: byId(db, student, studentColumns, scoped(studentScope)),
    section: byId(db, section, sectionColumns, scoped(sectionScope)),
    reportingPeriod: byId(db, reportingPeriod, reportingPeriodColumns),
    gradingItem: byId(db, gradingItem, gradingItemColumns),
    schoolCountByEsc: countBy(db, school, school.escId, scoped(schoolScope)),
    // Only asked of sections the actor already sees; row-level security bounds the enrollments counted.
    enrolledCountBySection: countBy(db, enrollment, enrollment.sectionId, isNull(enrollment.endedAt)),
    deadlineChangesByPeriod: manyBy(db, deadlineChange, getTableColumns(deadlineChange), deadlineChange.periodId, (r) => r.periodId, deadlineChange.changedAt),
    gradingItemsByPeriod: manyBy(
      db,
      gradingItem,
      gradingItemColumns,
      gradingItem.periodId,
      (r) => r.periodId,
      gradingItem.position,
    ),
  };
}
