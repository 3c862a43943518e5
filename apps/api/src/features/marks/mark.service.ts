import { and, eq, inArray, type SQL } from "drizzle-orm";
import type { Db } from "@gradewatch/db";
import type { Actor } from "../../access/actor.js";
import { markScope } from "../../access/scope.js";
import { mark, school } from "@gradewatch/db/schema";
import { notFound, parseId } from "../../graphql/errors.js";
import { type ListWants, paginate } from "../../graphql/pagination.js";
import type { MarkListArgs } from "./mark.args.js";

export function listMarks(db: Db, actor: Actor, args: MarkListArgs, wants: ListWants) {
  const f = args.filter ?? {};
  const where: (SQL | undefined)[] = [markScope(actor)];
  if (f.ids) where.push(inArray(mark.id, f.ids.map((id) => parseId(id))));
  if (f.periodId) where.push(eq(mark.periodId, parseId(f.periodId, "periodId")));
  if (f.sectionId) where.push(eq(mark.sectionId, parseId(f.sectionId, "sectionId")));
  if (f.studentId) where.push(eq(mark.studentId, parseId(f.studentId, "studentId")));
  if (f.schoolId) where.push(eq(mark.schoolId, parseId(f.schoolId, "schoolId")));
  if (f.escId) {
    where.push(inArray(mark.schoolId, db.select({ id: school.id }).from(school).where(eq(school.escId, parseId(f.escId, "escId")))));
  }
  if (f.gradingItemId) where.push(eq(mark.gradingItemId, parseId(f.gradingItemId, "gradingItemId")));
  return paginate(db, args, {
    table: mark,
    where: and(...where),
    total: wants.total,
    sortable: {
      id: mark.id,
      updatedAt: mark.updatedAt,
      enteredAt: mark.enteredAt,
      value: mark.value,
      studentId: mark.studentId,
      sectionId: mark.sectionId,
      version: mark.version,
    },
    defaultSort: "updatedAt",
    tieBreaker: mark.id,
  });
}

export async function getMark(db: Db, actor: Actor, id: number) {
  const [row] = await db.select().from(mark).where(and(markScope(actor), eq(mark.id, id)));
  if (!row) throw notFound("Mark", id);
  return row;
}
