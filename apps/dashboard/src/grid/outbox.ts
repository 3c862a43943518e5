import { client } from "../dataProvider/client";
import { waitForSignInAgain } from "../dataProvider/session";
import { rememberSaved } from "./grid-data";
import { apply, type Cell, type OutboxEdit, planEnqueue, planResolve, planResult, type SaveResult, sendable } from "./outbox-logic";
import { outboxDb, type PendingChange, type ServerMark } from "./outbox-store";
import { laTime } from "./time";

const BATCH = 100;
const CLOCK_OFFSET_KEY = "gradewatch.clockOffsetMs";
const MAX_BACKOFF_MS = 15_000;

const SAVE = `mutation SaveMarks($items: [SaveMarkInput!]!) {
  saveMarks(items: $items, source: GRID) {
    operationId status code reason replayed
    mark { id periodId studentId gradingItemId value version updatedAt enteredBy { fullName } }
  }
}`;

export interface OutboxStatus {
  /** Why nothing is being sent right now, in words a teacher understands; null while all is well. */
  problem: string | null;
  sending: boolean;
}

type RawMark = Omit<ServerMark, "enteredBy"> & { enteredBy: { fullName: string } | null };
const toServerMark = (m: RawMark | null | undefined): ServerMark | null =>
  m ? { ...m, enteredBy: m.enteredBy?.fullName ?? null } : null;

/**
 * One signed-in user's durable outbox. Every change is written to IndexedDB before anything else
 * happens, sent in entry order with its operation id, and removed only once the server has answered
 * for it (the server replies after its transaction commits). Unanswered changes are resent with the
 * same ids, so a retry never duplicates.
 */
export class Outbox {
  private ops: PendingChange[] = [];
  private status: OutboxStatus = { problem: null, sending: false };
  private listeners = new Set<() => void>();
  private savedListeners = new Set<(mark: ServerMark) => void>();
  private ready: Promise<void>;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private failures = 0;
  private seq = Date.now();
  private snapshot: { ops: PendingChange[]; status: OutboxStatus } = { ops: [], status: this.status };
  private queue: Promise<unknown> = Promise.resolve();

  /** Reads and writes of the outbox happen one at a time, so that no plan works from a stale list. */
  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.queue.then(fn, fn);
    this.queue = next.catch(() => undefined);
    return next;
  }

  constructor(readonly userId: string) {
    this.ready = outboxDb()
      .then((db) => db.getAllFromIndex("outbox", "byUser", userId))
      .then((rows) => {
        this.ops = rows;
        this.seq = Math.max(this.seq, ...rows.map((r) => r.seq + 1));
        this.emit();
        this.schedule(0);
      });
    window.addEventListener("online", () => this.schedule(0));
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  /** Immutable view for useSyncExternalStore. */
  getSnapshot = () => this.snapshot;

  /**
   * The district clock minus this device's clock. Changes are stamped with the time the teacher typed
   * them on the district's clock, so the outage report can compare it with when the server saved them.
   */
  setClockOffset(ms: number) {
    localStorage.setItem(CLOCK_OFFSET_KEY, String(ms));
  }

  private districtNow(): Date {
    return new Date(Date.now() + (Number(localStorage.getItem(CLOCK_OFFSET_KEY)) || 0));
  }

  onSaved(listener: (mark: ServerMark) => void): () => void {
    this.savedListeners.add(listener);
    return () => void this.savedListeners.delete(listener);
  }


  async enqueue(cell: Cell, value: string, knownVersion: number | null) {
    await this.ready;
    await this.serial(() => this.commit(planEnqueue(this.ops, cell, value, knownVersion, { userId: this.userId, seq: this.seq++, now: this.districtNow() })));
    this.schedule(300);
  }

  async resolve(operationId: string, choice: "mine" | "theirs") {
    const op = await this.serial(async () => {
      const found = this.ops.find((o) => o.operationId === operationId);
      if (found) await this.commit(planResolve(found, choice));
      return found;
    });
    if (!op) return;
    if (choice === "theirs" && op.theirs) this.savedListeners.forEach((l) => l(op.theirs!));
    this.schedule(0);
  }

  /** Try again now (after a network change, or when the teacher asks). */
  retryNow() {
    this.failures = 0;
    this.schedule(0);
  }

  private async commit(edit: OutboxEdit) {
    if (edit.put.length === 0 && edit.del.length === 0) return;
    const db = await outboxDb();
    const tx = db.transaction("outbox", "readwrite");
    await Promise.all([...edit.del.map((id) => tx.store.delete(id)), ...edit.put.map((row) => tx.store.put(row)), tx.done]);
    this.ops = apply(this.ops, edit);
    this.emit();
  }

  private emit() {
    this.snapshot = { ops: this.ops, status: this.status };
    this.listeners.forEach((l) => l());
  }

  private setStatus(next: Partial<OutboxStatus>) {
    this.status = { ...this.status, ...next };
    this.emit();
  }

  private schedule(delayMs: number) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), delayMs);
  }

  private backoff(problem: string, retryAfterMs?: number) {
    this.failures += 1;
    const delay = retryAfterMs ?? Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.min(this.failures - 1, 4));
    this.setStatus({ problem, sending: false });
    this.schedule(delay);
  }

  private async flush(): Promise<void> {
    try {
      await this.flushOnce();
    } catch (err) {
      this.backoff(`Changes could not be sent (${err instanceof Error ? err.message : String(err)}); they are kept on this device.`);
    }
  }

  private async flushOnce(): Promise<void> {
    await this.ready;
    if (this.status.sending) return;
    this.status = { ...this.status, sending: true };
    const batch = await this.serial(async () => {
      const ready = sendable(this.ops, BATCH);
      // Freeze the payload before it leaves: a resend after a crash must be the same operation.
      await this.commit({ put: ready.filter((o) => !o.sent).map((o) => ({ ...o, sent: true })), del: [] });
      return ready;
    });
    if (batch.length === 0) {
      this.setStatus({ sending: false, problem: null });
      return;
    }
    this.setStatus({ sending: true });
    const items = batch.map((o) => ({
      operationId: o.operationId,
      periodId: o.periodId,
      sectionId: o.sectionId,
      studentId: o.studentId,
      gradingItemId: o.gradingItemId,
      value: o.value,
      baseVersion: o.baseVersion,
      clientEnteredAt: o.clientEnteredAt,
    }));
    let result;
    try {
      result = await client.mutation<{ saveMarks: (SaveResult & { mark: RawMark | null })[] }>(SAVE, { items }).toPromise();
    } catch {
      return this.backoff("The server cannot be reached. Your changes are kept on this device.");
    }
    const response = result.error?.response as Response | undefined;
    const httpStatus = response?.status;
    if (result.error && !result.data?.saveMarks) {
      const code = String(result.error.graphQLErrors[0]?.extensions?.code ?? "");
      if (httpStatus === 503 || code === "MAINTENANCE") {
        const retryAfter = Number(response?.headers.get("retry-after") ?? "30");
        const until = new Date(this.districtNow().getTime() + retryAfter * 1000);
        return this.backoff(
          `Maintenance: changes are kept on this device and sent at ${laTime(until)} (Los Angeles time).`,
          Math.max(1, retryAfter) * 1000,
        );
      }
      if (httpStatus === 401 || code === "UNAUTHENTICATED") {
        // The layout asks for the password over the grid; the changes go out as soon as it is given.
        void waitForSignInAgain().then((again) => again && this.retryNow());
        return this.backoff("Your session has ended. Sign in again to send the changes kept on this device.", 30_000);
      }
      if (result.error.networkError || !httpStatus || httpStatus >= 500) {
        return this.backoff("The server cannot be reached. Your changes are kept on this device.");
      }
      // The server refused the whole batch: keep every change, marked refused with the reason.
      const reason = result.error.graphQLErrors[0]?.message ?? "Refused by the server";
      await this.serial(() => this.commit({ put: batch.map((op) => ({ ...op, sent: true, state: "rejected" as const, reason })), del: [] }));
      this.failures = 0;
      this.setStatus({ sending: false, problem: null });
      return;
    }
    const saved: { sectionId: string; mark: ServerMark }[] = [];
    for (const r of result.data!.saveMarks) {
      const mark = toServerMark(r.mark);
      const op = await this.serial(async () => {
        const found = this.ops.find((o) => o.operationId === r.operationId);
        if (found) await this.commit(planResult(this.ops, found, { ...r, mark }));
        return found;
      });
      if (op && r.status === "SAVED" && mark) {
        this.savedListeners.forEach((l) => l(mark));
        saved.push({ sectionId: op.sectionId, mark });
      }
    }
    for (const sectionId of new Set(saved.map((s) => s.sectionId))) {
      await rememberSaved(this.userId, sectionId, saved.filter((s) => s.sectionId === sectionId).map((s) => s.mark)).catch(() => undefined);
    }
    this.failures = 0;
    this.setStatus({ sending: false, problem: null });
    if (sendable(this.ops, 1).length > 0) this.schedule(0);
  }
}

const outboxes = new Map<string, Outbox>();

/** The outbox of the signed-in user; one per user and browser. */
export function outboxFor(userId: string): Outbox {
  let box = outboxes.get(userId);
  if (!box) {
    box = new Outbox(userId);
    outboxes.set(userId, box);
  }
  return box;
}
