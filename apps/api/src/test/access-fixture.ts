import type { Db } from "@gradewatch/db";
import { deadlineChange, employee, enrollment, esc, gradingItem, mark, problemReport, problemReportComment, problemReportHistory, reportingPeriod, school, section, student } from "@gradewatch/db/schema";
import type { Actor } from "../access/actor.js";

export type Role = Actor["role"];
export type Scope = "own" | "sameSchool" | "sameEsc" | "otherEsc";
export type Entity = "esc" | "school" | "employee" | "section" | "student" | "mark";

export interface AccessFixture {
  actors: Record<Role, { id: number; schoolId: number | null; escId: number | null }>;
  /** For each entity, the object in each scope relative to the home school (Elm, in ESC North). */
  targets: Record<Exclude<Entity, "employee">, Record<Scope, number>>;
  /** Employees: scope depends on who asks (an actor is "own" to themselves). */
  employees: { id: number; schoolId: number | null; escId: number | null }[];
  schoolEsc: Map<number, number>;
}

/**
 * Two ESCs; the home school Elm and Valley High in North, Oak in East. One actor per role, homed at
 * Elm / North. One section, student and mark for each scope.
 */
export async function buildAccessFixture(db: Db): Promise<AccessFixture> {
  const [north, east] = await db.insert(esc).values([{ code: "NORTH", name: "ESC North" }, { code: "EAST", name: "ESC East" }]).returning();
  const [elm, valley, oak] = await db
    .insert(school)
    .values([
      { locationCode: "1001", name: "Elm Street Elementary", level: "ELEMENTARY", escId: north!.id },
      { locationCode: "8001", name: "Valley Senior High", level: "HIGH", escId: north!.id },
      { locationCode: "1002", name: "Oak Avenue Elementary", level: "ELEMENTARY", escId: east!.id },
    ])
    .returning();
  const people = [
    ["TEACHER", "Terry", elm!.id, null],
    ["PRINCIPAL", "Pat", elm!.id, null],
    ["ESC_DIRECTOR", "Dora", null, north!.id],
    ["INSTRUCTIONAL_SUPERINTENDENT", "Sam", null, north!.id],
    ["HR", "Hal", null, null],
    ["DISTRICT_ADMIN", "Ada", null, null],
    ["TEACHER", "Tess", elm!.id, null],
    ["TEACHER", "Val", valley!.id, null],
    ["TEACHER", "Olga", oak!.id, null],
  ] as const;
  const rows = await db
    .insert(employee)
    .values(
      people.map(([role, name, schoolId, escId], i) => ({
        employeeNumber: `E${String(i + 1).padStart(7, "0")}`,
        firstName: name,
        lastName: "Test",
        email: `${name.toLowerCase()}@access.test`,
        role,
        schoolId,
        escId,
      })),
    )
    .returning();
  const [terry, , , , , , tess, val, olga] = rows;
  const sections = await db
    .insert(section)
    .values(
      [
        [elm!.id, terry!.id],
        [elm!.id, tess!.id],
        [valley!.id, val!.id],
        [oak!.id, olga!.id],
      ].map(([schoolId, teacherId], i) => ({ schoolId: schoolId!, teacherId: teacherId!, courseName: `Course ${i}`, gradeLevel: 3, level: "ELEMENTARY" as const })),
    )
    .returning();
  const students = await db
    .insert(student)
    .values(
      sections.map((s, i) => ({ districtStudentId: `100000000${i}`, firstName: ["Ana", "Ben", "Vic", "Cy"][i]!, lastName: "Kid", gradeLevel: 3, schoolId: s.schoolId })),
    )
    .returning();
  const termStart = new Date("2014-08-12T07:00:00Z");
  await db.insert(enrollment).values(sections.map((s, i) => ({ schoolId: s.schoolId, sectionId: s.id, studentId: students[i]!.id, startedAt: termStart })));
  const [period] = await db
    .insert(reportingPeriod)
    .values({ schoolYear: "2014-15", name: "Elementary Reporting Period 1", level: "ELEMENTARY", windowOpensOn: "2014-10-27", originalDeadline: "2014-11-07", currentDeadline: "2014-11-07" })
    .returning();
  // current_deadline follows the recorded change (migration as_of_rules).
  await db.insert(deadlineChange).values({
    periodId: period!.id,
    fromDeadline: "2014-11-07",
    toDeadline: "2014-11-14",
    reason: "Outage of November 4",
    changedAt: new Date("2014-11-05T15:00:00Z"),
  });
  const [item] = await db.insert(gradingItem).values({ periodId: period!.id, code: "READING", name: "Reading", scale: "STANDARDS_1_4", position: 1 }).returning();
  const at = new Date("2014-11-03T03:00:00Z");
  const marks = await db
    .insert(mark)
    .values(
      sections.map((s, i) => ({
        schoolId: s.schoolId,
        periodId: period!.id,
        sectionId: s.id,
        studentId: students[i]!.id,
        gradingItemId: item!.id,
        value: "3",
        enteredById: s.teacherId,
        enteredAt: at,
        updatedAt: at,
      })),
    )
    .returning();
  const byScope = (ids: number[]): Record<Scope, number> => ({ own: ids[0]!, sameSchool: ids[1]!, sameEsc: ids[2]!, otherEsc: ids[3]! });
  const actors = Object.fromEntries(
    rows.slice(0, 6).map((r) => [r.role, { id: r.id, schoolId: r.schoolId, escId: r.escId }]),
  ) as AccessFixture["actors"];
  return {
    actors,
    targets: {
      esc: byScope([north!.id, north!.id, north!.id, east!.id]),
      school: byScope([elm!.id, elm!.id, valley!.id, oak!.id]),
      section: byScope(sections.map((s) => s.id)),
      student: byScope(students.map((s) => s.id)),
      mark: byScope(marks.map((m) => m.id)),
    },
    employees: rows.map((r) => ({ id: r.id, schoolId: r.schoolId, escId: r.escId })),
    schoolEsc: new Map([elm!, valley!, oak!].map((s) => [s.id, s.escId])),
  };
}

/** The scope of a target employee relative to an actor homed at Elm / North. */
export function employeeScopeOf(f: AccessFixture, actorId: number, target: { id: number; schoolId: number | null; escId: number | null }): Scope {
  if (target.id === actorId) return "own";
  const elm = f.targets.school.own;
  const north = f.targets.esc.own;
  if (target.schoolId === elm) return "sameSchool";
  if (target.escId === north || (target.schoolId !== null && f.schoolEsc.get(target.schoolId) === north)) return "sameEsc";
  return "otherEsc";
}

/**
 * Problem reports (issue 10), one per scope like the other targets: Terry's own (naming his section), Tess's
 * at Elm, Val's at Valley, Olga's at Oak; each with a reply and an internal note the school must never see.
 */
export async function addReportTargets(db: Db, f: AccessFixture): Promise<Record<Scope, number>> {
  const at = new Date("2014-11-05T17:00:00Z");
  const [terry, tess, val, olga] = [0, 6, 7, 8].map((i) => f.employees[i]!);
  const scopes: [Scope, { id: number; schoolId: number | null }, number][] = [
    ["own", terry!, f.targets.section.own],
    ["sameSchool", tess!, f.targets.section.sameSchool],
    ["sameEsc", val!, f.targets.section.sameEsc],
    ["otherEsc", olga!, f.targets.section.otherEsc],
  ];
  const ids = {} as Record<Scope, number>;
  for (const [scope, filer, sectionId] of scopes) {
    const [report] = await db
      .insert(problemReport)
      .values({ schoolId: filer.schoolId!, filedById: filer.id, category: "ROSTER_ERROR", severity: "HIGH", title: `Roster ${scope}`, description: "Students missing", sectionIds: [sectionId], filedAt: at, updatedAt: at })
      .returning();
    await db.insert(problemReportHistory).values({ reportId: report!.id, schoolId: report!.schoolId, action: "file", toState: "NEW", version: 1, changedById: filer.id, changedAt: at, source: "API" });
    await db.insert(problemReportComment).values([
      { reportId: report!.id, schoolId: report!.schoolId, authorId: f.actors.ESC_DIRECTOR.id, body: "Reply", internal: false, createdAt: at },
      { reportId: report!.id, schoolId: report!.schoolId, authorId: f.actors.ESC_DIRECTOR.id, body: "Internal note", internal: true, createdAt: at },
    ]);
    ids[scope] = report!.id;
  }
  return ids;
}
