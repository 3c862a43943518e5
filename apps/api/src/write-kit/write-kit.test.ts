import type { Db } from "@gradewatch/db";
import type { Actor } from "../access/actor.js";
import { historyColumns, markHistory, writeOperation } from "@gradewatch/db/schema";
import { createTestDb, type TestDatabase, testDbKinds } from "@gradewatch/db/testing";
import { asc, eq, sql } from "drizzle-orm";
import { integer, pgTable, serial, text } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import { inActorTransaction } from "../access/request-scope.js";
import { buildFixture, signedIn } from "../test/fixtures.js";
import { expectVersion, once, recorded } from "./write-kit.js";

// A tiny kind that exists only in this test: a versioned note with its own append-only history.
const note = pgTable("kit_note", { id: integer().primaryKey(), body: text().notNull(), version: integer().notNull() });
const noteHistory = pgTable("kit_note_history", { id: serial().primaryKey(), noteId: integer().notNull(), fromBody: text(), toBody: text().notNull(), ...historyColumns() });

type Note = typeof note.$inferSelect;
type NoteResult = { status: "SAVED"; note: Note } | { status: "CONFLICT"; current: Note } | { status: "NOT_FOUND" };

async function saveNote(db: Db, actorId: number, now: Date, change: { operationId: string; id: number; body: string; expectedVersion: number | null }, kind = "kit-test-note") {
  const { operationId, id, body, expectedVersion } = change;
  return once<NoteResult>(db, { kind, actorId, operationId, payload: [id, body, expectedVersion], now }, async (tx) => {
    const [current] = await tx.select().from(note).where(eq(note.id, id)).for("update");
    const seen = expectVersion(current, expectedVersion);
    if (!seen.ok) return seen.status === "CONFLICT" ? { status: "CONFLICT", current: seen.current } : { status: "NOT_FOUND" };
    const [saved] = current
      ? await tx.update(note).set({ body, version: current.version + 1 }).where(eq(note.id, id)).returning()
      : await tx.insert(note).values({ id, body, version: 1 }).returning();
    await tx.insert(noteHistory).values({ noteId: id, fromBody: current?.body ?? null, toBody: body, ...recorded({ actorId, now, source: "API", operationId, requestId: "request-1" }) });
    if (body === "explode") throw new Error("the change failed after writing");
    return { status: "SAVED", note: saved! };
  });
}

describe.each(testDbKinds())("the write kit on %s", (kind) => {
  let database: TestDatabase;
  let db: Db;
  let actor: number;
  let other: number;
  let actorSignedIn: Actor;
  const now = new Date("2014-11-05T20:00:00Z");
  const count = async (table: typeof noteHistory | typeof writeOperation) => Number((await db.select({ n: sql<number>`count(*)` }).from(table))[0]!.n);

  beforeAll(async () => {
    database = await createTestDb(kind);
    db = database.db;
    const f = await buildFixture(db);
    actor = f.teachers.elm;
    other = f.principals.elm;
    actorSignedIn = await signedIn(db, { id: actor, role: "TEACHER", schoolId: f.schools.elm, escId: null });
    await db.execute(sql`create table kit_note (id integer primary key, body text not null, version integer not null)`);
    await db.execute(sql`create table kit_note_history (id serial primary key, note_id integer not null, from_body text, to_body text not null,
      changed_by_id integer not null references employee(id), changed_at timestamptz not null, source text not null, operation_id text, request_id text)`);
  });
  afterAll(() => database?.close());

  it("should apply a change once and answer a retry with the first result, writing nothing more", async () => {
    const first = await saveNote(db, actor, now, { operationId: "note-1", id: 1, body: "draft", expectedVersion: null });
    expect(first).toMatchObject({ status: "DONE", replayed: false, result: { status: "SAVED", note: { body: "draft", version: 1 } } });
    const before = [await count(noteHistory), await count(writeOperation)];
    const retry = await saveNote(db, actor, now, { operationId: "note-1", id: 1, body: "draft", expectedVersion: null });
    expect(retry).toEqual({ status: "REPLAYED", replayed: true, result: { status: "SAVED", note: { id: 1, body: "draft", version: 1 } } });
    expect([await count(noteHistory), await count(writeOperation)]).toEqual(before);
  });

  it("should show a request only its own actor's stored operations when row-level security applies", async () => {
    await saveNote(db, actor, now, { operationId: "note-own", id: 10, body: "mine", expectedVersion: null });
    await saveNote(db, other, now, { operationId: "note-theirs", id: 11, body: "theirs", expectedVersion: null });
    const seen = await inActorTransaction(db, actorSignedIn, (tx) => tx.select({ actorId: writeOperation.actorId, operationId: writeOperation.operationId }).from(writeOperation));
    expect(seen.map((r) => r.operationId)).toContain("note-own");
    expect(seen.every((r) => r.actorId === actor)).toBe(true);
  });

  it("should refuse an operation id reused for a different payload, changing nothing", async () => {
    await saveNote(db, actor, now, { operationId: "note-2", id: 2, body: "one", expectedVersion: null });
    const reused = await saveNote(db, actor, now, { operationId: "note-2", id: 2, body: "two", expectedVersion: 1 });
    expect(reused).toEqual({ status: "REUSED", replayed: false });
    expect((await db.select().from(note).where(eq(note.id, 2)))[0]).toMatchObject({ body: "one", version: 1 });
  });

  it("should keep operation ids apart by kind and by actor", async () => {
    await saveNote(db, actor, now, { operationId: "note-3", id: 3, body: "mine", expectedVersion: null });
    expect(await saveNote(db, other, now, { operationId: "note-3", id: 3, body: "theirs", expectedVersion: 1 })).toMatchObject({ status: "DONE", result: { status: "SAVED" } });
    expect(await saveNote(db, actor, now, { operationId: "note-3", id: 3, body: "again", expectedVersion: 2 }, "kit-test-other")).toMatchObject({ status: "DONE", result: { status: "SAVED" } });
  });

  it("should answer a stale expected version with CONFLICT carrying the current state, and a retry with the same CONFLICT", async () => {
    await saveNote(db, actor, now, { operationId: "note-4a", id: 4, body: "v1", expectedVersion: null });
    await saveNote(db, other, now, { operationId: "note-4b", id: 4, body: "v2", expectedVersion: 1 });
    const stale = { operationId: "note-4c", id: 4, body: "mine", expectedVersion: 1 };
    const conflict = await saveNote(db, actor, now, stale);
    expect(conflict).toEqual({ status: "DONE", replayed: false, result: { status: "CONFLICT", current: { id: 4, body: "v2", version: 2 } } });
    await saveNote(db, other, now, { operationId: "note-4d", id: 4, body: "v3", expectedVersion: 2 });
    expect(await saveNote(db, actor, now, stale)).toMatchObject({ status: "REPLAYED", result: { status: "CONFLICT", current: { version: 2 } } });
    expect(await saveNote(db, actor, now, { operationId: "note-4e", id: 5, body: "x", expectedVersion: 3 })).toMatchObject({ result: { status: "NOT_FOUND" } });
  });

  it("should record who, when, from where and from what to what in the history, oldest first", async () => {
    const rows = await db.select().from(noteHistory).where(eq(noteHistory.noteId, 4)).orderBy(asc(noteHistory.id));
    expect(rows.map((r) => [r.fromBody, r.toBody, r.changedById])).toEqual([
      [null, "v1", actor],
      ["v1", "v2", other],
      ["v2", "v3", other],
    ]);
    expect(rows[0]).toMatchObject({ changedAt: now, source: "API", operationId: "note-4a", requestId: "request-1" });
  });

  it("should record nothing, neither the change nor the operation, when the change fails, so a retry runs it", async () => {
    const before = [await count(noteHistory), await count(writeOperation)];
    await expect(saveNote(db, actor, now, { operationId: "note-6", id: 6, body: "explode", expectedVersion: null })).rejects.toThrow(/failed after writing/);
    expect([await count(noteHistory), await count(writeOperation)]).toEqual(before);
    expect(await db.select().from(note).where(eq(note.id, 6))).toEqual([]);
  });

  it.runIf(kind === "postgres")("should run a change once when the same operation arrives on two connections at the same moment", async () => {
    const change = { operationId: "note-7", id: 7, body: "twice", expectedVersion: null };
    const both = await Promise.all([db.transaction((tx) => saveNote(tx as unknown as Db, actor, now, change)), db.transaction((tx) => saveNote(tx as unknown as Db, actor, now, change))]);
    expect(both.map((r) => r.status).sort()).toEqual(["DONE", "REPLAYED"]);
    expect(both[0]!).toMatchObject({ result: both[1]!.status === "REPLAYED" ? { status: "SAVED", note: { version: 1 } } : {} });
    expect(await db.select().from(noteHistory).where(eq(noteHistory.noteId, 7))).toHaveLength(1);
  });

  it("should give mark_history the shared history columns, with the same names and nullability", async () => {
    expectTypeOf<Pick<typeof markHistory.$inferSelect, "changedById" | "changedAt" | "operationId" | "requestId">>().toEqualTypeOf<
      Pick<typeof noteHistory.$inferSelect, "changedById" | "changedAt" | "operationId" | "requestId">
    >();
    const columns = async (table: string) =>
      (
        (await db.execute(sql`select column_name, is_nullable from information_schema.columns where table_name = ${table} and column_name in ('changed_by_id', 'changed_at', 'source', 'operation_id', 'request_id') order by column_name`)) as unknown as {
          rows: unknown[];
        }
      ).rows;
    expect(await columns("mark_history")).toEqual(await columns("kit_note_history"));
  });
});
