import { index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { employee } from "./organisation.js";

export const session = pgTable(
  "session",
  {
    id: uuid().primaryKey().defaultRandom(),
    employeeId: integer()
      .notNull()
      .references(() => employee.id, { onDelete: "cascade" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("session_employee_idx").on(t.employeeId)],
);

// Failed sign-ins, kept briefly, to slow and then refuse guessing per account and per address.
export const signInFailure = pgTable(
  "sign_in_failure",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    email: text().notNull(),
    address: text().notNull(),
    failedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index("sign_in_failure_email_idx").on(t.email, t.failedAt), index("sign_in_failure_address_idx").on(t.address, t.failedAt)],
);
