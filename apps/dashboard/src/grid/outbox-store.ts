import { type DBSchema, type IDBPDatabase, openDB } from "idb";

/** A mark change typed by the teacher and not yet acknowledged by the server. */
export interface PendingChange {
  operationId: string;
  userId: string;
  /** Entry order: changes are sent oldest first. */
  seq: number;
  sectionId: string;
  periodId: string;
  studentId: string;
  gradingItemId: string;
  value: string;
  /** The version this change replaces (null: a mark the teacher had not seen saved). */
  baseVersion: number | null;
  /** Set while an earlier change to the same cell is still unacknowledged; the version comes from its result. */
  waitsFor: string | null;
  /** Once sent, the payload is frozen so that a resend is a true replay of the same operation. */
  sent: boolean;
  clientEnteredAt: string;
  state: "pending" | "conflict" | "rejected";
  reason?: string;
  /** For a conflict: the mark someone else saved. */
  theirs?: ServerMark;
}

export interface ServerMark {
  id: string;
  periodId: string;
  studentId: string;
  gradingItemId: string;
  value: string;
  version: number;
  updatedAt: string;
  enteredBy: string | null;
}

export interface GridSnapshot {
  key: string;
  storedAt: string;
  data: unknown;
}

interface OutboxDb extends DBSchema {
  outbox: { key: string; value: PendingChange; indexes: { byUser: string } };
  snapshots: { key: string; value: GridSnapshot };
}

let dbPromise: Promise<IDBPDatabase<OutboxDb>> | undefined;

/** The browser's durable store: survives a reload, a crash and a lost network. */
export function outboxDb(): Promise<IDBPDatabase<OutboxDb>> {
  dbPromise ??= openDB<OutboxDb>("gradewatch", 1, {
    upgrade(db) {
      db.createObjectStore("outbox", { keyPath: "operationId" }).createIndex("byUser", "userId");
      db.createObjectStore("snapshots", { keyPath: "key" });
    },
  });
  return dbPromise;
}

export const cellKey = (c: { periodId: string; sectionId: string; studentId: string; gradingItemId: string }) =>
  `${c.periodId}:${c.sectionId}:${c.studentId}:${c.gradingItemId}`;

/** A random operation id (crypto.randomUUID needs a secure context; getRandomValues does not). */
export function newOperationId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

export async function saveSnapshot(key: string, data: unknown): Promise<void> {
  await (await outboxDb()).put("snapshots", { key, data, storedAt: new Date().toISOString() });
}

export async function loadSnapshot(key: string): Promise<GridSnapshot | undefined> {
  return (await outboxDb()).get("snapshots", key);
}
