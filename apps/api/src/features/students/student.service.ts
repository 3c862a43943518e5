import { and, eq, ilike, inArray, isNull, or, type SQL } from "drizzle-orm";
import type { Db } from "@gradewatch/db";
import type { Actor } from "../../access/actor.js";
import { schoolScope, studentScope } from "../../access/scope.js";
import { enrollment, school, student } from "@gradewatch/db/schema";
import { notFound, parseId, write } from "../../graphql/errors.js";
import { definedOnly } from "../../graphql/inputs.js";
import { type Loaders, schoolColumns } from "../../graphql/loaders.js";
import { likePattern, type ListWants, paginate, selectedToOne } from "../../graphql/pagination.js";
import type { StudentListArgs } from "./student.args.js";
import type { StudentCreateInput, StudentUpdateInput } from "./student.input.js";

// A school the caller may not manage looks like one that does not exist.
export async function checkSchoolInScope(db: Db, actor: Actor, schoolId: number) {
  const [row] = await db.select({ id: school.id }).from(school).where(and(schoolScope(actor), eq(school.id, schoolId)));
  if (!row) throw notFound("School", schoolId);
}

export function listStudents(db: Db, actor: Actor, args: StudentListArgs, wants: ListWants, loaders: Loaders) {
  const f = args.filter ?? {};
  const where: (SQL | undefined)[] = [studentScope(actor)];
  if (f.ids) where.push(inArray(student.id, f.ids.map((id) => parseId(id))));
  if (f.q) {
    const p = likePattern(f.q);
    where.push(or(ilike(student.lastName, p), ilike(student.firstName, p), ilike(student.districtStudentId, p)));
  }
  if (f.schoolId) where.push(eq(student.schoolId, parseId(f.schoolId, "schoolId")));
  if (f.escId) {
    where.push(inArray(student.schoolId, db.select({ id: school.id }).from(school).where(eq(school.escId, parseId(f.escId, "escId")))));
  }
  if (f.gradeLevel !== undefined && f.gradeLevel !== null) where.push(eq(student.gradeLevel, f.gradeLevel));
  if (f.sectionId) {
    const sectionId = parseId(f.sectionId, "sectionId");
    where.push(inArray(student.id, db.select({ id: enrollment.studentId }).from(enrollment).where(and(eq(enrollment.sectionId, sectionId), isNull(enrollment.endedAt)))));
  }
  return paginate(db, args, {
    table: student,
    where: and(...where),
    total: wants.total,
    toOne: selectedToOne(wants, {
      school: { table: school, columns: schoolColumns, key: student.schoolId, scope: schoolScope(actor), loader: loaders.school },
    }),
    sortable: {
      id: student.id,
      lastName: student.lastName,
      firstName: student.firstName,
      districtStudentId: student.districtStudentId,
      gradeLevel: student.gradeLevel,
      schoolId: student.schoolId,
    },
    defaultSort: "lastName",
    tieBreaker: student.id,
  });
}

export async function getStudent(db: Db, actor: Actor, id: number) {
  const [row] = await db.select().from(student).where(and(studentScope(actor), eq(student.id, id)));
  if (!row) throw notFound("Student", id);
  return row;
}

export async function createStudent(db: Db, actor: Actor, input: StudentCreateInput) {
  await checkSchoolInScope(db, actor, parseId(input.schoolId, "schoolId"));
  return write(db, async (tx) => {
      const [row] = await tx
        .insert(student)
        .values({
          districtStudentId: input.districtStudentId,
          firstName: input.firstName.trim(),
          lastName: input.lastName.trim(),
          gradeLevel: input.gradeLevel,
          schoolId: parseId(input.schoolId, "schoolId"),
        })
        .returning();
      return row!;
  });
}

export async function updateStudent(db: Db, actor: Actor, id: number, input: StudentUpdateInput) {
  await getStudent(db, actor, id);
  if (input.schoolId) await checkSchoolInScope(db, actor, parseId(input.schoolId, "schoolId"));
  const values = definedOnly({
    districtStudentId: input.districtStudentId,
    firstName: input.firstName?.trim(),
    lastName: input.lastName?.trim(),
    gradeLevel: input.gradeLevel,
    schoolId: input.schoolId === undefined || input.schoolId === null ? undefined : parseId(input.schoolId, "schoolId"),
  });
  if (Object.keys(values).length === 0) return getStudent(db, actor, id);
  return write(db, async (tx) => {
      const [row] = await tx.update(student).set(values).where(eq(student.id, id)).returning();
      if (!row) throw notFound("Student", id);
      return row;
  });
}
