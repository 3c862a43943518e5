import crypto from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Db } from "@gradewatch/db";
import { markOperation, writeOperation } from "@gradewatch/db/schema";

/**
 * The write kit: what every write that matters needs, inside the change's transaction.
 * - idempotent: once(...) runs a change once per (kind, actor, operation id) and answers a retry with the
 *   stored result; the same id with a different payload is refused;
 * - versioned: expectVersion(...) turns a stale expected version into a CONFLICT carrying the current state;
 * - recorded: a history table spreads historyColumns() (@gradewatch/db/schema) beside its from/to columns.
 */

export interface Operation {
  kind: string;
  actorId: number;
  operationId: string;
  /** What the client asked for: a retry must send the same. */
  payload: unknown;
  now: Date;
}

interface StoredOperation {
  payloadHash: string;
  result: unknown;
}

/** Where operations of a kind are recorded. */
export interface OperationStore {
  find(db: Db, op: Operation): Promise<StoredOperation | undefined>;
  /**
   * Takes the operation id before the change runs (the result comes with finish). False when another
   * transaction holds it: PostgreSQL makes this insert wait until that one ends, so the id is then stored.
   */
  claim(db: Db, op: Operation, payloadHash: string): Promise<boolean>;
  finish(db: Db, op: Operation, result: unknown): Promise<void>;
}

/** write_operation, keyed by kind: the store for every kind but marks. */
export const writeOperationStore: OperationStore = {
  async find(db, op) {
    const [row] = await db
      .select({ payloadHash: writeOperation.payloadHash, result: writeOperation.result })
      .from(writeOperation)
      .where(key(op));
    return row;
  },
  async claim(db, op, payloadHash) {
    const claimed = await db
      .insert(writeOperation)
      .values({ kind: op.kind, actorId: op.actorId, operationId: op.operationId, payloadHash, result: {}, createdAt: op.now })
      .onConflictDoNothing()
      .returning({ kind: writeOperation.kind });
    return claimed.length === 1;
  },
  async finish(db, op, result) {
    await db.update(writeOperation).set({ result }).where(key(op));
  },
};

const key = (op: Operation) => and(eq(writeOperation.kind, op.kind), eq(writeOperation.actorId, op.actorId), eq(writeOperation.operationId, op.operationId));
const markKey = (op: Operation) => and(eq(markOperation.actorId, op.actorId), eq(markOperation.operationId, op.operationId));

/** mark_operation, which gw_save_marks reads and writes too: marks keep it so both paths see each other's operations. */
export const markOperationStore: OperationStore = {
  async find(db, op) {
    const [row] = await db.select({ payloadHash: markOperation.payloadHash, result: markOperation.result }).from(markOperation).where(markKey(op));
    return row;
  },
  async claim(db, op, payloadHash) {
    const claimed = await db
      .insert(markOperation)
      .values({ actorId: op.actorId, operationId: op.operationId, payloadHash, result: {}, createdAt: op.now })
      .onConflictDoNothing()
      .returning({ actorId: markOperation.actorId });
    return claimed.length === 1;
  },
  async finish(db, op, result) {
    await db.update(markOperation).set({ result }).where(markKey(op));
  },
};

export const payloadHash = (payload: unknown) => crypto.createHash("sha256").update(JSON.stringify(payload)).digest("hex");

export type Once<R> =
  | { status: "DONE"; result: R; replayed: false }
  /** Seen before with the same payload: the first result, and nothing changed now. */
  | { status: "REPLAYED"; result: R; replayed: true }
  /** Seen before with a different payload: nothing done. */
  | { status: "REUSED"; replayed: false };

/** What was stored for this operation, if anything. Results come back as JSON: dates are strings. */
export async function previous<R>(db: Db, op: Operation, store: OperationStore = writeOperationStore): Promise<Once<R> | undefined> {
  const stored = await store.find(db, op);
  if (!stored) return undefined;
  if (stored.payloadHash !== payloadHash(op.payload)) return { status: "REUSED", replayed: false };
  return { status: "REPLAYED", result: stored.result as R, replayed: true };
}

/**
 * Runs `change` once per operation, in a savepoint of `db` (the request's transaction) together with the
 * record of its result. Whatever `change` returns is the result a retry gets, refusals included. The
 * operation id is claimed first, so the same operation arriving on another connection at the same moment
 * waits, then answers as a replay, and never runs its change.
 */
export async function once<R>(db: Db, op: Operation, change: (tx: Db) => Promise<R>, store: OperationStore = writeOperationStore): Promise<Once<R>> {
  const before = await previous<R>(db, op, store);
  if (before) return before;
  return db.transaction(async (sp) => {
    const tx = sp as unknown as Db;
    if (!(await store.claim(tx, op, payloadHash(op.payload)))) return (await previous<R>(tx, op, store))!;
    const result = await change(tx);
    await store.finish(tx, op, result);
    return { status: "DONE" as const, result, replayed: false as const };
  });
}

/** The shared history columns of a change (historyColumns in @gradewatch/db/schema), beside which a row adds its from and to. */
export function recorded<Source extends string>(by: { actorId: number; now: Date; source: Source; operationId?: string | null; requestId?: string | null }) {
  return { changedById: by.actorId, changedAt: by.now, source: by.source, operationId: by.operationId ?? null, requestId: by.requestId ?? null };
}

// Versioned: the rulebook's expectVersion (CONFLICT carrying the current state), here so a feature finds the kit in one place.
export { expectVersion, type VersionCheck } from "@gradewatch/domain";
