import type { Db, Tx } from "@gradewatch/db";
import { enrollment, mark, outage, student } from "@gradewatch/db/schema";
import { createTestDb, type TestDatabase, testDbKinds } from "@gradewatch/db/testing";
import { and, eq, isNull, sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../access/actor.js";
import { identityStatement } from "../../access/request-scope.js";
import { fixedClock } from "../../clock.js";
import { createContext } from "../../graphql/context.js";
import { buildFixture, type Fixture, signedIn } from "../../test/fixtures.js";
import { enrollStudent, unenrollStudent } from "../enrollments/enrollment.service.js";
import { importMarks } from "../marks/mark-import.service.js";
import { restoreMark } from "../marks/mark-restore.service.js";
import { saveMarks } from "../marks/mark-save.service.js";
import { factsAsOf } from "./risk-facts.as-of.js";
import { factsFromCounters } from "./risk-facts.counters.js";

// Random histories of what changes completion (saves through the real service and gw_save_marks, imports,
// restores, enrollments and withdrawals), each in a transaction that is rolled back afterwards, run as the
// request roles do (row-level security on): after every history the counters equal a full recount.

const STUDENTS = ["ana", "ben", "carl", "dee"] as const;
type Who = (typeof STUDENTS)[number];
const ITEMS = ["reading", "habits"] as const;
const VALUES = { reading: ["1", "2", "3", "4"], habits: ["E", "S", "U"] } as const;
const START = Date.parse("2014-11-05T16:00:00Z");
// The November 4 outage (2-4 pm in Los Angeles): a mark typed during it and saved later was held back.
const OUTAGE = { startsAt: new Date("2014-11-04T22:00:00Z"), endsAt: new Date("2014-11-05T00:00:00Z") };

const cells = fc.uniqueArray(fc.record({ student: fc.constantFrom(...STUDENTS), item: fc.constantFrom(...ITEMS), v: fc.nat(3) }), {
  minLength: 1,
  maxLength: 5,
  selector: (c) => `${c.student}/${c.item}`,
});
const step = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant("save" as const), actor: fc.constantFrom("teacher", "principal"), cells, typedInOutage: fc.boolean() }), weight: 4 },
  { arbitrary: fc.record({ kind: fc.constant("import" as const), cells }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant("restore" as const), pick: fc.nat() }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant("enroll" as const), student: fc.constantFrom(...STUDENTS) }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant("withdraw" as const), student: fc.constantFrom(...STUDENTS), how: fc.constantFrom("roster", "service") }), weight: 2 },
);
type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

class RolledBack extends Error {}

describe.each(testDbKinds())("completion counters on %s", (kind) => {
  let database: TestDatabase;
  let f: Fixture;
  let actors: Record<"teacher" | "principal", Actor>;
  let ids: Record<Who, { id: number; districtId: string }>;

  beforeAll(async () => {
    database = await createTestDb(kind);
    const db = database.db;
    f = await buildFixture(db);
    const more = await db
      .insert(student)
      .values([
        { districtStudentId: "1000000011", firstName: "Carl", lastName: "Diaz", gradeLevel: 3, schoolId: f.schools.elm },
        { districtStudentId: "1000000012", firstName: "Dee", lastName: "Park", gradeLevel: 3, schoolId: f.schools.elm },
      ])
      .returning();
    const [ana] = await db.select().from(student).where(eq(student.id, f.students.ana));
    const [ben] = await db.select().from(student).where(eq(student.id, f.students.ben));
    ids = {
      ana: { id: ana!.id, districtId: ana!.districtStudentId },
      ben: { id: ben!.id, districtId: ben!.districtStudentId },
      carl: { id: more[0]!.id, districtId: more[0]!.districtStudentId },
      dee: { id: more[1]!.id, districtId: more[1]!.districtStudentId },
    };
    await db.insert(outage).values({ kind: "UNPLANNED", ...OUTAGE, description: "Student information system outage" });
    actors = {
      teacher: await signedIn(db, { id: f.teachers.elm, role: "TEACHER", schoolId: f.schools.elm, escId: f.escs.north }),
      principal: await signedIn(db, { id: f.principals.elm, role: "PRINCIPAL", schoolId: f.schools.elm, escId: f.escs.north }),
    };
  });
  afterAll(() => database?.close());

  const differences = async (tx: Db) =>
    (await tx.execute(sql`select table_name, missing, extra from gw_completion_differences() where missing > 0 or extra > 0`)) as unknown as { rows: unknown[] };

  async function apply(tx: Tx, s: Step, n: number, seen: Set<string>) {
    const now = new Date(START + n * 60_000);
    const asOwner = () => tx.execute(sql`select set_config('role', 'none', true)`);
    const as = async (who: "teacher" | "principal") => {
      await tx.execute(sql.raw(identityStatement(actors[who], true, undefined)));
      return createContext({ db: tx as unknown as Db, dbKind: kind, clock: fixedClock(now), actor: actors[who] }, `request-${n}`);
    };
    const versions = async () => {
      await asOwner();
      const rows = await tx.select().from(mark).where(eq(mark.sectionId, f.sections.elm));
      return rows;
    };
    const outcome = await tx
      .transaction(async (sp) => {
        const db = sp as unknown as Tx;
        if (s.kind === "save" || s.kind === "import") {
          const stored = await versions();
          const item = (i: (typeof ITEMS)[number]) => (i === "reading" ? f.items.reading : f.items.habits);
          if (s.kind === "save") {
            const ctx = await as(s.actor);
            const results = await saveMarks(
              { ...ctx, db: db as unknown as Db },
              s.cells.map((c, i) => ({
                operationId: `op-${n}-${i}`,
                periodId: String(f.period),
                sectionId: String(f.sections.elm),
                studentId: String(ids[c.student].id),
                gradingItemId: String(item(c.item)),
                value: VALUES[c.item][c.v % VALUES[c.item].length]!,
                baseVersion: stored.find((m) => m.studentId === ids[c.student].id && m.gradingItemId === item(c.item))?.version ?? null,
                clientEnteredAt: s.typedInOutage ? new Date(OUTAGE.startsAt.getTime() + 30 * 60_000) : new Date(now.getTime() - 60_000),
              })),
              "GRID",
            );
            for (const r of results) seen.add(`save ${r.status}`);
          } else {
            const ctx = { ...(await as("teacher")), db: db as unknown as Db };
            const csv = ["district_student_id,grading_item,mark", ...s.cells.map((c) => `${ids[c.student].districtId},${c.item === "reading" ? "READING" : "WORK_HABITS"},${VALUES[c.item][c.v % VALUES[c.item].length]}`)].join("\n");
            const preview = await importMarks(ctx, { sectionId: String(f.sections.elm), csv, dryRun: true });
            const applied = await importMarks(ctx, { sectionId: String(f.sections.elm), csv, dryRun: false, previewChecksum: preview.checksum });
            seen.add(`import ${applied.totals.added > 0 ? "added" : "none added"}`);
          }
        } else if (s.kind === "restore") {
          const changed = (await versions()).filter((m) => m.version >= 2);
          if (changed.length === 0) return "nothing to restore";
          const m = changed[s.pick % changed.length]!;
          const ctx = await as("teacher");
          const r = await restoreMark({ ...ctx, db: db as unknown as Db }, { markId: m.id, version: 1, baseVersion: m.version, operationId: `restore-${n}` });
          seen.add(`restore ${r.status}`);
        } else if (s.kind === "enroll") {
          const ctx = await as("principal");
          await enrollStudent(db as unknown as Db, ctx.actor!, ctx.clock, f.sections.elm, ids[s.student].id);
          seen.add("enroll");
        } else if (s.kind === "withdraw" && s.how === "service") {
          const ctx = await as("principal");
          await unenrollStudent(db as unknown as Db, ctx.actor!, ctx.clock, f.sections.elm, ids[s.student].id);
          seen.add("withdraw (service)");
        } else {
          // A roster feed ends an enrollment whatever marks the student has (a transfer): they stop counting.
          await asOwner();
          const ended = await db
            .update(enrollment)
            .set({ endedAt: now })
            .where(and(eq(enrollment.sectionId, f.sections.elm), eq(enrollment.studentId, ids[s.student].id), isNull(enrollment.endedAt)))
            .returning();
          if (ended.length) seen.add("withdraw (roster)");
        }
        return "done";
      })
      .catch((err: unknown) => ({ refused: (err as Error).message }));
    await asOwner();
    return outcome;
  }

  it("should equal a full recount after any history of saves, imports, restores, enrollments and withdrawals", async () => {
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
        await database.db
          .transaction(async (tx) => {
            for (const [n, s] of steps.entries()) {
              await apply(tx, s, n + 1, seen);
              expect((await differences(tx as unknown as Db)).rows, `after step ${n + 1}: ${JSON.stringify(s)}`).toEqual([]);
            }
            // The present facts from the counters are the facts recounted from scratch at that instant.
            const at = new Date(START + (steps.length + 1) * 60_000);
            expect(await factsFromCounters(tx as unknown as Db, { periodId: f.period, now: at })).toEqual(await factsAsOf(tx as unknown as Db, { periodId: f.period, at }));
            const held = (await tx.execute(sql`select coalesce(sum(marks), 0)::int as n from completion_outage`)) as unknown as { rows: { n: number }[] };
            if (held.rows[0]!.n > 0) seen.add("held by the outage");
            throw new RolledBack();
          })
          .catch((err: unknown) => {
            if (!(err instanceof RolledBack)) throw err;
          });
      }),
      { numRuns: Number(process.env.COUNTERS_RUNS ?? 25) },
    );
    // Every kind of change happened in some history, so each was checked against the recount.
    expect([...seen].sort()).toEqual(
      expect.arrayContaining(["enroll", "held by the outage", "import added", "restore SAVED", "save SAVED", "withdraw (roster)", "withdraw (service)"]),
    );
    // 25 histories of up to 12 changes: about 10 s on PGlite on a quiet machine, several times that on a shared one.
  }, 240_000);
});
