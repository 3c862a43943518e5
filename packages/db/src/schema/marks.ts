import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  date,
  index,
  integer,
  pgTable,
  smallint,
  text,
  timestamp,
  unique,
} from "drizzle-orm/pg-core";
import { markScale, periodLevel } from "./enums.js";
import { employee, school } from "./organisation.js";
import { section, student } from "./students.js";

export const reportingPeriod = pgTable(
  "reporting_period",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    schoolYear: text().notNull(),
    name: text().notNull(),
    level: periodLevel().notNull(),
    windowOpensOn: date({ mode: "string" }).notNull(),
    originalDeadline: date({ mode: "string" }).notNull(),
    currentDeadline: date({ mode: "string" }).notNull(),
  },
  (t) => [
    unique("reporting_period_year_name_key").on(t.schoolYear, t.name),
    check("reporting_period_school_year_format", sql`${t.schoolYear} ~ '^[0-9]{4}-[0-9]{2}$'`),
    check("reporting_period_window_order", sql`${t.windowOpensOn} <= ${t.originalDeadline}`),
    check("reporting_period_deadline_not_earlier", sql`${t.currentDeadline} >= ${t.originalDeadline}`),
  ],
);

export const gradingItem = pgTable(
  "grading_item",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    periodId: integer()
      .notNull()
      .references(() => reportingPeriod.id, { onDelete: "cascade" }),
    code: text().notNull(),
    name: text().notNull(),
    scale: markScale().notNull(),
    position: smallint().notNull(),
  },
  (t) => [unique("grading_item_period_code_key").on(t.periodId, t.code)],
);

export const mark = pgTable(
  "mark",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    schoolId: integer()
      .notNull()
      .references(() => school.id),
    periodId: integer()
      .notNull()
      .references(() => reportingPeriod.id),
    sectionId: integer()
      .notNull()
      .references(() => section.id),
    studentId: integer()
      .notNull()
      .references(() => student.id),
    gradingItemId: integer()
      .notNull()
      .references(() => gradingItem.id),
    value: text().notNull(),
    comment: text(),
    enteredById: integer()
      .notNull()
      .references(() => employee.id),
    enteredAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
    version: integer().notNull().default(1),
  },
  (t) => [
    unique("mark_period_section_student_item_key").on(t.periodId, t.sectionId, t.studentId, t.gradingItemId),
    index("mark_school_period_idx").on(t.schoolId, t.periodId),
    index("mark_section_idx").on(t.sectionId),
    index("mark_student_idx").on(t.studentId),
    index("mark_updated_at_idx").on(t.updatedAt),
    // The replay ("as of") scans a period's marks entered by an instant, index-only: pair and time in the key.
    index("mark_period_entered_idx").on(t.periodId, t.enteredAt, t.sectionId, t.studentId),
    check("mark_version_positive", sql`${t.version} >= 1`),
    check("mark_value_not_blank", sql`length(trim(${t.value})) > 0`),
  ],
);
