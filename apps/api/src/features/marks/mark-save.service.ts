import { and, eq, isNull, sql } from "drizzle-orm";
import { checkMarkSave, conflictReason, decideMarkSave, effectiveDeadline, type MarkRejectionCode, type MarkSaveFacts, type MarkScale, scalesAllowing } from "@gradewatch/domain";
import type { Db } from "@gradewatch/db";
import {
  deadlineExtension,
  enrollment,
  gradingItem,
  mark,
  markHistory,
  reportingPeriod,
  section,
} from "@gradewatch/db/schema";
import type { Actor } from "../../access/actor.js";
import { sectionScope } from "../../access/scope.js";
import type { Context } from "../../graphql/context.js";
import { badInput, parseId } from "../../graphql/errors.js";
import type { SaveMarkInput } from "./mark-save.input.js";
import { markOperationStore, once, payloadHash, recorded } from "../../write-kit/write-kit.js";
import { getMark } from "./mark.service.js";
import { type SaveMarkResult, SaveStatus } from "./mark-save.type.js";

export const MAX_BATCH = 200;
export type MarkSource = "GRID" | "IMPORT" | "API" | "RESTORE";
type MarkRow = typeof mark.$inferSelect;

// What a retry must repeat; its hash is stored with the operation (and gw_save_marks compares it).
const markPayload = (item: SaveMarkInput) => [item.periodId, item.sectionId, item.studentId, item.gradingItemId, item.value, item.comment ?? null, item.baseVersion ?? null];

// Results are stored as JSON; bring the mark's timestamps back to Dates.
function withDates(stored: SaveMarkResult): SaveMarkResult {
  const m = stored.mark as (MarkRow & { enteredAt: string | Date; updatedAt: string | Date }) | null | undefined;
  return { ...stored, mark: m ? { ...m, enteredAt: new Date(m.enteredAt), updatedAt: new Date(m.updatedAt) } : null };
}

const revive = (stored: SaveMarkResult): SaveMarkResult => ({ ...withDates(stored), replayed: true });

const rejected = (item: SaveMarkInput, code: MarkRejectionCode, reason: string): SaveMarkResult => ({
  operationId: item.operationId,
  status: SaveStatus.REJECTED,
  code,
  reason,
  replayed: false,
});

const reused = (item: SaveMarkInput) => rejected(item, "BAD_USER_INPUT", `operationId ${item.operationId} was already used for a different change`);

// One round trip: the section (under the actor's scope), the period, the grading item, the enrollment
// and the latest school and section extensions. The rules are the rulebook's (checkMarkSave).
async function factsOf(db: Db, actor: Actor, now: Date, item: SaveMarkInput): Promise<{ ids: MarkSaveFacts["ids"]; schoolId: number | null; facts: Omit<MarkSaveFacts, "current"> }> {
  const ids = {
    periodId: parseId(item.periodId, "periodId"),
    sectionId: parseId(item.sectionId, "sectionId"),
    studentId: parseId(item.studentId, "studentId"),
    gradingItemId: parseId(item.gradingItemId, "gradingItemId"),
  };
  const extended = (sectionOnly: boolean) => sql<string | null>`(select max(${deadlineExtension.extendedTo}) from ${deadlineExtension}
    where ${deadlineExtension.periodId} = ${reportingPeriod.id} and ${deadlineExtension.schoolId} = ${section.schoolId}
    and ${sectionOnly ? sql`${deadlineExtension.sectionId} = ${section.id}` : sql`${deadlineExtension.sectionId} is null`})`;
  const [row] = await db
    .select({ s: section, period: reportingPeriod, scale: gradingItem.scale, enrolledId: enrollment.id, schoolExtendedTo: extended(false), sectionExtendedTo: extended(true) })
    .from(section)
    .leftJoin(reportingPeriod, eq(reportingPeriod.id, ids.periodId))
    .leftJoin(gradingItem, and(eq(gradingItem.id, ids.gradingItemId), eq(gradingItem.periodId, reportingPeriod.id)))
    .leftJoin(enrollment, and(eq(enrollment.sectionId, section.id), eq(enrollment.studentId, ids.studentId), isNull(enrollment.endedAt)))
    .where(and(sectionScope(actor), eq(section.id, ids.sectionId)))
    .limit(1);
  const period = row?.period ?? null;
  return {
    ids,
    schoolId: row?.s.schoolId ?? null,
    facts: {
      now,
      ids,
      section: row ? { level: row.s.level } : null,
      period,
      deadline: period ? effectiveDeadline({ periodDeadline: period.currentDeadline, schoolExtendedTo: row!.schoolExtendedTo, sectionExtendedTo: row!.sectionExtendedTo }) : null,
      scale: (row?.scale as MarkScale | undefined) ?? null,
      enrolled: row?.enrolledId != null,
      payload: { value: item.value, comment: item.comment, baseVersion: item.baseVersion },
    },
  };
}

// The general path: the rulebook decides (decideMarkSave), this writes what it decided.
async function apply(db: Db, ctx: Context, item: SaveMarkInput, source: MarkSource): Promise<SaveMarkResult> {
  const actor = ctx.actor!;
  const now = ctx.clock.now();
  const read = await factsOf(db, actor, now, item);
  const checked = checkMarkSave(read.facts);
  if (!checked.ok) return rejected(item, checked.rejection.code, checked.rejection.reason);
  const { ids } = read;
  const key = and(eq(mark.periodId, ids.periodId), eq(mark.sectionId, ids.sectionId), eq(mark.studentId, ids.studentId), eq(mark.gradingItemId, ids.gradingItemId));
  const [current] = await db.select().from(mark).where(key).for("update");
  const conflict = (m: MarkRow): SaveMarkResult => ({ operationId: item.operationId, status: SaveStatus.CONFLICT, reason: conflictReason(m.version), mark: m, replayed: false });
  const decision = decideMarkSave({ ...read.facts, current: current ?? null });
  if (decision.status === "REJECTED") return rejected(item, decision.code, decision.reason);
  if (decision.status === "CONFLICT") return conflict(current!);
  if (decision.write === "NONE") return { operationId: item.operationId, status: SaveStatus.SAVED, mark: current!, replayed: false };
  let saved: MarkRow;
  if (decision.write === "INSERT") {
    const [inserted] = await db
      .insert(mark)
      .values({ ...ids, schoolId: read.schoolId!, value: decision.value, comment: decision.comment, enteredById: actor.id, enteredAt: now, updatedAt: now, version: decision.version })
      .onConflictDoNothing()
      .returning();
    // Inserted on another connection since the read above: answer with theirs.
    if (!inserted) {
      const [other] = await db.select().from(mark).where(key);
      return conflict(other!);
    }
    saved = inserted;
  } else {
    const [updated] = await db
      .update(mark)
      .set({ value: decision.value, comment: decision.comment, updatedAt: now, version: decision.version })
      .where(and(eq(mark.id, current!.id), eq(mark.version, current!.version)))
      .returning();
    saved = updated!;
  }
  await db.insert(markHistory).values({
    markId: saved.id,
    schoolId: saved.schoolId,
    sectionId: saved.sectionId,
    oldValue: current?.value ?? null,
    newValue: saved.value,
    oldComment: current?.comment ?? null,
    newComment: saved.comment,
    version: saved.version,
    clientEnteredAt: item.clientEnteredAt ?? null,
    ...recorded({ actorId: actor.id, now, source, operationId: item.operationId, requestId: ctx.requestId }),
  });
  return { operationId: item.operationId, status: SaveStatus.SAVED, mark: saved, replayed: false };
}

// The fast path's view of an item: ids parsed, the value normalised, the scales that allow it.
function prepared(item: SaveMarkInput, hash: string) {
  const id = (raw: string) => (/^[1-9][0-9]{0,9}$/.test(raw) && Number(raw) <= 2_147_483_647 ? Number(raw) : null);
  const ids = [id(item.periodId), id(item.sectionId), id(item.studentId), id(item.gradingItemId)];
  if (ids.some((i) => i === null)) return null;
  const value = item.value.trim().toUpperCase();
  return {
    operationId: item.operationId,
    payloadHash: hash,
    periodId: ids[0],
    sectionId: ids[1],
    studentId: ids[2],
    gradingItemId: ids[3],
    value,
    scales: scalesAllowing(item.value),
    comment: item.comment?.trim() || null,
    baseVersion: item.baseVersion ?? null,
    clientEnteredAt: item.clientEnteredAt ? new Date(item.clientEnteredAt).toISOString() : null,
  };
}

type FastRow = { kind: "STORED"; payloadHash: string; result: SaveMarkResult } | { kind: "DONE"; result: SaveMarkResult } | { kind: "FALLBACK" };

export interface SaveMarksOptions {
  /** false: every item takes the long way (the rulebook's decideMarkSave), never gw_save_marks. For tests that compare the two. */
  fastPath?: boolean;
}

/**
 * Saves each change in its own savepoint. A change's result, its history row and its operation record
 * are written together, and the whole request commits before any result is sent.
 *
 * The common case runs as one statement for the batch (gw_save_marks, migration 0007): idempotency
 * lookup, validation, version check, upsert, history and operation rows. It stops at the first item it
 * would not save or answer as a conflict; that item takes the long way below, which words the
 * rejection, and the rest of the batch goes back to the function, so items are still applied in order.
 */
export async function saveMarks(ctx: Context, items: SaveMarkInput[], source: MarkSource = "API", options: SaveMarksOptions = {}): Promise<SaveMarkResult[]> {
  if (items.length === 0) return [];
  if (items.length > MAX_BATCH) throw badInput(`Send at most ${MAX_BATCH} marks per request (got ${items.length})`);
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.operationId)) throw badInput(`operationId ${item.operationId} appears twice in one request`);
    seen.add(item.operationId);
  }
  const actor = ctx.actor!;
  const results: SaveMarkResult[] = [];
  const hashes = items.map((item) => payloadHash(markPayload(item)));
  // A fast-path row for an operation stored before: the same check as the kit's.
  const answer = (item: SaveMarkInput, hash: string, op: { payloadHash: string; result: unknown }): SaveMarkResult =>
    op.payloadHash === hash ? revive(op.result as SaveMarkResult) : reused(item);
  // The long way writes through the write kit, into mark_operation, where gw_save_marks looks too.
  const longWay = async (item: SaveMarkInput): Promise<SaveMarkResult> => {
    const op = { kind: "mark", actorId: actor.id, operationId: item.operationId, payload: markPayload(item), now: ctx.clock.now() };
    const done = await once(ctx.db, op, (tx) => apply(tx, ctx, item, source), markOperationStore);
    if (done.status === "REUSED") return reused(item);
    return done.replayed ? revive(done.result) : done.result;
  };
  const ready = options.fastPath === false ? items.map(() => null) : items.map((item, i) => prepared(item, hashes[i]!));
  let i = 0;
  while (i < items.length) {
    let end = i;
    while (end < items.length && ready[end]) end++;
    if (end === i) {
      // An id that does not parse (or the fast path is off): the long way.
      results.push(await longWay(items[i]!));
      i++;
      continue;
    }
    const now = ctx.clock.now();
    const batch = JSON.stringify(ready.slice(i, end));
    const rows = (
      (await ctx.db.execute(sql`select r from gw_save_marks(${now.toISOString()}::timestamptz, ${source}::mark_source, ${ctx.requestId}, ${batch}::jsonb) as r`)) as unknown as {
        rows: { r: FastRow | string }[];
      }
    ).rows.map((row) => (typeof row.r === "string" ? (JSON.parse(row.r) as FastRow) : row.r));
    for (const row of rows) {
      const item = items[i]!;
      if (row.kind === "FALLBACK") {
        results.push(await longWay(item));
      } else if (row.kind === "STORED") {
        results.push(answer(item, hashes[i]!, row));
      } else {
        results.push({ ...withDates(row.result), replayed: false });
      }
      i++;
    }
  }
  return results;
}

export async function markHistoryOf(db: Db, actor: Actor, markId: number) {
  await getMark(db, actor, markId);
  return db.select().from(markHistory).where(eq(markHistory.markId, markId)).orderBy(markHistory.version);
}
