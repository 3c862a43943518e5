import { bigint, date, index, integer, pgTable, primaryKey, timestamp } from "drizzle-orm/pg-core";

// Completion counters of issue 9, maintained by triggers in the transaction of every change to marks,
// enrollments, grading items and sections (migration completion_counters), so that no request aggregates
// the marks table. Expected = open enrollments x the period's grading items, for sections whose level is
// the period's; entered = marks of students still enrolled. Only the owner's trigger functions write them;
// `pnpm reconcile` proves them equal to a recount (gw_completion_differences) and repairs them.

/** One row per (period, section of the period's level). */
export const completionSection = pgTable(
  "completion_section",
  {
    periodId: integer().notNull(),
    sectionId: integer().notNull(),
    schoolId: integer().notNull(),
    teacherId: integer().notNull(),
    enrolled: integer().notNull(),
    expected: integer().notNull(),
    entered: integer().notNull(),
    firstEnteredAt: timestamp({ withTimezone: true }),
    lastEnteredAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.periodId, t.sectionId] }),
    index("completion_section_school_idx").on(t.periodId, t.schoolId),
    index("completion_section_teacher_idx").on(t.periodId, t.teacherId),
  ],
);

/** Counted marks of a section first entered on each Los Angeles day. */
export const completionSectionDay = pgTable(
  "completion_section_day",
  {
    periodId: integer().notNull(),
    sectionId: integer().notNull(),
    day: date({ mode: "string" }).notNull(),
    entered: integer().notNull(),
    /** The day's first and last counted mark: an as-of replay reads whole past days from here, not from the marks. */
    firstEnteredAt: timestamp({ withTimezone: true }),
    lastEnteredAt: timestamp({ withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.periodId, t.sectionId, t.day] })],
);

/** One row per (period, school having sections of the period's level). */
export const completionSchool = pgTable(
  "completion_school",
  {
    periodId: integer().notNull(),
    schoolId: integer().notNull(),
    sections: integer().notNull(),
    expected: integer().notNull(),
    entered: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.periodId, t.schoolId] })],
);

/** A school's counted marks first entered on each Los Angeles day: the pace. */
export const completionSchoolDay = pgTable(
  "completion_school_day",
  {
    periodId: integer().notNull(),
    schoolId: integer().notNull(),
    day: date({ mode: "string" }).notNull(),
    entered: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.periodId, t.schoolId, t.day] })],
);

/** A teacher's sections of the period at one school. */
export const completionTeacher = pgTable(
  "completion_teacher",
  {
    periodId: integer().notNull(),
    schoolId: integer().notNull(),
    teacherId: integer().notNull(),
    sections: integer().notNull(),
    expected: integer().notNull(),
    entered: integer().notNull(),
    firstEnteredAt: timestamp({ withTimezone: true }),
    lastEnteredAt: timestamp({ withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.periodId, t.schoolId, t.teacherId] })],
);

/** Marks typed during an unplanned outage and saved after it ended (one row per outage and mark). */
export const outageHeldMark = pgTable(
  "outage_held_mark",
  {
    outageId: integer().notNull(),
    markId: bigint({ mode: "number" }).notNull(),
    periodId: integer().notNull(),
    schoolId: integer().notNull(),
    /** The first save after the outage of a mark typed during it: an as-of replay counts it from then on. */
    firstChangedAt: timestamp({ withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.outageId, t.markId] }), index("outage_held_mark_mark_idx").on(t.markId)],
);

/** How many marks each unplanned outage held back, per (period, school). */
export const completionOutage = pgTable(
  "completion_outage",
  {
    periodId: integer().notNull(),
    schoolId: integer().notNull(),
    outageId: integer().notNull(),
    marks: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.periodId, t.schoolId, t.outageId] })],
);
