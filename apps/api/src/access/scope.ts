import { eq, inArray, or, type SQL, sql } from "drizzle-orm";
import { employee, enrollment, esc, mark, school, section, student } from "@gradewatch/db/schema";
import type { Actor } from "./actor.js";
import { ESC_ROLES } from "./actor.js";

// Each function answers "which rows of this table may the actor see", as a condition for the service's
// WHERE clause. `undefined` means everything; `NOTHING` means no row. Row-level security in the database
// repeats the student-data rules as a second line of defence.
const NOTHING = sql`false`;

const escSchools = (escId: number | null) => sql`(select ${school.id} from ${school} where ${school.escId} = ${escId ?? -1})`;

export function escScope(actor: Actor): SQL | undefined {
  if (actor.role === "DISTRICT_ADMIN" || actor.role === "HR") return undefined;
  if (ESC_ROLES.has(actor.role)) return eq(esc.id, actor.escId ?? -1);
  return sql`${esc.id} = (select ${school.escId} from ${school} where ${school.id} = ${actor.schoolId ?? -1})`;
}

export function schoolScope(actor: Actor): SQL | undefined {
  if (actor.role === "DISTRICT_ADMIN" || actor.role === "HR") return undefined;
  if (ESC_ROLES.has(actor.role)) return eq(school.escId, actor.escId ?? -1);
  return eq(school.id, actor.schoolId ?? -1);
}

export function employeeScope(actor: Actor): SQL | undefined {
  if (actor.role === "DISTRICT_ADMIN" || actor.role === "HR") return undefined;
  if (ESC_ROLES.has(actor.role)) {
    return or(eq(employee.escId, actor.escId ?? -1), inArray(employee.schoolId, escSchools(actor.escId)));
  }
  return eq(employee.schoolId, actor.schoolId ?? -1);
}

export function sectionScope(actor: Actor): SQL | undefined {
  switch (actor.role) {
    case "DISTRICT_ADMIN":
      return undefined;
    case "ESC_DIRECTOR":
    case "INSTRUCTIONAL_SUPERINTENDENT":
      return inArray(section.schoolId, escSchools(actor.escId));
    case "PRINCIPAL":
      return eq(section.schoolId, actor.schoolId ?? -1);
    case "TEACHER":
      return eq(section.teacherId, actor.id);
    default:
      return NOTHING;
  }
}

const teacherSections = (actor: Actor) => sql`(select ${section.id} from ${section} where ${section.teacherId} = ${actor.id})`;

export function studentScope(actor: Actor): SQL | undefined {
  switch (actor.role) {
    case "DISTRICT_ADMIN":
      return undefined;
    case "ESC_DIRECTOR":
    case "INSTRUCTIONAL_SUPERINTENDENT":
      return inArray(student.schoolId, escSchools(actor.escId));
    case "PRINCIPAL":
      return eq(student.schoolId, actor.schoolId ?? -1);
    case "TEACHER":
      return inArray(
        student.id,
        sql`(select ${enrollment.studentId} from ${enrollment} where ${enrollment.sectionId} in ${teacherSections(actor)} and ${enrollment.endedAt} is null)`,
      );
    default:
      return NOTHING;
  }
}

export function markScope(actor: Actor): SQL | undefined {
  switch (actor.role) {
    case "DISTRICT_ADMIN":
      return undefined;
    case "ESC_DIRECTOR":
    case "INSTRUCTIONAL_SUPERINTENDENT":
      return inArray(mark.schoolId, escSchools(actor.escId));
    case "PRINCIPAL":
      return eq(mark.schoolId, actor.schoolId ?? -1);
    case "TEACHER":
      return inArray(mark.sectionId, teacherSections(actor));
    default:
      return NOTHING;
  }
}
