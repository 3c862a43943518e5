import { sql } from "drizzle-orm";
import { type AnyPgColumn, bigint, boolean, check, date, index, integer, jsonb, pgEnum, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { REPORT_CATEGORIES, REPORT_SEVERITIES, REPORT_STATES } from "@gradewatch/domain";
import { deadlineExtension } from "./history.js";
import { reportingPeriod } from "./marks.js";
import { outage } from "./operations.js";
import { employee, school } from "./organisation.js";
import { section } from "./students.js";
import { historyColumns } from "./write-kit.js";

export const reportCategory = pgEnum("report_category", REPORT_CATEGORIES);
export const reportSeverity = pgEnum("report_severity", REPORT_SEVERITIES);
export const reportState = pgEnum("report_state", REPORT_STATES);
export const extensionRequestStatus = pgEnum("extension_request_status", ["PENDING", "APPROVED", "DECLINED"]);

// A school's problem report to its ESC (issue 10). The workflow's timeline is problem_report_history; the
// row keeps the current state and the SLA facts a queue sorts and filters by.
export const problemReport = pgTable(
  "problem_report",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    schoolId: integer()
      .notNull()
      .references(() => school.id),
    periodId: integer().references(() => reportingPeriod.id),
    filedById: integer()
      .notNull()
      .references(() => employee.id),
    category: reportCategory().notNull(),
    severity: reportSeverity().notNull(),
    title: text().notNull(),
    description: text().notNull(),
    outageId: integer().references(() => outage.id),
    // Affected sections and teachers of the school (checked by the service on filing).
    sectionIds: integer().array().notNull().default(sql`'{}'::integer[]`),
    teacherIds: integer().array().notNull().default(sql`'{}'::integer[]`),
    // An extension request: to a date, with a reason; for the whole school or one section.
    extensionRequestedTo: date({ mode: "string" }),
    extensionRequestReason: text(),
    extensionSectionId: integer().references(() => section.id),
    extensionStatus: extensionRequestStatus(),
    extensionDecisionReason: text(),
    extensionDecidedById: integer().references(() => employee.id),
    extensionDecidedAt: timestamp({ withTimezone: true }),
    deadlineExtensionId: integer().references((): AnyPgColumn => deadlineExtension.id),
    state: reportState().notNull().default("NEW"),
    version: integer().notNull().default(1),
    assigneeId: integer().references(() => employee.id),
    filedAt: timestamp({ withTimezone: true }).notNull(),
    acknowledgedAt: timestamp({ withTimezone: true }),
    resolvedAt: timestamp({ withTimezone: true }),
    // The current SLA clock's due instant, recomputed on every change; null when paused or resolved.
    slaDueAt: timestamp({ withTimezone: true }),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    index("problem_report_school_idx").on(t.schoolId, t.state),
    index("problem_report_sla_due_idx").on(t.slaDueAt, t.id),
    index("problem_report_assignee_idx").on(t.assigneeId),
    check("problem_report_title_not_blank", sql`length(trim(${t.title})) > 0`),
    check(
      "problem_report_extension_request_complete",
      sql`(${t.extensionRequestedTo} is null) = (${t.extensionStatus} is null) and (${t.extensionRequestedTo} is null or length(trim(coalesce(${t.extensionRequestReason}, ''))) > 0)`,
    ),
    check("problem_report_decline_has_reason", sql`${t.extensionStatus} is distinct from 'DECLINED' or length(trim(coalesce(${t.extensionDecisionReason}, ''))) > 0`),
  ],
);

// A comment on a report: a reply both sides see, or an internal note only the ESC and the district see.
export const problemReportComment = pgTable(
  "problem_report_comment",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    reportId: integer()
      .notNull()
      .references(() => problemReport.id),
    schoolId: integer()
      .notNull()
      .references(() => school.id),
    authorId: integer()
      .notNull()
      .references(() => employee.id),
    body: text().notNull(),
    internal: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index("problem_report_comment_report_idx").on(t.reportId, t.createdAt), check("problem_report_comment_not_blank", sql`length(trim(${t.body})) > 0`)],
);

// Append-only (gw_make_append_only): every change of a report, the write kit's history shape.
export const problemReportHistory = pgTable(
  "problem_report_history",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    reportId: integer()
      .notNull()
      .references(() => problemReport.id),
    schoolId: integer()
      .notNull()
      .references(() => school.id),
    action: text().notNull(),
    fromState: reportState(),
    toState: reportState().notNull(),
    version: integer().notNull(),
    detail: jsonb(),
    ...historyColumns(),
  },
  (t) => [index("problem_report_history_report_idx").on(t.reportId, t.version)],
);

// In-app notifications, one per recipient.
export const notification = pgTable(
  "notification",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    recipientId: integer()
      .notNull()
      .references(() => employee.id),
    reportId: integer().references(() => problemReport.id),
    kind: text().notNull(),
    message: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    readAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("notification_recipient_idx").on(t.recipientId, t.readAt, t.createdAt)],
);

// SLA targets per severity in school minutes; district administrators change them. The defaults are the rulebook's DEFAULT_SLA.
export const slaSetting = pgTable(
  "sla_setting",
  {
    severity: reportSeverity().primaryKey(),
    acknowledgeMinutes: integer().notNull(),
    resolveMinutes: integer().notNull(),
    updatedById: integer().references(() => employee.id),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [check("sla_setting_positive", sql`${t.acknowledgeMinutes} > 0 and ${t.resolveMinutes} >= ${t.acknowledgeMinutes}`)],
);
