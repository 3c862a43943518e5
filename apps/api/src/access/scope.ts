import { HOME, type Operation, reachOf } from "@gradewatch/domain/policy";
import { eq, inArray, or, type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { employee, enrollment, esc, mark, markHistory, school, section, student } from "@gradewatch/db/schema";
import type { Actor } from "./actor.js";

// Each function answers "which rows of this table may the actor see", as a condition for the service's
// WHERE clause, from the actor's reach in the access policy (packages/domain/src/policy.ts). `undefined`
// means everything; `NOTHING` means no row. Row-level security, generated from the same policy, repeats
// the student-data rules in the database.
const NOTHING = sql`false`;

/** The actor's ESC: their own, or their school's. */
const actorEsc = (actor: Actor) =>
  HOME[actor.role] === "esc" ? sql`${actor.escId ?? -1}` : sql`(select ${school.escId} from ${school} where ${school.id} = ${actor.schoolId ?? -1})`;
const escSchools = (actor: Actor) => sql`(select ${school.id} from ${school} where ${school.escId} = ${actorEsc(actor)})`;
// Employees: `= any(array(...))`, the ESC's school ids read once and each row checked against them; with `in
// (select ...)` the planner hash-joined whole tables (an ESC director's schools page read every employee for
// the principals). Student data: `in (select ...)`, which the planner sizes from the school table (about a
// fifth of the district) and so walks a list's sort index; with an array it guessed a few rows, read all of
// the ESC's ~147,000 students and sorted them (55 ms against 5 ms on the lausd seed).
const inEscSchools = (column: PgColumn, actor: Actor) => sql`${column} = any(array${escSchools(actor)})`;
const teacherSections = (actor: Actor) => sql`(select ${section.id} from ${section} where ${section.teacherId} = ${actor.id})`;

/** Rows tied to a school: the actor's ESC's schools, their school, or (own) what `own` gives. */
function bySchool(actor: Actor, op: Operation, schoolId: PgColumn, own: () => SQL | undefined): SQL | undefined {
  switch (reachOf(actor.role, op)) {
    case "all":
      return undefined;
    case "esc":
      return inArray(schoolId, escSchools(actor));
    case "school":
      return eq(schoolId, actor.schoolId ?? -1);
    case "own":
      return own();
    case "none":
      return NOTHING;
  }
}

export function escScope(actor: Actor): SQL | undefined {
  switch (reachOf(actor.role, "esc.read")) {
    case "all":
      return undefined;
    case "none":
      return NOTHING;
    default:
      return sql`${esc.id} = ${actorEsc(actor)}`;
  }
}

export function schoolScope(actor: Actor): SQL | undefined {
  if (reachOf(actor.role, "school.read") === "esc") return sql`${school.escId} = ${actorEsc(actor)}`;
  return bySchool(actor, "school.read", school.id, () => eq(school.id, actor.schoolId ?? -1));
}

export function employeeScope(actor: Actor): SQL | undefined {
  if (reachOf(actor.role, "employee.read") === "esc") {
    // An ESC's staff: its office and its schools.
    return or(sql`${employee.escId} = ${actorEsc(actor)}`, inEscSchools(employee.schoolId, actor));
  }
  return bySchool(actor, "employee.read", employee.schoolId, () => eq(employee.id, actor.id));
}

export const sectionScope = (actor: Actor) => bySchool(actor, "section.read", section.schoolId, () => eq(section.teacherId, actor.id));

export const studentScope = (actor: Actor) =>
  bySchool(actor, "student.read", student.schoolId, () =>
    inArray(student.id, sql`(select ${enrollment.studentId} from ${enrollment} where ${enrollment.sectionId} in ${teacherSections(actor)} and ${enrollment.endedAt} is null)`),
  );

export const markScope = (actor: Actor) => bySchool(actor, "mark.read", mark.schoolId, () => inArray(mark.sectionId, teacherSections(actor)));

/** Mark history: the same reach as reading marks. */
export const markHistoryScope = (actor: Actor) =>
  bySchool(actor, "mark.read", markHistory.schoolId, () => inArray(markHistory.sectionId, teacherSections(actor)));

/** Schools whose completion and risk the actor may read (risk.read), as a condition on the school table. */
export function riskSchoolScope(actor: Actor, op: "risk.read" | "extension.read" | "extension.grant" = "risk.read"): SQL | undefined {
  if (reachOf(actor.role, op) === "esc") return sql`${school.escId} = ${actorEsc(actor)}`;
  return bySchool(actor, op, school.id, () => NOTHING);
}
