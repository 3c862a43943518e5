import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  check,
  index,
  integer,
  pgTable,
  text,
  time,
  timestamp,
} from "drizzle-orm/pg-core";
import { employeeRole, schoolLevel } from "./enums.js";

export const esc = pgTable("esc", {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  code: text().notNull().unique(),
  name: text().notNull(),
});

export const school = pgTable(
  "school",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    locationCode: text().notNull().unique(),
    name: text().notNull(),
    level: schoolLevel().notNull(),
    escId: integer()
      .notNull()
      .references(() => esc.id),
    principalId: integer().references((): AnyPgColumn => employee.id, { onDelete: "set null" }),
    enrollment: integer().notNull().default(0),
  },
  (t) => [
    index("school_esc_idx").on(t.escId),
    index("school_principal_idx").on(t.principalId),
    index("school_name_idx").on(t.name),
    check("school_enrollment_nonnegative", sql`${t.enrollment} >= 0`),
    check("school_location_code_format", sql`${t.locationCode} ~ '^[0-9]{4}$'`),
  ],
);

export const employee = pgTable(
  "employee",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    employeeNumber: text().notNull().unique(),
    firstName: text().notNull(),
    lastName: text().notNull(),
    email: text().notNull().unique(),
    role: employeeRole().notNull(),
    schoolId: integer().references((): AnyPgColumn => school.id),
    escId: integer().references(() => esc.id),
    workdayStart: time().notNull().default("07:30"),
    workdayEnd: time().notNull().default("15:30"),
    active: boolean().notNull().default(true),
    passwordHash: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("employee_school_idx").on(t.schoolId),
    index("employee_esc_idx").on(t.escId),
    index("employee_role_idx").on(t.role),
    index("employee_last_name_idx").on(t.lastName, t.firstName),
    check(
      "employee_scope_matches_role",
      sql`(${t.role} not in ('TEACHER', 'PRINCIPAL') or ${t.schoolId} is not null)
        and (${t.role} not in ('ESC_DIRECTOR', 'INSTRUCTIONAL_SUPERINTENDENT') or ${t.escId} is not null)`,
    ),
    check("employee_workday_order", sql`${t.workdayStart} < ${t.workdayEnd}`),
  ],
);
