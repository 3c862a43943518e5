import { sql } from "drizzle-orm";
import { type AnyPgColumn, bigint, boolean, check, date, index, integer, jsonb, pgEnum, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";
import { outage } from "./operations.js";
import { employee, esc, school } from "./organisation.js";
import { problemReport } from "./problem-reports.js";
import { historyColumns } from "./write-kit.js";

export const compensationCategory = pgEnum("compensation_category", ["RE_ENTERING_LOST_DATA", "GRADE_ENTRY_OUTSIDE_WORKDAY", "SYSTEM_WORKAROUND", "TRAINING", "OTHER"]);
export const compensationState = pgEnum("compensation_state", ["DRAFT", "SUBMITTED", "CERTIFIED", "APPROVED", "REJECTED", "EXPORTED"]);

// HR closes a pay period: every approved log not yet paid goes into it, its files are stored, and exporting
// it again returns those same files.
export const payPeriod = pgTable("pay_period", {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  name: text().notNull(),
  closedAt: timestamp({ withTimezone: true }).notNull(),
  closedById: integer()
    .notNull()
    .references(() => employee.id),
  logCount: integer().notNull(),
  totalCents: bigint({ mode: "number" }).notNull(),
  summaryCsv: text().notNull(),
  detailCsv: text().notNull(),
});

// Extra hours an employee claims. school_id and esc_id are the employee's when the log was made (the
// queues filter and total by them). problem_report_id: the report the hours were spent on, if any.
export const compensationLog = pgTable(
  "compensation_log",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    employeeId: integer()
      .notNull()
      .references(() => employee.id),
    schoolId: integer().references(() => school.id),
    escId: integer().references(() => esc.id),
    workDate: date({ mode: "string" }).notNull(),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
    minutes: integer().notNull(),
    countedMinutes: integer().notNull(),
    category: compensationCategory().notNull(),
    outageId: integer().references(() => outage.id),
    problemReportId: integer().references(() => problemReport.id),
    description: text().notNull(),
    state: compensationState().notNull().default("DRAFT"),
    version: integer().notNull().default(1),
    adjustsLogId: integer().references((): AnyPgColumn => compensationLog.id),
    payPeriodId: integer().references(() => payPeriod.id),
    flagged: boolean().notNull().default(false),
    reason: text(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    submittedAt: timestamp({ withTimezone: true }),
    certifiedById: integer().references(() => employee.id),
    certifiedAt: timestamp({ withTimezone: true }),
    decidedById: integer().references(() => employee.id),
    decidedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index("compensation_log_employee_idx").on(t.employeeId, t.workDate),
    index("compensation_log_state_idx").on(t.state, t.submittedAt),
    index("compensation_log_school_idx").on(t.schoolId, t.state),
    index("compensation_log_esc_idx").on(t.escId, t.state),
    check("compensation_log_ends_after_start", sql`${t.endsAt} > ${t.startsAt}`),
    check("compensation_log_minutes", sql`${t.countedMinutes} > 0 and ${t.countedMinutes} <= ${t.minutes}`),
    check("compensation_log_description_not_blank", sql`length(trim(${t.description})) > 0`),
  ],
);

// Append-only (migration 0019): every step of a log, who took it, when, from which state to which.
export const compensationLogHistory = pgTable(
  "compensation_log_history",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    logId: integer()
      .notNull()
      .references(() => compensationLog.id),
    fromState: compensationState(),
    toState: compensationState().notNull(),
    reason: text(),
    ...historyColumns(),
  },
  (t) => [index("compensation_log_history_log_idx").on(t.logId, t.changedAt)],
);

// One row (id 1): the window the district compensates, the daily cap, HR's budget and the hourly rates.
export const compensationSetting = pgTable(
  "compensation_setting",
  {
    id: serial().primaryKey(),
    windowStart: date({ mode: "string" }).notNull(),
    windowEnd: date({ mode: "string" }).notNull(),
    dailyCapMinutes: integer().notNull(),
    budgetCents: bigint({ mode: "number" }).notNull(),
    rates: jsonb().$type<Record<string, number>>().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
    updatedById: integer().references(() => employee.id),
  },
  (t) => [check("compensation_setting_window", sql`${t.windowStart} <= ${t.windowEnd}`), check("compensation_setting_cap", sql`${t.dailyCapMinutes} > 0`)],
);
