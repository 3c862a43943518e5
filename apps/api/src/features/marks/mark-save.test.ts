import { deadlineExtension, maintenanceWindow, markHistory } from "@gradewatch/db/schema";
import { testDbKinds } from "@gradewatch/db/testing";
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inActorTransaction } from "../../access/request-scope.js";
import type { Clock } from "../../clock.js";
import { buildFixture, type Fixture } from "../../test/fixtures.js";
import { startTestApi, type TestApi } from "../../test/harness.js";

const SAVE = `mutation($items: [SaveMarkInput!]!) { saveMarks(items: $items) { operationId status code reason replayed mark { id value version enteredBy { fullName } } } }`;

describe.each(testDbKinds())("saving marks on %s", (kind) => {
  let api: TestApi;
  let f: Fixture;
  let teacher: string;
  let principal: string;
  let now = new Date("2014-11-05T20:00:00Z").getTime();
  const clock: Clock = { now: () => new Date(now), simulated: true };
  let n = 0;
  const op = () => `op-${kind}-${++n}-${Math.random().toString(36).slice(2, 10)}`;
  const item = (over: Record<string, unknown> = {}) => ({
    operationId: op(),
    periodId: String(f.period),
    sectionId: String(f.sections.elm),
    studentId: String(f.students.ben),
    gradingItemId: String(f.items.reading),
    value: "3",
    ...over,
  });
  // Sessions last ten hours on the district clock: sign in again after moving it.
  const signInAgain = async () => {
    teacher = await api.tokenFor(f.teachers.elm);
    principal = await api.tokenFor(f.principals.elm);
  };
  const history = async () => Number((await api.database.db.select({ n: sql<number>`count(*)` }).from(markHistory))[0]!.n);

  beforeAll(async () => {
    api = await startTestApi(kind, { clock });
    f = await buildFixture(api.database.db);
    teacher = await api.tokenFor(f.teachers.elm);
    principal = await api.tokenFor(f.principals.elm);
  });
  afterAll(() => api?.close());

  it("should save a new mark as version 1 with a history row, and replay a retry without change", async () => {
    const first = item({ studentId: String(f.students.ben), gradingItemId: String(f.items.habits), value: "s" });
    const before = await history();
    const res = await api.gqlAs(teacher, SAVE, { items: [first] });
    expect(res.data!.saveMarks[0]).toMatchObject({ status: "SAVED", replayed: false, mark: { value: "S", version: 1, enteredBy: { fullName: "Terry Nguyen" } } });
    expect(await history()).toBe(before + 1);
    const again = await api.gqlAs(teacher, SAVE, { items: [first] });
    expect(again.data!.saveMarks[0]).toMatchObject({ status: "SAVED", replayed: true, mark: { value: "S", version: 1 } });
    expect(await history()).toBe(before + 1);
  });

  it("should refuse an operation id reused for a different change", async () => {
    const first = item({ value: "2" });
    await api.gqlAs(teacher, SAVE, { items: [first] });
    const res = await api.gqlAs(teacher, SAVE, { items: [{ ...first, value: "4" }] });
    expect(res.data!.saveMarks[0]).toMatchObject({ status: "REJECTED", code: "BAD_USER_INPUT", reason: `operationId ${first.operationId} was already used for a different change` });
  });

  it("should answer a stale edit with CONFLICT naming the current value, never overwriting it", async () => {
    const current = (await api.gqlAs(teacher, SAVE, { items: [item({ value: "2", studentId: String(f.students.ana), baseVersion: 1 })] })).data!.saveMarks[0];
    expect(current).toMatchObject({ status: "SAVED", mark: { value: "2", version: 2 } });
    const stale = await api.gqlAs(principal, SAVE, { items: [item({ value: "4", studentId: String(f.students.ana), baseVersion: 1 })] });
    expect(stale.data!.saveMarks[0]).toMatchObject({ status: "CONFLICT", mark: { value: "2", version: 2, enteredBy: { fullName: "Terry Nguyen" } } });
    expect(stale.data!.saveMarks[0].reason).toMatch(/version 2/);
  });

  it.each([
    [{ value: "A" }, "BAD_USER_INPUT", /"A" is not on the Standards 1-4 scale \(allowed: 1, 2, 3, 4\)/],
    [{ studentId: "3" }, "BAD_USER_INPUT", /not enrolled/],
    [{ sectionId: "999999" }, "NOT_FOUND", /Section 999999 not found/],
    [{ gradingItemId: "999999" }, "BAD_USER_INPUT", /is not marked in Elementary Reporting Period 1/],
  ])("should reject %o with %s and a reason, saving nothing", async (over, code, reason) => {
    const before = await history();
    const res = await api.gqlAs(teacher, SAVE, { items: [item(over)] });
    expect(res.data!.saveMarks[0]).toMatchObject({ status: "REJECTED", code, mark: null });
    expect(res.data!.saveMarks[0].reason).toMatch(reason);
    expect(await history()).toBe(before);
  });

  it("should refuse a batch over 200 and a repeated operation id in one batch", async () => {
    const big = await api.gqlAs(teacher, SAVE, { items: Array.from({ length: 201 }, () => item()) });
    expect(big.errors![0]).toMatchObject({ message: "Send at most 200 marks per request (got 201)", extensions: { code: "BAD_USER_INPUT" } });
    const one = item();
    const twice = await api.gqlAs(teacher, SAVE, { items: [one, one] });
    expect(twice.errors![0].extensions.code).toBe("BAD_USER_INPUT");
  });

  it("should refuse saves after the end of the deadline day in Los Angeles, until the school's deadline is extended", async () => {
    const versionNow = async () =>
      ((await api.gqlAs(teacher, `{ marks(filter: { studentId: "${f.students.ben}", gradingItemId: "${f.items.reading}" }) { items { version } } }`)).data!.marks.items[0]?.version ??
        null) as number | null;
    const save = async (value: string) => (await api.gqlAs(teacher, SAVE, { items: [item({ value, baseVersion: await versionNow() })] })).data!.saveMarks[0];
    now = new Date("2014-11-15T07:59:59.000Z").getTime();
    await signInAgain();
    expect(await save("1")).toMatchObject({ status: "SAVED", mark: { value: "1" } });
    now = new Date("2014-11-15T08:00:00.000Z").getTime();
    const late = await save("4");
    expect(late).toMatchObject({ status: "REJECTED", code: "DEADLINE_PASSED" });
    expect(late.reason).toBe("The deadline for Elementary Reporting Period 1 passed at Friday, November 14, 2014 at 11:59:59 PM PST");
    const before = await versionNow();
    await api.database.db.insert(deadlineExtension).values({ periodId: f.period, schoolId: f.schools.elm, extendedTo: "2014-11-21", reason: "Outage recovery", createdAt: new Date() });
    expect(await save("4")).toMatchObject({ status: "SAVED", mark: { value: "4", version: before! + 1 } });
    now = new Date("2014-11-05T20:00:00Z").getTime();
    await signInAgain();
  });

  it("should refuse every write during the nightly window with 503 and Retry-After, and store all of them when resent after", async () => {
    await api.database.db.insert(maintenanceWindow).values({ name: "Nightly maintenance", startsAtLocal: "21:00:00", endsAtLocal: "22:00:00" });
    now = new Date("2014-11-06T05:15:00Z").getTime(); // 21:15 in Los Angeles
    await signInAgain();
    const items = [f.items.reading, f.items.habits].flatMap((gi) =>
      [f.students.ana, f.students.ben].map((st) => item({ gradingItemId: String(gi), studentId: String(st), value: gi === f.items.habits ? "E" : "1" })),
    );
    const before = await history();
    const res = await fetch(`${api.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${teacher}` },
      body: JSON.stringify({ query: SAVE, variables: { items } }),
    });
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("2700");
    expect(((await res.json()) as any).errors[0].extensions.code).toBe("MAINTENANCE");
    expect(await history()).toBe(before);
    now = new Date("2014-11-06T06:00:00Z").getTime(); // 22:00
    await signInAgain();
    const current = await api.gqlAs(teacher, `{ marks(filter: { sectionId: "${f.sections.elm}" }, perPage: 50) { items { studentId gradingItemId version } } }`);
    const versionOf = (st: string, gi: string) => current.data!.marks.items.find((m: any) => m.studentId === st && m.gradingItemId === gi)?.version ?? null;
    const resent = await api.gqlAs(teacher, SAVE, { items: items.map((i) => ({ ...i, baseVersion: versionOf(i.studentId, i.gradingItemId) })) });
    expect(resent.data!.saveMarks.map((r: any) => r.status)).toEqual(["SAVED", "SAVED", "SAVED", "SAVED"]);
    expect(await history()).toBe(before + 4);
    now = new Date("2014-11-05T20:00:00Z").getTime();
    await signInAgain();
  });

  it("should keep history append-only for the application's database role", async () => {
    const admin = { id: 0, role: "DISTRICT_ADMIN" as const, schoolId: null, escId: null, sessionId: "x" };
    const denied = { cause: expect.objectContaining({ message: expect.stringMatching(/permission denied for table mark_history/) }) };
    await expect(inActorTransaction(api.database.db, admin, (tx) => tx.execute(sql`update mark_history set new_value = '1'`))).rejects.toMatchObject(denied);
    await expect(inActorTransaction(api.database.db, admin, (tx) => tx.execute(sql`delete from mark_history`))).rejects.toMatchObject(denied);
  });

  it("should show a mark's history oldest first, to those who may see the mark", async () => {
    const marks = await api.gqlAs(teacher, `{ marks(filter: { studentId: "${f.students.ana}", gradingItemId: "${f.items.reading}" }) { items { id } } }`);
    const id = marks.data!.marks.items[0].id;
    const res = await api.gqlAs(teacher, `query($id: ID!) { markHistory(markId: $id) { version oldValue newValue source } }`, { id });
    expect(res.data!.markHistory.slice(0, 1)).toEqual([{ version: 2, oldValue: "3", newValue: "2", source: "API" }]);
    const outsider = await api.tokenFor(f.teachers.oak);
    const hidden = await api.gqlAs(outsider, `query($id: ID!) { markHistory(markId: $id) { version } }`, { id });
    expect(hidden.errors![0].extensions.code).toBe("NOT_FOUND");
  });
});

describe("two editors on one mark (model test)", () => {
  let api: TestApi;
  let f: Fixture;
  let tokens: string[];
  beforeAll(async () => {
    api = await startTestApi("pglite", { clock: { now: () => new Date("2014-11-05T20:00:00Z"), simulated: true } });
    f = await buildFixture(api.database.db);
    tokens = [await api.tokenFor(f.teachers.elm), await api.tokenFor(f.principals.elm)];
  });
  afterAll(() => api?.close());

  it("should never let a stale save overwrite, and a retry never duplicate", async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            fc.record({ kind: fc.constant("save" as const), editor: fc.integer({ min: 0, max: 1 }), value: fc.constantFrom("1", "2", "3", "4") }),
            fc.record({ kind: fc.constant("retry" as const), editor: fc.integer({ min: 0, max: 1 }) }),
            fc.record({ kind: fc.constant("refresh" as const), editor: fc.integer({ min: 0, max: 1 }) }),
          ),
          { minLength: 1, maxLength: 12 },
        ),
        async (steps) => {
          run++;
          const target = { periodId: String(f.period), sectionId: String(f.sections.elm), studentId: String(f.students.ben), gradingItemId: String(f.items.reading) };
          const read = async () => {
            const r = await api.gql(`{ marks(filter: { studentId: "${f.students.ben}", gradingItemId: "${f.items.reading}" }) { items { id value version } } }`);
            return (r.data!.marks.items[0] ?? null) as { id: string; value: string; version: number } | null;
          };
          const historyCount = async (id: string | undefined) =>
            id ? (await api.gql(`query($id: ID!) { markHistory(markId: $id) { version } }`, { id })).data!.markHistory.length : 0;
          let model = await read();
          const seen = [model?.version ?? null, model?.version ?? null];
          const last: ({ input: Record<string, unknown>; result: unknown } | null)[] = [null, null];
          let k = 0;
          for (const step of steps) {
            if (step.kind === "refresh") {
              seen[step.editor] = model?.version ?? null;
              continue;
            }
            if (step.kind === "retry") {
              const prev = last[step.editor];
              if (!prev) continue;
              const again = (await api.gqlAs(tokens[step.editor]!, SAVE, { items: [prev.input] })).data!.saveMarks[0];
              expect({ ...again, replayed: false }).toEqual({ ...(prev.result as object), replayed: false });
              expect(again.replayed).toBe(true);
              continue;
            }
            const input = { ...target, operationId: `model-${run}-${k++}-${step.editor}`, value: step.value, baseVersion: seen[step.editor] };
            const result = (await api.gqlAs(tokens[step.editor]!, SAVE, { items: [input] })).data!.saveMarks[0];
            last[step.editor] = { input, result };
            const expectSaved = (seen[step.editor] ?? null) === (model?.version ?? null);
            expect(result.status).toBe(expectSaved ? "SAVED" : "CONFLICT");
            if (expectSaved) {
              const changed = !model || model.value !== step.value;
              model = { id: result.mark.id, value: step.value, version: (model?.version ?? 0) + (changed ? 1 : 0) };
            }
            expect(result.mark).toMatchObject({ value: model!.value, version: model!.version });
            seen[step.editor] = model!.version;
          }
          const stored = await read();
          expect(stored && { value: stored.value, version: stored.version }).toEqual(model && { value: model.value, version: model.version });
          // One history row per version: no retry and no stale save wrote a change.
          if (stored) expect(await historyCount(stored.id)).toBe(stored.version);
        },
      ),
      { numRuns: 25, seed: 1104 },
    );
  });
});
