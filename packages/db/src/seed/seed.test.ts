import { MARK_SCALE_VALUES, type MarkScale } from "@gradewatch/domain";
import { type SQL, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../client.js";
import { createTestDb, type TestDatabase, testDbKinds } from "../testing.js";
import { DEMO_CLOCK_START, DEMO_LOGINS, isDatabaseEmpty, seed, type SeedSummary } from "./index.js";
import { verifyForeignKeys } from "./integrity.js";

async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

async function markChecksum(db: Db): Promise<string> {
  const [row] = await rows<{ sum: string }>(
    db,
    sql`select md5(string_agg(concat_ws(',', id, section_id, student_id, grading_item_id, entered_by_id, value,
      extract(epoch from entered_at), extract(epoch from updated_at), version), ';' order by id)) as sum from mark`,
  );
  return row!.sum;
}

const LA = sql.raw(`'America/Los_Angeles'`);

describe.each(testDbKinds())("demo seed on %s", (kind) => {
  let database: TestDatabase;
  let db: Db;
  let summary: SeedSummary;

  beforeAll(async () => {
    database = await createTestDb(kind);
    db = database.db;
    expect(await isDatabaseEmpty(db)).toBe(true);
    summary = await seed(db, { scale: "demo", seed: 42 });
  });
  afterAll(async () => {
    await database?.close();
  });

  it("should give the same district for the same seed number, also after a reset", async () => {
    const checksum = await markChecksum(db);
    const other = await createTestDb(kind);
    try {
      const again = await seed(other.db, { scale: "demo", seed: 42 });
      expect(again.counts).toEqual(summary.counts);
      expect(await markChecksum(other.db)).toBe(checksum);
      const reseeded = await seed(other.db, { scale: "demo", seed: 42, reset: true });
      expect(reseeded.counts).toEqual(summary.counts);
      expect(await markChecksum(other.db)).toBe(checksum);
      await seed(other.db, { scale: "demo", seed: 43, reset: true });
      expect(await markChecksum(other.db)).not.toBe(checksum);
    } finally {
      await other.close();
    }
  });

  it("should refuse a database that is not empty unless asked to reset", async () => {
    expect(await isDatabaseEmpty(db)).toBe(false);
    await expect(seed(db, { scale: "demo", seed: 42 })).rejects.toThrow(/database is not empty; pass --reset/);
  });

  it("should have the demo's size and count exactly what it wrote", async () => {
    const [actual] = await rows<Record<string, number>>(
      db,
      sql`select (select count(*)::int from school) as school, (select count(*)::int from employee) as employee,
        (select count(*)::int from student) as student, (select count(*)::int from enrollment) as enrollment,
        (select count(*)::int from mark) as mark, (select sum(enrollment)::int from school) as enrolled`,
    );
    expect(actual).toMatchObject({
      school: summary.counts.school,
      employee: summary.counts.employee,
      student: summary.counts.student,
      enrollment: summary.counts.enrollment,
      mark: summary.counts.mark,
      enrolled: summary.counts.student,
    });
    expect(summary.counts.esc).toBe(5);
    expect(summary.counts.school).toBe(40);
    expect(summary.counts.student).toBeGreaterThan(6_000);
    expect(summary.counts.student).toBeLessThan(10_000);
    expect(summary.counts.mark).toBeGreaterThan(10_000);
    // Ids were given explicitly: the identity sequences must continue after them.
    for (const table of ["school", "employee", "student", "section", "enrollment", "mark"]) {
      const [seq] = await rows<{ next: number; max: number }>(
        db,
        sql`select (select case when is_called then last_value + 1 else last_value end from ${sql.identifier(`${table}_id_seq`)})::int as next,
          (select max(id) from ${sql.identifier(table)})::int as max`,
      );
      expect(seq!.next).toBe(seq!.max + 1);
    }
  });

  it("should type no mark during the nightly 9-10 pm window or the Nov 4 outage", async () => {
    const [row] = await rows<{ nightly: number; outage: number }>(
      db,
      sql`select
        count(*) filter (where extract(hour from entered_at at time zone ${LA}) = 21
                            or extract(hour from updated_at at time zone ${LA}) = 21)::int as nightly,
        count(*) filter (where tstzrange('2014-11-04 14:00-08', '2014-11-04 16:00-08') @> entered_at
                            or tstzrange('2014-11-04 14:00-08', '2014-11-04 16:00-08') @> updated_at)::int as outage
        from mark`,
    );
    expect(row).toEqual({ nightly: 0, outage: 0 });
  });

  it("should have no marks typed at or after the demo clock's start, and none before the window opened", async () => {
    const [row] = await rows<{ late: number; early: number; backwards: number }>(
      db,
      sql`select count(*) filter (where entered_at >= ${DEMO_CLOCK_START}::timestamptz
                                    or updated_at >= ${DEMO_CLOCK_START}::timestamptz)::int as late,
        count(*) filter (where entered_at < '2014-10-27 00:00-07')::int as early,
        count(*) filter (where updated_at < entered_at or (version = 1) <> (updated_at = entered_at))::int as backwards
        from mark`,
    );
    expect(row).toEqual({ late: 0, early: 0, backwards: 0 });
    const [setting] = await rows<{ value: string }>(db, sql`select value from district_setting where key = 'clock_start'`);
    expect(setting?.value).toBe(DEMO_CLOCK_START);
  });

  it("should keep every mark on its item's scale, by the section's teacher, for an enrolled student", async () => {
    const used = await rows<{ scale: MarkScale; value: string }>(
      db,
      sql`select distinct g.scale, m.value from mark m join grading_item g on g.id = m.grading_item_id`,
    );
    for (const { scale, value } of used) expect(MARK_SCALE_VALUES[scale]).toContain(value);
    const [row] = await rows<{ wrong: number }>(
      db,
      sql`select count(*)::int as wrong from mark m
        join section s on s.id = m.section_id
        join grading_item g on g.id = m.grading_item_id
        join reporting_period p on p.id = m.period_id
        left join enrollment e on e.section_id = m.section_id and e.student_id = m.student_id
        where s.teacher_id <> m.entered_by_id or s.school_id <> m.school_id or e.id is null
          or g.period_id <> m.period_id or p.level <> s.level`,
    );
    expect(row!.wrong).toBe(0);
  });

  it("should create one demo login per role, linked teacher to principal to ESC North", async () => {
    const accounts = await rows<{ email: string; role: string; id: number; school_id: number | null; esc_id: number | null; password_hash: string | null }>(
      db,
      sql`select email, role, id, school_id, esc_id, password_hash from employee where email like '%@demo.gradewatch.test'`,
    );
    expect(accounts.map((a) => [a.email, a.role]).sort()).toEqual(DEMO_LOGINS.map((l) => [l.email, l.role]).sort());
    expect(accounts.every((a) => a.password_hash === null)).toBe(true);
    const by = (role: string) => accounts.find((a) => a.role === role)!;
    const [school] = await rows<{ id: number; level: string; principal_id: number; esc_code: string; esc_id: number }>(
      db,
      sql`select s.id, s.level, s.principal_id, e.code as esc_code, e.id as esc_id from school s join esc e on e.id = s.esc_id
        where s.id = ${by("TEACHER").school_id}`,
    );
    expect(school).toMatchObject({ level: "ELEMENTARY", principal_id: by("PRINCIPAL").id, esc_code: "NORTH" });
    expect(by("PRINCIPAL").school_id).toBe(school!.id);
    expect(by("ESC_DIRECTOR").esc_id).toBe(school!.esc_id);
    expect(by("INSTRUCTIONAL_SUPERINTENDENT").esc_id).toBe(school!.esc_id);
    const [work] = await rows<{ sections: number; marks: number; expected: number }>(
      db,
      sql`select count(distinct s.id)::int as sections,
        (select count(*)::int from mark where entered_by_id = ${by("TEACHER").id}) as marks,
        (count(*) * 8)::int as expected
        from section s join enrollment e on e.section_id = s.id
        where s.teacher_id = ${by("TEACHER").id} and s.level = 'ELEMENTARY'`,
    );
    // Halfway through at the demo clock: something entered, something left to do.
    expect(work!.sections).toBeGreaterThanOrEqual(1);
    expect(work!.marks).toBeGreaterThan(0);
    expect(work!.marks).toBeLessThan(work!.expected);
  });

  it("should spread elementary completion from nearly done to far behind", async () => {
    const schools = await rows<{ pct: number }>(
      db,
      sql`with expected as (
          select s.school_id, count(*) * (select count(*) from grading_item g join reporting_period p on p.id = g.period_id
            where p.level = 'ELEMENTARY') as n
          from section s join enrollment e on e.section_id = s.id where s.level = 'ELEMENTARY' group by 1),
        done as (
          select m.school_id, count(*) as n from mark m join reporting_period p on p.id = m.period_id
          where p.level = 'ELEMENTARY' group by 1)
        select (100.0 * coalesce(d.n, 0) / x.n)::float8 as pct from expected x left join done d on d.school_id = x.school_id`,
    );
    const pcts = schools.map((s) => Number(s.pct));
    expect(pcts.filter((p) => p > 90).length).toBeGreaterThanOrEqual(2);
    expect(pcts.filter((p) => p < 50).length).toBeGreaterThanOrEqual(2);
    expect(pcts.filter((p) => p >= 50 && p <= 90).length).toBeGreaterThanOrEqual(1);
  });

  it("should record the Nov 4 outage and the nightly maintenance window", async () => {
    const outages = await rows<{ kind: string; starts: string; ends: string }>(
      db,
      sql`select kind, to_char(starts_at at time zone ${LA}, 'YYYY-MM-DD HH24:MI') as starts,
        to_char(ends_at at time zone ${LA}, 'YYYY-MM-DD HH24:MI') as ends from outage where kind = 'UNPLANNED'`,
    );
    expect(outages).toEqual([{ kind: "UNPLANNED", starts: "2014-11-04 14:00", ends: "2014-11-04 16:00" }]);
    const windows = await rows<{ starts_at_local: string; ends_at_local: string; time_zone: string }>(
      db,
      sql`select starts_at_local::text, ends_at_local::text, time_zone from maintenance_window`,
    );
    expect(windows).toEqual([{ starts_at_local: "21:00:00", ends_at_local: "22:00:00", time_zone: "America/Los_Angeles" }]);
  });

  it("should catch a dangling reference written with the foreign-key triggers off", async () => {
    await verifyForeignKeys(db);
    await db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(sql`insert into enrollment (school_id, section_id, student_id) values (1, 999999, 1)`);
    });
    try {
      await expect(verifyForeignKeys(db)).rejects.toThrow("enrollment.section_id -> section: 1 rows");
    } finally {
      await db.execute(sql`delete from enrollment where section_id = 999999`);
    }
  });
});
