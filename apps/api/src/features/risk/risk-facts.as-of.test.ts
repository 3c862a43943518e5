import type { Db } from "@gradewatch/db";
import {
  deadlineChange,
  deadlineExtension,
  employee,
  enrollment,
  esc,
  gradingItem,
  mark,
  markHistory,
  outage,
  reportingPeriod,
  school,
  section,
  student,
} from "@gradewatch/db/schema";
import { createTestDb, type TestDatabase, testDbKinds } from "@gradewatch/db/testing";
import { deadlineAsOf, effectiveDeadline, localDate, type RiskFacts } from "@gradewatch/domain";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { factsAsOf, type SchoolRiskFacts } from "./risk-facts.as-of.js";

async function rows<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}
const date = (v: Date | string) => (v instanceof Date ? v : new Date(v));

/** A small deterministic random stream (the data is random, the test is not). */
function stream(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (a: number, b: number) => a + Math.floor(next() * (b - a + 1)), chance: (p: number) => next() < p };
}

const T = (iso: string) => new Date(iso);
const WINDOW_START = T("2014-10-25T08:00:00-07:00").getTime(); // two days before the window opens: early marks too
const WINDOW_END = T("2014-11-16T12:00:00-08:00").getTime();
const OUTAGE = { start: T("2014-11-04T14:00:00-08:00"), end: T("2014-11-04T16:00:00-08:00") };

/**
 * Elementary and secondary sections in five schools, enrollments that end, restart and start late, marks over
 * the whole window (some typed during the November 4 outage and saved after it), a district-wide deadline
 * change, and school and section extensions granted along the way.
 */
async function buildDistrict(db: Db): Promise<{ elementary: number; secondary: number }> {
  const rng = stream(20141105);
  const [north, east] = await db.insert(esc).values([{ code: "NORTH", name: "ESC North" }, { code: "EAST", name: "ESC East" }]).returning();
  const schools = await db
    .insert(school)
    .values([
      { locationCode: "2001", name: "Alder Elementary", level: "ELEMENTARY", escId: north!.id },
      { locationCode: "2002", name: "Birch Elementary", level: "ELEMENTARY", escId: north!.id },
      { locationCode: "2003", name: "Cedar Elementary", level: "ELEMENTARY", escId: east!.id },
      { locationCode: "2004", name: "Dune Span School", level: "SPAN", escId: east!.id },
      { locationCode: "2005", name: "Elm Senior High", level: "HIGH", escId: east!.id },
    ])
    .returning();
  const [elementary] = await db
    .insert(reportingPeriod)
    .values({ schoolYear: "2014-15", name: "Elementary Reporting Period 1", level: "ELEMENTARY", windowOpensOn: "2014-10-27", originalDeadline: "2014-11-07", currentDeadline: "2014-11-07" })
    .returning();
  const [secondary] = await db
    .insert(reportingPeriod)
    .values({ schoolYear: "2014-15", name: "Secondary Reporting Period 1", level: "SECONDARY", windowOpensOn: "2014-10-27", originalDeadline: "2014-11-07", currentDeadline: "2014-11-07" })
    .returning();
  const items = {
    ELEMENTARY: await db
      .insert(gradingItem)
      .values(["READ", "MATH", "HABITS"].map((code, i) => ({ periodId: elementary!.id, code, name: code, scale: "STANDARDS_1_4" as const, position: i + 1 })))
      .returning(),
    SECONDARY: await db
      .insert(gradingItem)
      .values(["MARK", "HABITS"].map((code, i) => ({ periodId: secondary!.id, code, name: code, scale: "LETTER_A_F" as const, position: i + 1 })))
      .returning(),
  };
  const [admin] = await db
    .insert(employee)
    .values({ employeeNumber: "E9000000", firstName: "Ada", lastName: "Admin", email: "ada@district.test", role: "DISTRICT_ADMIN" })
    .returning();
  await db.insert(deadlineChange).values([
    { periodId: elementary!.id, fromDeadline: "2014-11-07", toDeadline: "2014-11-14", reason: "Outage of November 4", changedById: admin!.id, changedAt: T("2014-11-05T07:00:00-08:00") },
  ]);
  await db.insert(outage).values([
    { kind: "UNPLANNED", startsAt: OUTAGE.start, endsAt: OUTAGE.end, description: "SIS outage" },
    { kind: "MAINTENANCE", startsAt: T("2014-11-03T21:00:00-08:00"), endsAt: T("2014-11-03T22:00:00-08:00"), description: "Nightly" },
  ]);

  let n = 0;
  for (const s of schools) {
    const levels: ("ELEMENTARY" | "SECONDARY")[] = s.level === "ELEMENTARY" ? ["ELEMENTARY"] : s.level === "HIGH" ? ["SECONDARY"] : ["ELEMENTARY", "SECONDARY"];
    for (const level of levels) {
      for (let t = 0; t < 3; t++) {
        const [teacher] = await db
          .insert(employee)
          .values({ employeeNumber: `E${String(++n).padStart(7, "0")}`, firstName: "T", lastName: `Teacher ${n}`, email: `t${n}@school.test`, role: "TEACHER", schoolId: s.id })
          .returning();
        // The third elementary teacher of each school has two sections; one teacher of Cedar never enrolls anybody.
        const sectionCount = level === "ELEMENTARY" && t === 2 ? 2 : 1;
        for (let k = 0; k < sectionCount; k++) {
          const [sec] = await db
            .insert(section)
            .values({ schoolId: s.id, teacherId: teacher!.id, courseName: `Class ${n}-${k}`, gradeLevel: level === "ELEMENTARY" ? 3 : 9, level })
            .returning();
          if (s.name.startsWith("Cedar") && t === 1) continue;
          const kids = await db
            .insert(student)
            .values(Array.from({ length: 6 }, (_, i) => ({ districtStudentId: `${s.id}${sec!.id}${i}${n}`.padEnd(10, "7"), firstName: "S", lastName: `Kid ${i}`, gradeLevel: 3, schoolId: s.id })))
            .returning();
          for (const kid of kids) {
            // Enrollment stories: enrolled all along, withdrawn mid-window, withdrawn and back, or enrolled late.
            const story = rng.int(0, 9);
            const periods: { startedAt: Date; endedAt: Date | null }[] =
              story === 0
                ? [{ startedAt: T("2014-08-12T00:00:00-07:00"), endedAt: new Date(rng.int(WINDOW_START, WINDOW_END)) }]
                : story === 1
                  ? [
                      { startedAt: T("2014-08-12T00:00:00-07:00"), endedAt: T("2014-11-03T12:00:00-08:00") },
                      { startedAt: T("2014-11-06T09:00:00-08:00"), endedAt: null },
                    ]
                  : story === 2
                    ? [{ startedAt: new Date(rng.int(WINDOW_START, WINDOW_END)), endedAt: null }]
                    : [{ startedAt: T("2014-08-12T00:00:00-07:00"), endedAt: null }];
            await db.insert(enrollment).values(periods.map((p) => ({ schoolId: s.id, sectionId: sec!.id, studentId: kid.id, ...p })));
            for (const item of items[level]) {
              if (rng.chance(0.15)) continue; // never entered
              const inOutage = rng.chance(0.1);
              const typedAt = inOutage ? new Date(rng.int(OUTAGE.start.getTime(), OUTAGE.end.getTime() - 1)) : new Date(rng.int(WINDOW_START, WINDOW_END));
              const savedAt = inOutage ? new Date(OUTAGE.end.getTime() + rng.int(1, 3600) * 1000) : typedAt;
              const [m] = await db
                .insert(mark)
                .values({
                  schoolId: s.id,
                  periodId: level === "ELEMENTARY" ? elementary!.id : secondary!.id,
                  sectionId: sec!.id,
                  studentId: kid.id,
                  gradingItemId: item.id,
                  value: level === "ELEMENTARY" ? "3" : "B",
                  enteredById: teacher!.id,
                  enteredAt: savedAt,
                  updatedAt: savedAt,
                })
                .returning();
              await db.insert(markHistory).values({
                markId: m!.id,
                schoolId: s.id,
                sectionId: sec!.id,
                newValue: m!.value,
                version: 1,
                changedById: teacher!.id,
                changedAt: savedAt,
                clientEnteredAt: typedAt,
                source: "GRID",
              });
            }
          }
        }
      }
    }
  }
  const [alder, birch] = schools;
  // Marks on either side of a Los Angeles midnight: a replay reads whole past days from the day counters and
  // its own day from the marks, so an instant at midnight must count the mark typed at midnight exactly once.
  const [alderSection] = await db.select().from(section).where(sql`${section.schoolId} = ${alder!.id} and ${section.level} = 'ELEMENTARY'`).limit(1);
  const [night] = await db.insert(student).values({ districtStudentId: "8000000001", firstName: "N", lastName: "Night", gradeLevel: 3, schoolId: alder!.id }).returning();
  await db.insert(enrollment).values({ schoolId: alder!.id, sectionId: alderSection!.id, studentId: night!.id, startedAt: T("2014-08-12T00:00:00-07:00") });
  await db.insert(mark).values(
    [T("2014-11-05T23:59:59.999-08:00"), T("2014-11-06T00:00:00-08:00")].map((at, i) => ({
      schoolId: alder!.id,
      periodId: elementary!.id,
      sectionId: alderSection!.id,
      studentId: night!.id,
      gradingItemId: items.ELEMENTARY[i]!.id,
      value: "2",
      enteredById: alderSection!.teacherId,
      enteredAt: at,
      updatedAt: at,
    })),
  );
  const [birchSection] = await db.select().from(section).where(sql`${section.schoolId} = ${birch!.id}`).limit(1);
  await db.insert(deadlineExtension).values([
    { periodId: elementary!.id, schoolId: alder!.id, extendedTo: "2014-11-21", reason: "Roster error", createdAt: T("2014-11-10T10:00:00-08:00"), grantedById: admin!.id },
    { periodId: elementary!.id, schoolId: alder!.id, extendedTo: "2014-11-18", reason: "Asked again", createdAt: T("2014-11-12T10:00:00-08:00"), grantedById: admin!.id },
    { periodId: elementary!.id, schoolId: birch!.id, sectionId: birchSection!.id, extendedTo: "2014-11-20", reason: "One class", createdAt: T("2014-11-06T10:00:00-08:00"), grantedById: admin!.id },
  ]);
  return { elementary: elementary!.id, secondary: secondary!.id };
}

/** The data as it stood at `at`: everything recorded later removed, enrollments that ended later open again. */
async function cutAt(tx: Db, at: Date): Promise<void> {
  const iso = at.toISOString();
  // History tables are append-only (triggers); this copy is thrown away.
  await tx.execute(sql`set local session_replication_role = replica`);
  await tx.execute(sql`delete from mark_history where changed_at > ${iso}::timestamptz or mark_id in (select id from mark where entered_at > ${iso}::timestamptz)`);
  await tx.execute(sql`delete from mark where entered_at > ${iso}::timestamptz`);
  await tx.execute(sql`delete from enrollment where started_at > ${iso}::timestamptz`);
  await tx.execute(sql`update enrollment set ended_at = null where ended_at > ${iso}::timestamptz`);
  await tx.execute(sql`delete from deadline_extension where created_at > ${iso}::timestamptz`);
  await tx.execute(sql`delete from deadline_change where changed_at > ${iso}::timestamptz`);
  await tx.execute(sql`update reporting_period p set current_deadline = coalesce(
    (select c.to_deadline from deadline_change c where c.period_id = p.id order by c.changed_at desc, c.id desc limit 1), p.original_deadline)`);
  // The cut ran without triggers: count the copy's completion counters again, as the data stood then had them.
  await tx.execute(sql`set local session_replication_role = origin`);
  await tx.execute(sql`select gw_rebuild_completion()`);
}

/** The present answer on the cut copy, counted row by row in JavaScript: everything there is counts. */
async function presentFacts(db: Db, periodId: number, at: Date): Promise<Map<number, SchoolRiskFacts>> {
  const [period] = await rows<{ level: string; window_opens_on: string; current_deadline: string }>(
    db,
    sql`select level::text as level, window_opens_on::text as window_opens_on, current_deadline::text as current_deadline from reporting_period where id = ${periodId}`,
  );
  const sections = await rows<{ id: number; school_id: number; teacher_id: number; esc_id: number }>(
    db,
    sql`select s.id, s.school_id, s.teacher_id, sc.esc_id from section s join school sc on sc.id = s.school_id where s.level::text = ${period!.level}`,
  );
  const open = await rows<{ section_id: number; student_id: number }>(db, sql`select section_id, student_id from enrollment where ended_at is null`);
  const [{ n: itemCount }] = (await rows<{ n: number }>(db, sql`select count(*)::int as n from grading_item where period_id = ${periodId}`)) as [{ n: number }];
  const marks = await rows<{ id: number; section_id: number; student_id: number; entered_at: Date | string }>(
    db,
    sql`select id, section_id, student_id, entered_at from mark where period_id = ${periodId}`,
  );
  const history = await rows<{ mark_id: number; school_id: number; client_entered_at: Date | string | null; changed_at: Date | string }>(
    db,
    sql`select mark_id, school_id, client_entered_at, changed_at from mark_history`,
  );
  const outages = await rows<{ starts_at: Date | string; ends_at: Date | string }>(db, sql`select starts_at, ends_at from outage where kind = 'UNPLANNED'`);
  const changes = await rows<{ id: number; from_deadline: string; to_deadline: string; changed_at: Date | string }>(
    db,
    sql`select id, from_deadline::text as from_deadline, to_deadline::text as to_deadline, changed_at from deadline_change where period_id = ${periodId}`,
  );
  const extensions = await rows<{ school_id: number; extended_to: string }>(
    db,
    sql`select school_id, extended_to::text as extended_to from deadline_extension where period_id = ${periodId} and section_id is null`,
  );

  const sectionById = new Map(sections.map((s) => [s.id, s]));
  const openKeys = new Set(open.filter((e) => sectionById.has(e.section_id)).map((e) => `${e.section_id}:${e.student_id}`));
  const periodDeadline = deadlineAsOf(changes.map((c) => ({ id: c.id, fromDeadline: c.from_deadline, toDeadline: c.to_deadline, changedAt: date(c.changed_at) })), at) ?? period!.current_deadline;
  const out = new Map<number, SchoolRiskFacts>();
  const teacherFacts = new Map<string, { schoolId: number; teacherId: number; expected: number; entered: number; days: Map<string, number>; first: Date | null; last: Date | null }>();
  const teacherOf = (s: { school_id: number; teacher_id: number }) => {
    const key = `${s.school_id}:${s.teacher_id}`;
    let t = teacherFacts.get(key);
    if (!t) teacherFacts.set(key, (t = { schoolId: s.school_id, teacherId: s.teacher_id, expected: 0, entered: 0, days: new Map(), first: null, last: null }));
    return t;
  };
  for (const s of sections) {
    if (out.has(s.school_id)) continue;
    const ext = extensions.filter((e) => e.school_id === s.school_id).map((e) => e.extended_to).sort().at(-1) ?? null;
    out.set(s.school_id, {
      schoolId: s.school_id,
      escId: s.esc_id,
      periodId,
      // The fixture files no problem reports: none is open at any instant.
      facts: { now: at, windowOpensOn: period!.window_opens_on, deadline: effectiveDeadline({ periodDeadline, schoolExtendedTo: ext }), expected: 0, entered: 0, enteredByDay: [], teachers: [], outage: null, openReports: [] },
    });
  }
  for (const key of openKeys) teacherOf(sectionById.get(Number(key.split(":")[0]))!).expected += itemCount;
  const schoolDays = new Map<number, Map<string, number>>();
  for (const m of marks) {
    if (!openKeys.has(`${m.section_id}:${m.student_id}`)) continue;
    const s = sectionById.get(m.section_id)!;
    const t = teacherOf(s);
    const at = date(m.entered_at);
    const day = localDate(at);
    t.entered++;
    t.days.set(day, (t.days.get(day) ?? 0) + 1);
    if (!t.first || at < t.first) t.first = at;
    if (!t.last || at > t.last) t.last = at;
    const d = schoolDays.get(s.school_id) ?? new Map<string, number>();
    d.set(day, (d.get(day) ?? 0) + 1);
    schoolDays.set(s.school_id, d);
  }
  const periodMarks = new Set(marks.map((m) => m.id));
  const sectionOfMark = new Map(marks.map((m) => [m.id, m.section_id]));
  const outageMarks = new Map<number, Set<number>>();
  for (const h of history) {
    if (!periodMarks.has(h.mark_id) || !sectionById.has(sectionOfMark.get(h.mark_id)!) || !h.client_entered_at) continue;
    const typed = date(h.client_entered_at).getTime();
    const saved = date(h.changed_at).getTime();
    for (const o of outages) {
      if (typed >= date(o.starts_at).getTime() && typed < date(o.ends_at).getTime() && saved > date(o.ends_at).getTime()) {
        outageMarks.set(h.school_id, (outageMarks.get(h.school_id) ?? new Set()).add(h.mark_id));
      }
    }
  }
  for (const t of [...teacherFacts.values()].sort((a, b) => a.teacherId - b.teacherId)) {
    const facts = out.get(t.schoolId)!.facts as unknown as { teachers: RiskFacts["teachers"][number][] };
    facts.teachers.push({ teacherId: t.teacherId, expected: t.expected, entered: t.entered, firstEnteredAt: t.first, lastEnteredAt: t.last, bestDay: Math.max(0, ...t.days.values()) });
  }
  for (const [schoolId, s] of out) {
    const facts = s.facts as { -readonly [K in keyof RiskFacts]: RiskFacts[K] };
    facts.expected = facts.teachers.reduce((n, t) => n + t.expected, 0);
    facts.entered = facts.teachers.reduce((n, t) => n + t.entered, 0);
    facts.enteredByDay = [...(schoolDays.get(schoolId) ?? [])].sort(([a], [b]) => (a < b ? -1 : 1)).map(([day, entered]) => ({ day, entered }));
    const held = outageMarks.get(schoolId)?.size ?? 0;
    facts.outage = held > 0 ? { label: "November 4 outage", marks: held } : null;
  }
  return out;
}

class Rollback extends Error {}

describe.each(testDbKinds())("risk facts as of an instant on %s", (kind) => {
  let database: TestDatabase;
  let db: Db;
  let periods: { elementary: number; secondary: number };

  beforeAll(async () => {
    database = await createTestDb(kind);
    db = database.db;
    periods = await buildDistrict(db);
  }, 120_000);
  afterAll(async () => {
    await database?.close();
  });

  const instants = [
    "2014-10-26T12:00:00-07:00", // before the window opens: only early marks
    "2014-10-31T18:30:00-07:00",
    "2014-11-03T12:00:00-08:00", // the instant withdrawals happen
    "2014-11-04T15:00:00-08:00", // during the outage: what was typed is not saved yet
    "2014-11-04T17:00:00-08:00",
    "2014-11-05T07:00:00-08:00", // the instant the deadline moved
    "2014-11-05T23:59:59.999-08:00", // a mark at this instant, and one a millisecond later
    "2014-11-06T00:00:00-08:00", // midnight: the previous school day's end, as the ranking replays it
    "2014-11-10T10:00:00-08:00", // the instant Alder's extension was granted
    "2014-11-13T23:00:00-08:00",
    "2014-12-01T00:00:00-08:00", // after everything
  ];

  it.each(instants)("should equal, as of %s, the present answer on a copy of the data cut at that instant", async (iso) => {
    const at = new Date(iso);
    for (const periodId of [periods.elementary, periods.secondary]) {
      const asOf = await factsAsOf(db, { periodId, at });
      let cut: Map<number, SchoolRiskFacts> | undefined;
      let cutAsOf: Map<number, SchoolRiskFacts> | undefined;
      await db
        .transaction(async (tx) => {
          await cutAt(tx as unknown as Db, at);
          cut = await presentFacts(tx as unknown as Db, periodId, at);
          cutAsOf = await factsAsOf(tx as unknown as Db, { periodId, at });
          throw new Rollback();
        })
        .catch((err: unknown) => {
          if (!(err instanceof Rollback)) throw err;
        });
      expect(asOf).toEqual(cut);
      expect(cutAsOf).toEqual(cut);
    }
  });

  it("should leave the request's planner settings as they were for the statements after a replay", async () => {
    await db.transaction(async (tx) => {
      const settings = async () =>
        (await rows<{ s: string }>(tx as unknown as Db, sql`select concat_ws(',', current_setting('jit'), current_setting('work_mem'), current_setting('enable_nestloop'), current_setting('enable_sort')) as s`))[0]!.s;
      const before = await settings();
      const facts = await factsAsOf(tx as unknown as Db, { periodId: periods.elementary, at: new Date("2014-11-10T10:00:00-08:00") });
      expect(facts.size).toBeGreaterThan(0);
      expect(await settings()).toBe(before);
    });
  });

  it("should tell the story the data holds: deadlines in force, the outage's re-entered marks, withdrawn students no longer expected", async () => {
    const before = await factsAsOf(db, { periodId: periods.elementary, at: new Date("2014-11-05T06:59:59-08:00") });
    const after = await factsAsOf(db, { periodId: periods.elementary, at: new Date("2014-11-12T12:00:00-08:00") });
    const alder = [...after.values()].find((s) => s.schoolId === Math.min(...after.keys()))!;
    expect(localDate(before.get(alder.schoolId)!.facts.deadline)).toBe("2014-11-07");
    // Alder's extension to Nov 21, then a later one to Nov 18 that does not shorten it; Birch's section extension is not the school's.
    expect(localDate(alder.facts.deadline)).toBe("2014-11-21");
    expect([...after.values()].filter((s) => s.schoolId !== alder.schoolId).map((s) => localDate(s.facts.deadline))).toEqual(["2014-11-14", "2014-11-14", "2014-11-14"]);
    expect(after.size).toBe(4); // the high school has no elementary sections
    expect([...after.values()].some((s) => (s.facts.outage?.marks ?? 0) > 0 && s.facts.outage?.label === "November 4 outage")).toBe(true);
    const during = await factsAsOf(db, { periodId: periods.elementary, at: new Date("2014-11-04T15:59:00-08:00") });
    expect([...during.values()].every((s) => s.facts.outage === null)).toBe(true);
    // A teacher whose section has nobody enrolled expects nothing and is not listed.
    for (const s of after.values()) for (const t of s.facts.teachers) expect(t.expected).toBeGreaterThan(0);
  });
});
