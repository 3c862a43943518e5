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
  const [history] = await rows<{ sum: string }>(
    db,
    sql`select md5(string_agg(concat_ws(',', id, mark_id, version, old_value, new_value,
      extract(epoch from changed_at), extract(epoch from client_entered_at)), ';' order by id)) as sum from mark_history`,
  );
  return `${row!.sum}/${history!.sum}`;
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
        (select count(*)::int from mark) as mark, (select count(*)::int from mark_history) as mark_history,
        (select sum(enrollment)::int from school) as enrolled`,
    );
    expect(actual).toMatchObject({
      school: summary.counts.school,
      employee: summary.counts.employee,
      student: summary.counts.student,
      enrollment: summary.counts.enrollment,
      mark: summary.counts.mark,
      mark_history: summary.counts.mark_history,
      enrolled: summary.counts.student,
    });
    expect(summary.counts.esc).toBe(5);
    expect(summary.counts.school).toBe(40);
    expect(summary.counts.student).toBeGreaterThan(6_000);
    expect(summary.counts.student).toBeLessThan(10_000);
    expect(summary.counts.mark).toBeGreaterThan(10_000);
    // Ids were given explicitly: the identity sequences must continue after them.
    for (const table of ["school", "employee", "student", "section", "enrollment", "mark", "mark_history"]) {
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

  it("should keep every save of every mark in its history, the last one matching the stored mark", async () => {
    const [row] = await rows<{ marks: number; without: number; mismatched: number; rows: number; bad: number }>(
      db,
      sql`with last as (
          select distinct on (mark_id) mark_id, version, new_value, changed_at from mark_history order by mark_id, version desc),
        first as (select mark_id, changed_at from mark_history where version = 1)
        select (select count(*)::int from mark) as marks,
          (select count(*)::int from mark m where not exists (select 1 from mark_history h where h.mark_id = m.id)) as without,
          (select count(*)::int from mark m join last l on l.mark_id = m.id join first f on f.mark_id = m.id
            where l.version <> m.version or l.new_value <> m.value or l.changed_at <> m.updated_at or f.changed_at <> m.entered_at) as mismatched,
          (select count(*)::int from mark_history) as rows,
          (select count(*)::int from mark_history h join mark m on m.id = h.mark_id
            where h.source <> 'GRID' or h.client_entered_at is null or h.client_entered_at > h.changed_at
              or h.changed_by_id <> m.entered_by_id or h.school_id <> m.school_id or h.section_id <> m.section_id
              or h.operation_id is not null or (h.version = 1) <> (h.old_value is null)) as bad`,
    );
    expect(row).toEqual({ marks: summary.counts.mark, without: 0, mismatched: 0, rows: summary.counts.mark_history, bad: 0 });
    // Every version from 1 to the mark's: no gaps, no duplicates.
    const [chain] = await rows<{ broken: number }>(
      db,
      sql`select count(*)::int as broken from mark m
        where (select count(distinct h.version) from mark_history h where h.mark_id = m.id and h.version between 1 and m.version) <> m.version
          or (select count(*) from mark_history h where h.mark_id = m.id) <> m.version`,
    );
    expect(chain!.broken).toBe(0);
  });

  it("should tell the Nov 4 story: marks typed during the outage, held on the device, saved by the outbox just after 4 pm", async () => {
    const schools = await rows<{ school_id: number; held: number; first: string; last: string }>(
      db,
      sql`select school_id, count(*)::int as held,
          to_char(min(changed_at) at time zone ${LA}, 'HH24:MI:SS') as first, to_char(max(changed_at) at time zone ${LA}, 'HH24:MI:SS') as last
        from mark_history
        where client_entered_at >= '2014-11-04 14:00-08' and client_entered_at < '2014-11-04 16:00-08' and changed_at >= '2014-11-04 16:00-08'
        group by school_id order by school_id`,
    );
    expect(schools.length).toBeGreaterThanOrEqual(3);
    expect(schools.reduce((n, s) => n + s.held, 0)).toBeGreaterThan(100);
    for (const s of schools) {
      expect(s.first >= "16:00:00").toBe(true);
      expect(s.last < "16:10:00").toBe(true);
    }
    // Nothing was stored while the server was down, and every held change reached its mark.
    const [row] = await rows<{ during: number; missing: number }>(
      db,
      sql`select count(*) filter (where h.changed_at >= '2014-11-04 14:00-08' and h.changed_at < '2014-11-04 16:00-08')::int as during,
          count(*) filter (where m.id is null or m.version < h.version)::int as missing
        from mark_history h left join mark m on m.id = h.mark_id`,
    );
    expect(row).toEqual({ during: 0, missing: 0 });
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

  it("should record the November 5 extension as a change by the district admin, which the elementary deadline follows", async () => {
    const changes = await rows<Record<string, unknown>>(
      db,
      sql`select p.name, p.original_deadline::text as original, p.current_deadline::text as current, c.from_deadline::text as "from",
          c.to_deadline::text as "to", e.email, c.changed_at < ${DEMO_CLOCK_START}::timestamptz as before_clock, c.reason
        from reporting_period p left join deadline_change c on c.period_id = p.id left join employee e on e.id = c.changed_by_id
        order by p.name`,
    );
    expect(changes).toEqual([
      expect.objectContaining({ name: "Elementary Reporting Period 1", original: "2014-11-07", current: "2014-11-14", from: "2014-11-07", to: "2014-11-14", email: "admin@demo.gradewatch.test", before_clock: true }),
      expect.objectContaining({ name: "Secondary Reporting Period 1", original: "2014-11-07", current: "2014-11-07", from: null }),
    ]);
    expect(changes[0]!.reason).toMatch(/outage of November 4/);
    const [open] = await rows<{ ended: number; early: number }>(
      db,
      sql`select count(*) filter (where ended_at is not null)::int as ended, count(*) filter (where started_at > '2014-10-27 00:00-07')::int as early from enrollment`,
    );
    expect(open).toEqual({ ended: 0, early: 0 });
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
    // Some schools are done by the morning of November 5: the story of the demo's clock start.
    expect(pcts.filter((p) => p === 100).length).toBeGreaterThanOrEqual(2);
    expect(pcts.filter((p) => p > 90).length).toBeGreaterThanOrEqual(2);
    expect(pcts.filter((p) => p < 50).length).toBeGreaterThanOrEqual(2);
    expect(pcts.filter((p) => p >= 50 && p <= 90).length).toBeGreaterThanOrEqual(1);
  });

  it("should enter marks in a rush toward the deadline teachers believed in (November 7 before the November 5 letter)", async () => {
    const days = await rows<{ day: string; n: number }>(
      db,
      sql`select to_char(entered_at at time zone ${LA}, 'YYYY-MM-DD') as day, count(*)::int as n from mark
        join reporting_period p on p.id = mark.period_id where p.level = 'ELEMENTARY' group by 1`,
    );
    const on = (...ds: string[]) => days.filter((d) => ds.includes(d.day)).reduce((s, d) => s + d.n, 0);
    // The last two school days before the clock start outweigh the first two of the window by far.
    expect(on("2014-11-03", "2014-11-04")).toBeGreaterThan(2 * on("2014-10-27", "2014-10-28"));
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
      await tx.execute(sql`insert into enrollment (school_id, section_id, student_id, started_at) values (1, 999999, 1, now())`);
    });
    try {
      await expect(verifyForeignKeys(db)).rejects.toThrow("enrollment.section_id -> section: 1 rows");
    } finally {
      await db.execute(sql`delete from enrollment where section_id = 999999`);
    }
  });
});
