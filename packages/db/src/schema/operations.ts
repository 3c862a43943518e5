import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgTable, text, time, timestamp } from "drizzle-orm/pg-core";
import { outageKind } from "./enums.js";

export const outage = pgTable(
  "outage",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    kind: outageKind().notNull(),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
    description: text().notNull(),
  },
  (t) => [
    index("outage_starts_at_idx").on(t.startsAt),
    check("outage_ends_after_start", sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

// A recurring daily window, in local wall-clock time of `timeZone`.
export const maintenanceWindow = pgTable(
  "maintenance_window",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    name: text().notNull(),
    startsAtLocal: time().notNull(),
    endsAtLocal: time().notNull(),
    timeZone: text().notNull().default("America/Los_Angeles"),
    active: boolean().notNull().default(true),
    description: text().notNull().default(""),
  },
  (t) => [check("maintenance_window_order", sql`${t.startsAtLocal} < ${t.endsAtLocal}`)],
);

// Key/value facts about the installation, such as the demo clock's start.
export const districtSetting = pgTable("district_setting", {
  key: text().primaryKey(),
  value: text().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
