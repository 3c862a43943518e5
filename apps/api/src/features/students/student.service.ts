import { and, eq, ilike, inArray, or, type SQL } from "drizzle-orm";
import type { Db } from "@gradewatch/db";
import { enrollment, school, student } from "@gradewatch/db/schema";
import { notFound, parseId, translateDbError } from "../../graphql/errors.js";
import { definedOnly } from "../../graphql/inputs.js";
import { likePattern, paginate } from "../../graphql/pagination.js";
import type { StudentListArgs } from "./student.args.js";
import type { StudentCreateInput, StudentUpdateInput } from "./student.input.js";

export function listStudents(db: Db, args: StudentListArgs) {
  const f = args.filter ?? {};
  const where: (SQL | undefined)[] = [];
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
    where.push(inArray(student.id, db.select({ id: enrollment.studentId }).from(enrollment).where(eq(enrollment.sectionId, sectionId))));
  }
  return paginate(db, args, {
    table: student,
    where: and(...where),
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

export async function getStudent(db: Db, id: number) {
  const [row] = await db.select().from(student).where(eq(student.id, id));
  if (!row) throw notFound("Student", id);
  return row;
}

export async function createStudent(db: Db, input: StudentCreateInput) {
  try {
    const [row] = await db
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
  } catch (err) {
    translateDbError(err);
  }
}

export async function updateStudent(db: Db, id: number, input: StudentUpdateInput) {
  const values = definedOnly({
    districtStudentId: input.districtStudentId,
    firstName: input.firstName?.trim(),
    lastName: input.lastName?.trim(),
    gradeLevel: input.gradeLevel,
    schoolId: input.schoolId === undefined || input.schoolId === null ? undefined : parseId(input.schoolId, "schoolId"),
  });
  if (Object.keys(values).length === 0) return getStudent(db, id);
  try {
    const [row] = await db.update(student).set(values).where(eq(student.id, id)).returning();
    if (!row) throw notFound("Student", id);
    return row;
  } catch (err) {
    translateDbError(err);
  }
}
