import { sql } from "drizzle-orm";
import { type AnyPgColumn, bigint, check, date, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { mark, reportingPeriod } from "./marks.js";
import { employee, school } from "./organisation.js";
import { problemReport } from "./problem-reports.js";
import { section } from "./students.js";

export const markSource = pgEnum("mark_source", ["GRID", "IMPORT", "API", "RESTORE"]);

// Append-only: the application role may insert and read, never update or delete (see migration 0004).
export const markHistory = pgTable(
  "mark_history",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    markId: bigint({ mode: "number" })
      .notNull()
      .references(() => mark.id),
    schoolId: integer()
      .notNull()
      .references(() => school.id),
    sectionId: integer().notNull(),
    oldValue: text(),
    newValue: text().notNull(),
    oldComment: text(),
    newComment: text(),
    version: integer().notNull(),
    changedById: integer()
      .notNull()
      .references(() => employee.id),
    changedAt: timestamp({ withTimezone: true }).notNull(),
    clientEnteredAt: timestamp({ withTimezone: true }),
    source: markSource().notNull(),
    operationId: text(),
    requestId: text(),
  },
  (t) => [index("mark_history_mark_idx").on(t.markId, t.version), index("mark_history_school_idx").on(t.schoolId, t.changedAt)],
);

// One row per (employee, client operation id): a replay returns the stored result and changes nothing.
export const markOperation = pgTable(
  "mark_operation",
  {
    actorId: integer()
      .notNull()
      .references(() => employee.id),
    operationId: text().notNull(),
    payloadHash: text().notNull(),
    result: jsonb().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.actorId, t.operationId] })],
);

export const deadlineExtension = pgTable(
  "deadline_extension",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    periodId: integer()
      .notNull()
      .references(() => reportingPeriod.id),
    schoolId: integer()
      .notNull()
      .references(() => school.id),
    sectionId: integer().references(() => section.id),
    extendedTo: date({ mode: "string" }).notNull(),
    reason: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    // Null only for extensions recorded before who granted them was kept.
    grantedById: integer().references(() => employee.id),
    // The problem report whose extension request this extension approves (issue 10), if any.
    problemReportId: integer().references((): AnyPgColumn => problemReport.id),
  },
  (t) => [
    index("deadline_extension_lookup_idx").on(t.periodId, t.schoolId),
    check("deadline_extension_reason_not_blank", sql`length(trim(${t.reason})) > 0`),
  ],
);

// Append-only, one row per move of a period's deadline (times on the district clock). A trigger (migration
// 0009_as_of_rules) copies the latest row's `toDeadline` into reporting_period.current_deadline.
export const deadlineChange = pgTable(
  "deadline_change",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    periodId: integer()
      .notNull()
      .references(() => reportingPeriod.id, { onDelete: "cascade" }),
    fromDeadline: date({ mode: "string" }).notNull(),
    toDeadline: date({ mode: "string" }).notNull(),
    reason: text().notNull(),
    // Null only for changes made before who changed a deadline was kept.
    changedById: integer().references(() => employee.id),
    changedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    index("deadline_change_period_idx").on(t.periodId, t.changedAt),
    check("deadline_change_reason_not_blank", sql`length(trim(${t.reason})) > 0`),
  ],
);

// Append-only: every create, edit and delete of an outage or a maintenance window, as the row before and
// after (null before = created, null after = deleted), so a replay can tell which were in force at a past
// instant. Rows without any change here are as they were first loaded (the seed's).
export const operationsChange = pgTable(
  "operations_change",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    entity: text().notNull(),
    entityId: integer().notNull(),
    fromState: jsonb(),
    toState: jsonb(),
    changedById: integer()
      .notNull()
      .references(() => employee.id),
    changedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    index("operations_change_entity_idx").on(t.entity, t.entityId, t.changedAt),
    check("operations_change_entity_known", sql`${t.entity} in ('outage', 'maintenance_window')`),
    check("operations_change_has_state", sql`${t.fromState} is not null or ${t.toState} is not null`),
  ],
);
