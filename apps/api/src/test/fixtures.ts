import type { Db } from "@gradewatch/db";
import { deadlineChange, employee, enrollment, esc, gradingItem, mark, reportingPeriod, school, section, session, student } from "@gradewatch/db/schema";
import { eq } from "drizzle-orm";
import type { Actor } from "../access/actor.js";

export interface Fixture {
  escs: { north: number; east: number };
  schools: { elm: number; oak: number; high: number };
  principals: { elm: number };
  teachers: { elm: number; oak: number };
  sections: { elm: number };
  students: { ana: number; ben: number; oakKid: number };
  period: number;
  items: { reading: number; habits: number };
}

/** A small district: two ESCs, three schools, a principal, two teachers, one marked section. */
export async function buildFixture(db: Db): Promise<Fixture> {
  const [north, east] = await db
    .insert(esc)
    .values([
      { code: "NORTH", name: "ESC North" },
      { code: "EAST", name: "ESC East" },
    ])
    .returning();
  const [elm, oak, high] = await db
    .insert(school)
    .values([
      { locationCode: "1001", name: "Elm Street Elementary", level: "ELEMENTARY", escId: north!.id, enrollment: 2 },
      { locationCode: "1002", name: "Oak Avenue Elementary", level: "ELEMENTARY", escId: east!.id, enrollment: 1 },
      { locationCode: "8001", name: "Valley Senior High", level: "HIGH", escId: north!.id, enrollment: 0 },
    ])
    .returning();
  const [principal, elmTeacher, oakTeacher] = await db
    .insert(employee)
    .values([
      { employeeNumber: "E0000001", firstName: "Pat", lastName: "Rivera", email: "pat@elm.test", role: "PRINCIPAL", schoolId: elm!.id },
      { employeeNumber: "E0000002", firstName: "Terry", lastName: "Nguyen", email: "terry@elm.test", role: "TEACHER", schoolId: elm!.id },
      { employeeNumber: "E0000003", firstName: "Olga", lastName: "Smith", email: "olga@oak.test", role: "TEACHER", schoolId: oak!.id },
    ])
    .returning();
  await db.update(school).set({ principalId: principal!.id }).where(eq(school.id, elm!.id));
  const [ana, ben, oakKid] = await db
    .insert(student)
    .values([
      { districtStudentId: "1000000001", firstName: "Ana", lastName: "Lopez", gradeLevel: 3, schoolId: elm!.id },
      { districtStudentId: "1000000002", firstName: "Ben", lastName: "Kim", gradeLevel: 3, schoolId: elm!.id },
      { districtStudentId: "1000000003", firstName: "Cy", lastName: "Jones", gradeLevel: 2, schoolId: oak!.id },
    ])
    .returning();
  const [elmSection] = await db
    .insert(section)
    .values({ schoolId: elm!.id, teacherId: elmTeacher!.id, courseName: "Grade 3 Homeroom", gradeLevel: 3, level: "ELEMENTARY" })
    .returning();
  const termStart = new Date("2014-08-12T07:00:00Z");
  await db.insert(enrollment).values([
    { schoolId: elm!.id, sectionId: elmSection!.id, studentId: ana!.id, startedAt: termStart },
    { schoolId: elm!.id, sectionId: elmSection!.id, studentId: ben!.id, startedAt: termStart },
  ]);
  const [period] = await db
    .insert(reportingPeriod)
    .values({
      schoolYear: "2014-15",
      name: "Elementary Reporting Period 1",
      level: "ELEMENTARY",
      windowOpensOn: "2014-10-27",
      originalDeadline: "2014-11-07",
      currentDeadline: "2014-11-07",
    })
    .returning();
  // The November 5 letter's extension, recorded as the change it was (current_deadline follows it).
  const [admin] = await db.select({ id: employee.id }).from(employee).where(eq(employee.email, "admin@district.test"));
  await db.insert(deadlineChange).values({
    periodId: period!.id,
    fromDeadline: "2014-11-07",
    toDeadline: "2014-11-14",
    reason: "Outage of November 4",
    changedById: admin?.id ?? null,
    changedAt: new Date("2014-11-05T15:00:00Z"),
  });
  const [reading, habits] = await db
    .insert(gradingItem)
    .values([
      { periodId: period!.id, code: "READING", name: "Reading", scale: "STANDARDS_1_4", position: 1 },
      { periodId: period!.id, code: "WORK_HABITS", name: "Work habits", scale: "EFFORT_ESU", position: 2 },
    ])
    .returning();
  const at = new Date("2014-11-03T03:00:00Z");
  await db.insert(mark).values({
    schoolId: elm!.id,
    periodId: period!.id,
    sectionId: elmSection!.id,
    studentId: ana!.id,
    gradingItemId: reading!.id,
    value: "3",
    enteredById: elmTeacher!.id,
    enteredAt: at,
    updatedAt: at,
  });
  return {
    escs: { north: north!.id, east: east!.id },
    schools: { elm: elm!.id, oak: oak!.id, high: high!.id },
    principals: { elm: principal!.id },
    teachers: { elm: elmTeacher!.id, oak: oakTeacher!.id },
    sections: { elm: elmSection!.id },
    students: { ana: ana!.id, ben: ben!.id, oakKid: oakKid!.id },
    period: period!.id,
    items: { reading: reading!.id, habits: habits!.id },
  };
}

/** The actor with a live session: the database derives a request's identity from its session, not from settings. */
export async function signedIn(db: Db, actor: Omit<Actor, "sessionId">): Promise<Actor> {
  const [row] = await db.insert(session).values({ employeeId: actor.id, expiresAt: new Date("2100-01-01T00:00:00Z") }).returning({ id: session.id });
  return { ...actor, sessionId: row!.id };
}
