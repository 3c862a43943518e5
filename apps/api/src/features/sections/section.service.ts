import { and, eq, ilike, inArray, type SQL } from "drizzle-orm";
import type { Db } from "@gradewatch/db";
import type { Actor } from "../../access/actor.js";
import { employeeScope, schoolScope, sectionScope } from "../../access/scope.js";
import { checkSchoolInScope } from "../students/student.service.js";
import { employee, school, section } from "@gradewatch/db/schema";
import { badInput, notFound, parseId, write } from "../../graphql/errors.js";
import { definedOnly } from "../../graphql/inputs.js";
import { employeeColumns, type Loaders, schoolColumns } from "../../graphql/loaders.js";
import { likePattern, type ListWants, paginate, selectedToOne } from "../../graphql/pagination.js";
import type { SectionListArgs } from "./section.args.js";
import type { SectionCreateInput, SectionUpdateInput } from "./section.input.js";

export function listSections(db: Db, actor: Actor, args: SectionListArgs, wants: ListWants, loaders: Loaders) {
  const f = args.filter ?? {};
  const where: (SQL | undefined)[] = [sectionScope(actor)];
  if (f.ids) where.push(inArray(section.id, f.ids.map((id) => parseId(id))));
  if (f.q) where.push(ilike(section.courseName, likePattern(f.q)));
  if (f.schoolId) where.push(eq(section.schoolId, parseId(f.schoolId, "schoolId")));
  if (f.escId) {
    where.push(inArray(section.schoolId, db.select({ id: school.id }).from(school).where(eq(school.escId, parseId(f.escId, "escId")))));
  }
  if (f.teacherId) where.push(eq(section.teacherId, parseId(f.teacherId, "teacherId")));
  if (f.level) where.push(eq(section.level, f.level));
  return paginate(db, args, {
    table: section,
    where: and(...where),
    total: wants.total,
    toOne: selectedToOne(wants, {
      school: { table: school, columns: schoolColumns, key: section.schoolId, scope: schoolScope(actor), loader: loaders.school },
      teacher: { table: employee, columns: employeeColumns, key: section.teacherId, scope: employeeScope(actor), loader: loaders.employee },
    }),
    sortable: {
      id: section.id,
      courseName: section.courseName,
      gradeLevel: section.gradeLevel,
      level: section.level,
      schoolId: section.schoolId,
      teacherId: section.teacherId,
    },
    defaultSort: "courseName",
    tieBreaker: section.id,
  });
}

export async function getSection(db: Db, actor: Actor, id: number) {
  const [row] = await db.select().from(section).where(and(sectionScope(actor), eq(section.id, id)));
  if (!row) throw notFound("Section", id);
  return row;
}

// A section's teacher must teach at the section's school. The lookup is scoped, so an employee the actor
// may not see gets the same answer as one that does not exist.
async function checkTeacher(db: Db, actor: Actor, teacherId: number, schoolId: number) {
  const [teacher] = await db.select().from(employee).where(and(employeeScope(actor), eq(employee.id, teacherId)));
  if (!teacher) throw notFound("Employee", teacherId);
  if (teacher.role !== "TEACHER" || teacher.schoolId !== schoolId) {
    throw badInput(`Employee ${teacherId} is not a teacher at school ${schoolId}`);
  }
}

export async function createSection(db: Db, actor: Actor, input: SectionCreateInput) {
  const schoolId = parseId(input.schoolId, "schoolId");
  await checkSchoolInScope(db, actor, schoolId);
  const teacherId = parseId(input.teacherId, "teacherId");
  await checkTeacher(db, actor, teacherId, schoolId);
  return write(db, async (tx) => {
      const [row] = await tx
        .insert(section)
        .values({ schoolId, teacherId, courseName: input.courseName.trim(), gradeLevel: input.gradeLevel, level: input.level })
        .returning();
      return row!;
  });
}

export async function updateSection(db: Db, actor: Actor, id: number, input: SectionUpdateInput) {
  const current = await getSection(db, actor, id);
  const values = definedOnly({
    teacherId: input.teacherId === undefined || input.teacherId === null ? undefined : parseId(input.teacherId, "teacherId"),
    courseName: input.courseName?.trim(),
    gradeLevel: input.gradeLevel,
    level: input.level,
  });
  if (values.teacherId !== undefined) await checkTeacher(db, actor, values.teacherId, current.schoolId);
  if (Object.keys(values).length === 0) return current;
  return write(db, async (tx) => {
      const [row] = await tx.update(section).set(values).where(eq(section.id, id)).returning();
      return row!;
  });
}
