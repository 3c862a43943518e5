import { reachOf } from "@gradewatch/domain/policy";
import { eq, type SQL, sql } from "drizzle-orm";
import { problemReport, school, section } from "@gradewatch/db/schema";
import type { Actor } from "../../access/actor.js";

/** The actor's ESC: their own, or their school's. */
export const actorEscId = (actor: Actor) =>
  actor.escId !== null ? sql`${actor.escId}` : sql`(select ${school.escId} from ${school} where ${school.id} = ${actor.schoolId ?? -1})`;

/**
 * The reports the actor may see ("problemReport.read"): a teacher's own (filed by them or naming their
 * sections), the school's, the ESC's schools', or all. Row security (migration 0019) repeats it.
 */
export function problemReportScope(actor: Actor): SQL | undefined {
  switch (reachOf(actor.role, "problemReport.read")) {
    case "all":
      return undefined;
    case "esc":
      return sql`${problemReport.schoolId} in (select ${school.id} from ${school} where ${school.escId} = ${actorEscId(actor)})`;
    case "school":
      return eq(problemReport.schoolId, actor.schoolId ?? -1);
    case "own":
      return sql`(${problemReport.filedById} = ${actor.id} or ${problemReport.sectionIds} && array(select ${section.id} from ${section} where ${section.teacherId} = ${actor.id}))`;
    case "none":
      return sql`false`;
  }
}

/** The ESC's side of a report: every move, assignment, extension decisions and internal notes. */
export const manages = (actor: Actor) => reachOf(actor.role, "problemReport.manage") !== "none";
