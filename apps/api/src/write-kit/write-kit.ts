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
  save(db: Db, op: Operation, payloadHash: string, result: unknown): Promise<void>;
  /** The primary key's constraint name: a concurrent duplicate violates it. */
  constraint: string;
}

/** write_operation, keyed by kind: the store for every kind but marks. */
export const writeOperationStore: OperationStore = {
  async find(db, op) {
    const [row] = await db
      .select({ payloadHash: writeOperation.payloadHash, result: writeOperation.result })
      .from(writeOperation)
      .where(and(eq(writeOperation.kind, op.kind), eq(writeOperation.actorId, op.actorId), eq(writeOperation.operationId, op.operationId)));
    return row;
  },
  async save(db, op, payloadHash, result) {
    await db.insert(writeOperation).values({ kind: op.kind, actorId: op.actorId, operationId: op.operationId, payloadHash, result, createdAt: op.now });
  },
  constraint: "write_operation_kind_actor_id_operation_id_pk",
};

/** mark_operation, which gw_save_marks reads and writes too: marks keep it so both paths see each other's operations. */
export const markOperationStore: OperationStore = {
  async find(db, op) {
    const [row] = await db
      .select({ payloadHash: markOperation.payloadHash, result: markOperation.result })
      .from(markOperation)
      .where(and(eq(markOperation.actorId, op.actorId), eq(markOperation.operationId, op.operationId)));
    return row;
  },
  async save(db, op, payloadHash, result) {
    await db.insert(markOperation).values({ actorId: op.actorId, operationId: op.operationId, payloadHash, result, createdAt: op.now });
  },
  constraint: "mark_operation_actor_id_operation_id_pk",
};

export const payloadHash = (payload: unknown) => crypto.createHash("sha256").update(JSON.stringify(payload)).digest("hex");

export type Once<R> =
  | { status: "DONE"; result: R; replayed: false }
  /** Seen before with the same payload: the first result, and nothing changed now. */
  | { status: "REPLAYED"; result: R; replayed: true }
  /** Seen before with a different payload: nothing done. */
  | { status: "REUSED"; replayed: false };

const isUniqueViolation = (err: unknown, constraint: string) => {
  for (let e = err as { cause?: unknown; code?: string; constraint?: string } | undefined, i = 0; e && i < 4; e = e.cause as never, i++) {
    if (e.code === "23505" && (e.constraint === constraint || String((e as Error).message).includes(constraint))) return true;
  }
  return false;
};

/** What was stored for this operation, if anything. Results come back as JSON: dates are strings. */
export async function previous<R>(db: Db, op: Operation, store: OperationStore = writeOperationStore): Promise<Once<R> | undefined> {
  const stored = await store.find(db, op);
  if (!stored) return undefined;
  if (stored.payloadHash !== payloadHash(op.payload)) return { status: "REUSED", replayed: false };
  return { status: "REPLAYED", result: stored.result as R, replayed: true };
}

/**
 * Runs `change` once per operation, in a savepoint of `db` (the request's transaction) together with the
 * record of its result. Whatever `change` returns is the result a retry gets, refusals included.
 */
export async function once<R>(db: Db, op: Operation, change: (tx: Db) => Promise<R>, store: OperationStore = writeOperationStore): Promise<Once<R>> {
  const before = await previous<R>(db, op, store);
  if (before) return before;
  try {
    return await db.transaction(async (sp) => {
      const tx = sp as unknown as Db;
      const result = await change(tx);
      await store.save(tx, op, payloadHash(op.payload), result);
      return { status: "DONE" as const, result, replayed: false as const };
    });
  } catch (err) {
    // The same operation arrived at the same moment on another connection: answer as its replay.
    if (!isUniqueViolation(err, store.constraint)) throw err;
    return (await previous<R>(db, op, store))!;
  }
}

/** The shared history columns of a change (historyColumns in @gradewatch/db/schema), beside which a row adds its from and to. */
export function recorded<Source extends string>(by: { actorId: number; now: Date; source: Source; operationId?: string | null; requestId?: string | null }) {
  return { changedById: by.actorId, changedAt: by.now, source: by.source, operationId: by.operationId ?? null, requestId: by.requestId ?? null };
}

// Versioned: the rulebook's expectVersion (CONFLICT carrying the current state), here so a feature finds the kit in one place.
export { expectVersion, type VersionCheck } from "@gradewatch/domain";
