import { and, count, eq, isNull } from "drizzle-orm";
import type { Db } from "@gradewatch/db";
import { enrollment, mark } from "@gradewatch/db/schema";
import type { Actor } from "../../access/actor.js";
import type { Clock } from "../../clock.js";
import { badInput, conflict, write } from "../../graphql/errors.js";
import { getSection } from "../sections/section.service.js";
import { getStudent } from "../students/student.service.js";

/** Puts a student of the section's school on its roster; enrolling twice changes nothing, enrolling after an end starts anew. */
export async function enrollStudent(db: Db, actor: Actor, clock: Clock, sectionId: number, studentId: number) {
  const s = await getSection(db, actor, sectionId);
  const pupil = await getStudent(db, actor, studentId);
  if (pupil.schoolId !== s.schoolId) throw badInput(`Student ${studentId} attends another school than section ${sectionId}`);
  await write(db, (tx) => tx.insert(enrollment).values({ schoolId: s.schoolId, sectionId, studentId, startedAt: clock.now() }).onConflictDoNothing());
  return s;
}

/**
 * Takes a student off the roster, unless they have marks there: marks are education records and stay.
 * The enrollment ends rather than vanishing, so the roster of any past moment can still be read.
 */
export async function unenrollStudent(db: Db, actor: Actor, clock: Clock, sectionId: number, studentId: number) {
  const s = await getSection(db, actor, sectionId);
  await getStudent(db, actor, studentId);
  const [marks] = await db
    .select({ n: count() })
    .from(mark)
    .where(and(eq(mark.sectionId, sectionId), eq(mark.studentId, studentId)));
  if (marks!.n > 0) {
    throw conflict(`Student ${studentId} has ${marks!.n} ${marks!.n === 1 ? "mark" : "marks"} in this section; a student with marks stays on its roster`);
  }
  await write(db, (tx) =>
    tx
      .update(enrollment)
      .set({ endedAt: clock.now() })
      .where(and(eq(enrollment.sectionId, sectionId), eq(enrollment.studentId, studentId), isNull(enrollment.endedAt))),
  );
  return s;
}
