import type { Tx } from "@gradewatch/db";
import { deadlineExtension, mark, markHistory, markOperation } from "@gradewatch/db/schema";
import { createTestDb, type TestDatabase, testDbKinds } from "@gradewatch/db/testing";
import { asc, eq, sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../access/actor.js";
import { identityStatement } from "../../access/request-scope.js";
import { fixedClock } from "../../clock.js";
import type { Context } from "../../graphql/context.js";
import { buildFixture, type Fixture, signedIn } from "../../test/fixtures.js";
import type { SaveMarkInput } from "./mark-save.input.js";
import { saveMarks } from "./mark-save.service.js";

// The same random histories of saves, once through gw_save_marks (the fast path, which hands the items it
// would refuse to the long way) and once through the long way alone (the rulebook's decideMarkSave), each
// from the same starting state in a transaction that is rolled back: same answers, same stored state.

const NOW = [
  "2014-10-26T20:00:00.000Z", // before the window opens
  "2014-11-05T20:00:00.000Z",
  "2014-11-15T07:59:59.999Z", // the deadline day's last millisecond
  "2014-11-15T08:00:00.000Z", // past the period's deadline
  "2014-11-19T20:00:00.000Z", // past it, inside some extensions
  "2014-11-25T20:00:00.000Z", // past every extension
];
const VALUES = ["1", "2", "3", "4", " 2 ", "s", "E", "U", "A", "5", "x"];
const COMMENTS = [undefined, null, "", "  ", "Reads fluently", " Reads fluently "];

type Student = "ana" | "ben" | "oakKid";
type Item = "reading" | "habits" | "bogus";
const KEYS = [
  ["ana", "reading"],
  ["ana", "habits"],
  ["ben", "reading"],
  ["ben", "habits"],
] as const;

const existing = fc.record({
  value: fc.constantFrom("1", "2", "3", "4"),
  comment: fc.constantFrom(null, "Reads fluently"),
  version: fc.integer({ min: 1, max: 3 }),
});
const change = fc.record({
  op: fc.integer({ min: 0, max: 39 }),
  student: fc.constantFrom<Student>("ana", "ana", "ana", "ben", "ben", "ben", "oakKid"),
  item: fc.constantFrom<Item>("reading", "reading", "reading", "habits", "habits", "habits", "bogus"),
  otherSection: fc.constantFrom(false, false, false, false, false, false, true),
  // Mostly a value on the item's scale (picked by index), else anything.
  value: fc.oneof({ arbitrary: fc.nat(3), weight: 3 }, { arbitrary: fc.constantFrom(...VALUES), weight: 1 }),
  comment: fc.constantFrom(...COMMENTS),
  // "latest": the version stored when the call is made, as a client that is up to date sends.
  baseVersion: fc.constantFrom<number | null | "latest">(null, 1, 2, 3, 4, "latest", "latest", "latest"),
  typedMinutesBefore: fc.option(fc.integer({ min: 0, max: 600 })),
});
const call = fc.record({
  actor: fc.constantFrom("teacher", "teacher", "teacher", "teacher", "principal", "principal", "oakTeacher"),
  now: fc.oneof({ arbitrary: fc.constant(NOW[1]!), weight: 3 }, { arbitrary: fc.constantFrom(...NOW), weight: 2 }),
  items: fc.uniqueArray(change, { minLength: 1, maxLength: 4, selector: (c) => c.op }),
  // A client resending an earlier call as it was (its answer lost), at this call's time.
  resend: fc.oneof({ arbitrary: fc.constant(null), weight: 3 }, { arbitrary: fc.nat(), weight: 1 }),
});
const scenario = fc.record({
  seed: fc.tuple(...KEYS.map(() => fc.option(existing, { freq: 2 }))),
  schoolExtendedTo: fc.constantFrom(null, "2014-11-10", "2014-11-21"),
  sectionExtendedTo: fc.constantFrom(null, "2014-11-18", "2014-11-24"),
  calls: fc.array(call, { minLength: 1, maxLength: 6 }),
});
type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

type Change = Scenario["calls"][number]["items"][number];
const ch = (op: number, student: Student, item: Item, value: Change["value"], baseVersion: Change["baseVersion"]): Change => ({
  op,
  student,
  item,
  otherSection: false,
  value,
  comment: undefined,
  baseVersion,
  typedMinutesBefore: 5,
});
// Histories that reach every kind of answer whatever the random ones do: new, update, conflict, replay, an
// id reused, each refusal code.
const EXAMPLES: Scenario[] = [
  {
    seed: [{ value: "1", comment: null, version: 1 }, null, null, null],
    schoolExtendedTo: null,
    sectionExtendedTo: null,
    calls: [
      { actor: "teacher", now: NOW[1]!, items: [ch(0, "ana", "reading", 2, "latest"), ch(1, "ben", "reading", 0, null)], resend: null },
      { actor: "principal", now: NOW[1]!, items: [ch(0, "ana", "reading", 3, 1), ch(1, "ana", "habits", "A", null)], resend: null },
      { actor: "teacher", now: NOW[1]!, items: [ch(9, "ana", "reading", 0, null)], resend: 0 },
      { actor: "teacher", now: NOW[1]!, items: [ch(0, "ana", "reading", 1, 2)], resend: null },
    ],
  },
  {
    seed: [null, null, null, { value: "2", comment: "Reads fluently", version: 3 }],
    schoolExtendedTo: "2014-11-10",
    sectionExtendedTo: "2014-11-18",
    calls: [
      { actor: "teacher", now: NOW[4]!, items: [ch(0, "ben", "habits", 1, "latest"), ch(1, "oakKid", "reading", 0, null)], resend: null },
      { actor: "teacher", now: NOW[5]!, items: [ch(2, "ben", "reading", 0, null)], resend: null },
      { actor: "oakTeacher", now: NOW[1]!, items: [ch(0, "ana", "reading", 0, null)], resend: null },
    ],
  },
];

class RolledBack extends Error {}

describe.each(testDbKinds())("gw_save_marks and the rulebook on %s", (kind) => {
  let database: TestDatabase;
  let f: Fixture;
  let actors: Record<string, Actor>;

  beforeAll(async () => {
    database = await createTestDb(kind);
    f = await buildFixture(database.db);
    actors = {
      teacher: await signedIn(database.db, { id: f.teachers.elm, role: "TEACHER", schoolId: f.schools.elm, escId: f.escs.north }),
      principal: await signedIn(database.db, { id: f.principals.elm, role: "PRINCIPAL", schoolId: f.schools.elm, escId: f.escs.north }),
      oakTeacher: await signedIn(database.db, { id: f.teachers.oak, role: "TEACHER", schoolId: f.schools.oak, escId: f.escs.east }),
    };
  });
  afterAll(() => database?.close());

  const keyOf = (m: { periodId: number; sectionId: number; studentId: number; gradingItemId: number }) => `${m.periodId}/${m.sectionId}/${m.studentId}/${m.gradingItemId}`;

  // Mark ids come from a sequence that a rollback does not rewind: compare marks by their natural key.
  const normalised = (value: unknown, idToKey: Map<number, string>): unknown =>
    JSON.parse(JSON.stringify(value), (k, v: unknown) => (k === "id" && typeof v === "number" ? (idToKey.get(v) ?? `unknown mark ${v}`) : v));

  async function play(s: Scenario, fastPath: boolean) {
    const answers: unknown[] = [];
    let outcome: { answers: unknown; marks: unknown; history: unknown; operations: unknown } | undefined;
    await database.db
      .transaction(async (tx) => {
        await tx.delete(mark).where(eq(mark.sectionId, f.sections.elm));
        const seeded = KEYS.flatMap(([student, item], i) => {
          const m = s.seed[i];
          const at = new Date("2014-11-03T03:00:00Z");
          return m ? [{ schoolId: f.schools.elm, periodId: f.period, sectionId: f.sections.elm, studentId: f.students[student], gradingItemId: f.items[item], ...m, enteredById: f.teachers.elm, enteredAt: at, updatedAt: at }] : [];
        });
        if (seeded.length) await tx.insert(mark).values(seeded);
        for (const [schoolExt, to] of [
          [true, s.schoolExtendedTo],
          [false, s.sectionExtendedTo],
        ] as const) {
          if (to) await tx.insert(deadlineExtension).values({ periodId: f.period, schoolId: f.schools.elm, sectionId: schoolExt ? null : f.sections.elm, extendedTo: to, reason: "Outage recovery", createdAt: new Date() });
        }
        for (const [n, call] of s.calls.entries()) {
          const c = call.resend !== null && n > 0 ? { ...s.calls[call.resend % n]!, now: call.now } : call;
          const actor = actors[c.actor]!;
          const now = new Date(c.now);
          await tx.execute(sql`select set_config('role', 'none', true)`);
          const stored = new Map((await tx.select().from(mark).where(eq(mark.sectionId, f.sections.elm))).map((m) => [keyOf(m), m.version]));
          const items: SaveMarkInput[] = c.items.map((ch) => ({
            operationId: `operation-${ch.op}`,
            periodId: String(f.period),
            sectionId: ch.otherSection ? "999999" : String(f.sections.elm),
            studentId: String(f.students[ch.student]),
            gradingItemId: ch.item === "bogus" ? "999999" : String(f.items[ch.item]),
            value: typeof ch.value === "string" ? ch.value : ch.item === "habits" ? ["E", "S", "U", " s "][ch.value]! : ["1", "2", "3", " 4 "][ch.value]!,
            comment: ch.comment,
            baseVersion:
              ch.baseVersion === "latest"
                ? (stored.get(keyOf({ periodId: f.period, sectionId: f.sections.elm, studentId: f.students[ch.student], gradingItemId: ch.item === "bogus" ? 999999 : f.items[ch.item] })) ?? null)
                : ch.baseVersion,
            clientEnteredAt: ch.typedMinutesBefore === null ? null : new Date(Date.parse(NOW[1]!) - ch.typedMinutesBefore * 60_000),
          }));
          // As a request does: the actor's identity as gradewatch_app, so row-level security applies.
          await tx.execute(sql.raw(identityStatement(actor, true, undefined)));
          const ctx = { db: tx, clock: fixedClock(now), actor, requestId: `request-${n}` } as unknown as Context;
          try {
            answers.push(await tx.transaction((sp) => saveMarks({ ...ctx, db: sp as unknown as Tx }, items, "GRID", { fastPath })));
          } catch (err) {
            answers.push({ refused: (err as Error).message });
          }
        }
        await tx.execute(sql`select set_config('role', 'none', true)`);
        const marks = await tx.select().from(mark).where(eq(mark.sectionId, f.sections.elm)).orderBy(asc(mark.id));
        const idToKey = new Map(marks.map((m) => [m.id, keyOf(m)]));
        const history = await tx.select().from(markHistory).innerJoin(mark, eq(mark.id, markHistory.markId)).orderBy(asc(markHistory.id));
        const operations = await tx.select().from(markOperation).orderBy(asc(markOperation.actorId), asc(markOperation.operationId));
        outcome = {
          answers: normalised(answers, idToKey),
          marks: marks.map(({ id: _id, ...m }) => m).sort((a, b) => keyOf(a).localeCompare(keyOf(b))),
          history: history.map(({ mark_history: { id: _id, markId, ...h } }) => ({ mark: idToKey.get(markId), ...h })),
          operations: normalised(operations, idToKey),
        };
        throw new RolledBack();
      })
      .catch((err: unknown) => {
        if (!(err instanceof RolledBack)) throw err;
      });
    return outcome!;
  }

  it("should give the same answers and store the same marks, history and operations when saved through gw_save_marks or the rulebook", async () => {
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const viaSql = await play(s, true);
        const viaRulebook = await play(s, false);
        expect(viaSql).toEqual(viaRulebook);
        for (const r of (viaRulebook.answers as { status: string; code?: string; reason?: string; replayed: boolean; mark?: { version: number } }[][]).flat()) {
          seen.add(r.replayed ? "replayed" : r.reason?.startsWith("operationId") ? "reused" : `${r.status}${r.code ? ` ${r.code}` : ""}${r.status === "SAVED" ? (r.mark!.version > 1 ? " update" : " new") : ""}`);
        }
      }),
      { numRuns: Number(process.env.AGREEMENT_RUNS ?? 30), examples: EXAMPLES.map((e) => [e]) },
    );
    // The random histories reached every kind of answer, so each was compared.
    expect([...seen].sort()).toEqual(
      expect.arrayContaining(["CONFLICT", "REJECTED BAD_USER_INPUT", "REJECTED DEADLINE_PASSED", "REJECTED NOT_FOUND", "SAVED new", "SAVED update", "replayed", "reused"]),
    );
  });
});
