import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, smallint, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { periodLevel } from "./enums.js";
import { employee, school } from "./organisation.js";

export const student = pgTable(
  "student",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    districtStudentId: text().notNull().unique(),
    firstName: text().notNull(),
    lastName: text().notNull(),
    gradeLevel: smallint().notNull(),
    schoolId: integer()
      .notNull()
      .references(() => school.id),
  },
  (t) => [
    index("student_school_idx").on(t.schoolId),
    // The student list's order (last name, then id as its tie-breaker): a page is read straight off the index.
    index("student_last_name_idx").on(t.lastName, t.id),
    // The student search (name or district id, anywhere in it) is an ilike on each: one trigram index each.
    index("student_last_name_trgm_idx").using("gin", t.lastName.op("gin_trgm_ops")),
    index("student_first_name_trgm_idx").using("gin", t.firstName.op("gin_trgm_ops")),
    index("student_district_student_id_trgm_idx").using("gin", t.districtStudentId.op("gin_trgm_ops")),
    check("student_grade_level_range", sql`${t.gradeLevel} between 0 and 12`),
  ],
);

export const section = pgTable(
  "section",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    schoolId: integer()
      .notNull()
      .references(() => school.id),
    teacherId: integer()
      .notNull()
      .references(() => employee.id),
    courseName: text().notNull(),
    gradeLevel: smallint().notNull(),
    level: periodLevel().notNull(),
  },
  (t) => [
    index("section_school_idx").on(t.schoolId),
    index("section_teacher_idx").on(t.teacherId),
    check("section_grade_level_range", sql`${t.gradeLevel} between 0 and 12`),
  ],
);

export const enrollment = pgTable(
  "enrollment",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    schoolId: integer()
      .notNull()
      .references(() => school.id),
    sectionId: integer()
      .notNull()
      .references(() => section.id, { onDelete: "cascade" }),
    studentId: integer()
      .notNull()
      .references(() => student.id, { onDelete: "cascade" }),
    // An enrollment ends instead of vanishing, so a past roster can be read back; enrolling again starts a new row.
    startedAt: timestamp({ withTimezone: true }).notNull(),
    endedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex("enrollment_open_section_student_key").on(t.sectionId, t.studentId).where(sql`${t.endedAt} is null`),
    // As-of reads of a section's roster look at ended rows too.
    index("enrollment_section_student_idx").on(t.sectionId, t.studentId),
    check("enrollment_ends_after_start", sql`${t.endedAt} is null or ${t.endedAt} >= ${t.startedAt}`),
    index("enrollment_student_idx").on(t.studentId),
    index("enrollment_school_idx").on(t.schoolId),
    // An "as of" replay finds the sections whose rosters changed after its instant by these two (few rows).
    index("enrollment_started_at_idx").on(t.startedAt),
    index("enrollment_ended_at_idx").on(t.endedAt),
  ],
);
