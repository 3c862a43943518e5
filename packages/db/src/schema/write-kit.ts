import { integer, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { employee } from "./organisation.js";

// The write kit's idempotency record, for every kind of write but marks (gw_save_marks keeps mark_operation,
// which has the same columns less `kind`): one row per (kind, employee, client operation id).
export const writeOperation = pgTable(
  "write_operation",
  {
    kind: text().notNull(),
    actorId: integer()
      .notNull()
      .references(() => employee.id),
    operationId: text().notNull(),
    payloadHash: text().notNull(),
    result: jsonb().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.actorId, t.operationId] })],
);

/**
 * The columns every append-only history table shares (who, when, how, which operation and request); a
 * history table spreads them beside its own "from" and "to" columns. mark_history has the same columns
 * (its source is the mark_source enum).
 */
export const historyColumns = () => ({
  changedById: integer()
    .notNull()
    .references(() => employee.id),
  changedAt: timestamp({ withTimezone: true }).notNull(),
  source: text().notNull(),
  operationId: text(),
  requestId: text(),
});

/** One change as a history row records it: who, when, from where, from what to what. */
export interface HistoryRecord<State> {
  changedById: number;
  changedAt: Date;
  source: string;
  operationId: string | null;
  requestId: string | null;
  from: State | null;
  to: State;
}
