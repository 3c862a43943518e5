import { cellKey, newOperationId, type PendingChange, type ServerMark } from "./outbox-store";

/** What to write to the outbox: rows to put and operation ids to delete. */
export interface OutboxEdit {
  put: PendingChange[];
  del: string[];
}

export interface Cell {
  periodId: string;
  sectionId: string;
  studentId: string;
  gradingItemId: string;
}

const forCell = (ops: PendingChange[], key: string) => ops.filter((o) => cellKey(o) === key).sort((a, b) => a.seq - b.seq);

/**
 * A new value typed into a cell. An unsent change to the same cell is rewritten in place (it never left
 * the browser); a change already sent stays as it is, and the new one waits for its result so that it
 * replaces the version that change produces instead of conflicting with it.
 */
export function planEnqueue(
  ops: PendingChange[],
  cell: Cell,
  value: string,
  knownVersion: number | null,
  ctx: { userId: string; seq: number; now: Date },
): OutboxEdit {
  const existing = forCell(ops, cellKey(cell));
  const last = existing[existing.length - 1];
  if (last && !last.sent) {
    if (last.value === value && last.state === "pending") return { put: [], del: [] };
    // A conflict being answered by typing: the teacher chose their new value over the other one.
    const baseVersion = last.state === "conflict" && last.theirs ? last.theirs.version : last.baseVersion;
    return {
      put: [{ ...last, operationId: newOperationId(), value, baseVersion, state: "pending", reason: undefined, theirs: undefined, clientEnteredAt: ctx.now.toISOString() }],
      del: [last.operationId],
    };
  }
  const base = {
    operationId: newOperationId(),
    userId: ctx.userId,
    seq: ctx.seq,
    ...cell,
    value,
    sent: false,
    clientEnteredAt: ctx.now.toISOString(),
    state: "pending" as const,
  };
  if (last) return { put: [{ ...base, baseVersion: null, waitsFor: last.operationId }], del: [] };
  return { put: [{ ...base, baseVersion: knownVersion, waitsFor: null }], del: [] };
}

/** The changes to send now: the oldest ready change of each cell, in entry order. */
export function sendable(ops: PendingChange[], max: number): PendingChange[] {
  return ops
    .filter((o) => o.state === "pending" && o.waitsFor === null)
    .sort((a, b) => a.seq - b.seq)
    .slice(0, max);
}

export interface SaveResult {
  operationId: string;
  status: "SAVED" | "CONFLICT" | "REJECTED";
  reason?: string | null;
  mark?: ServerMark | null;
}

/** The server's answer to one sent change. */
export function planResult(ops: PendingChange[], op: PendingChange, result: SaveResult): OutboxEdit {
  const next = ops.find((o) => o.waitsFor === op.operationId);
  if (result.status === "SAVED") {
    const put = next ? [{ ...next, waitsFor: null, baseVersion: result.mark?.version ?? next.baseVersion }] : [];
    return { put, del: [op.operationId] };
  }
  if (result.status === "CONFLICT") {
    // The teacher's newest value for the cell is the one to decide about.
    const mine = next ?? op;
    const put = [{ ...mine, waitsFor: null, sent: false, state: "conflict" as const, reason: result.reason ?? undefined, theirs: result.mark ?? undefined }];
    return { put, del: next ? [op.operationId] : [] };
  }
  if (next) {
    // This value was refused, but a newer one waits: it replaces the same version this one would have.
    return { put: [{ ...next, waitsFor: null, baseVersion: op.baseVersion }], del: [op.operationId] };
  }
  return { put: [{ ...op, state: "rejected", reason: result.reason ?? "Refused by the server" }], del: [] };
}

/** The teacher's answer to a conflict: keep their value over the other one, or take the other one. */
export function planResolve(op: PendingChange, choice: "mine" | "theirs"): OutboxEdit {
  if (choice === "theirs" || !op.theirs) return { put: [], del: [op.operationId] };
  return {
    put: [{ ...op, operationId: newOperationId(), baseVersion: op.theirs.version, waitsFor: null, sent: false, state: "pending", reason: undefined, theirs: undefined }],
    del: [op.operationId],
  };
}

export function apply(ops: PendingChange[], edit: OutboxEdit): PendingChange[] {
  const gone = new Set([...edit.del, ...edit.put.map((p) => p.operationId)]);
  return [...ops.filter((o) => !gone.has(o.operationId)), ...edit.put];
}

/** The honest header: everything saved, or how many changes are not yet, and how many cells were refused (here or by the server). */
export function summary(ops: PendingChange[], refusedHere = 0): string {
  if (ops.length === 0 && refusedHere === 0) return "All changes saved";
  const conflicts = ops.filter((o) => o.state === "conflict").length;
  const refused = ops.filter((o) => o.state === "rejected").length + refusedHere;
  const parts = ops.length ? [`${ops.length} ${ops.length === 1 ? "change" : "changes"} not yet saved`] : [];
  if (conflicts) parts.push(`${conflicts} ${conflicts === 1 ? "needs" : "need"} your decision`);
  if (refused) parts.push(`${refused} refused`);
  if (!ops.length) parts.push("every other change saved");
  return parts.join(" · ");
}
