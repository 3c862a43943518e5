import type { Db } from "@gradewatch/db";
import type { RiskFacts, TeacherProgressFacts } from "@gradewatch/domain";
import { addDays, deadlineAsOf, effectiveDeadline, endOfDay, localDate, zonedInstant } from "@gradewatch/domain";
import { sql } from "drizzle-orm";

export interface SchoolRiskFacts {
  schoolId: number;
  escId: number;
  periodId: number;
  facts: RiskFacts;
}

async function rows<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

const asDate = (v: Date | string | null): Date | null => (v === null ? null : v instanceof Date ? v : new Date(v));

interface PeriodRow {
  level: string;
  window_opens_on: string;
  current_deadline: string;
}

interface FactRow {
  kind: "S" | "T" | "D" | "O";
  school_id: number;
  esc_id: number | null;
  teacher_id: number | null;
  bucket: number | null;
  early_day: string | null;
  expected: number | null;
  entered: number | null;
  first_at: Date | string | null;
  last_at: Date | string | null;
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "November 4 outage": how a director names it. */
function outageLabel(startsAt: Date): string {
  const [, month, day] = localDate(startsAt).split("-").map(Number) as [number, number, number];
  return `${MONTHS[month - 1]} ${day} outage`;
}

/**
 * Facts as of a past instant, from scratch: mark times, enrollment periods, deadline changes, extensions
 * (created_at <= at), outages. A few set-based statements for all schools at once (schools, expected marks by
 * teacher, counted marks by teacher and day, marks held by each unplanned outage; plus small reads of the
 * period, its deadline changes, outages and extensions), so an as-of ranking of a district stays interactive.
 */
export async function factsAsOf(db: Db, opts: { periodId: number; at: Date; schoolIds?: number[] }): Promise<Map<number, SchoolRiskFacts>> {
  const { periodId, at } = opts;
  const out = new Map<number, SchoolRiskFacts>();
  const [period] = await rows<PeriodRow>(
    db,
    sql`select level::text as level, window_opens_on::text as window_opens_on, current_deadline::text as current_deadline
      from reporting_period where id = ${periodId}`,
  );
  if (!period) return out;
  const changes = await rows<{ id: number; from_deadline: string; to_deadline: string; changed_at: Date | string }>(
    db,
    sql`select id, from_deadline::text as from_deadline, to_deadline::text as to_deadline, changed_at from deadline_change where period_id = ${periodId}`,
  );
  const periodDeadline =
    deadlineAsOf(
      changes.map((c) => ({ id: c.id, fromDeadline: c.from_deadline, toDeadline: c.to_deadline, changedAt: asDate(c.changed_at)! })),
      at,
    ) ?? period.current_deadline;

  // Local day boundaries (epoch seconds) from the window's opening to the end of `at`'s day: a mark's day is a
  // bucket lookup, not a time-zone conversion per mark.
  const atDay = localDate(at);
  const firstDay = period.window_opens_on < atDay ? period.window_opens_on : atDay;
  const days: string[] = [];
  for (let d = firstDay; d <= atDay; d = addDays(d, 1)) days.push(d);
  const bounds = [...days.map((d) => zonedInstant(d).getTime() / 1000), (endOfDay(atDay).getTime() + 1) / 1000];
  const atIso = at.toISOString();
  const ids = opts.schoolIds ?? null;

  const at_ = sql`${atIso}::timestamptz`;
  // Sections of the period's level (in the schools asked for), and enrollments open at `at`.
  const ofLevel = (alias: string) => {
    const a = sql.identifier(alias);
    return sql`${a}.level = ${period.level}::period_level and (${sql.param(ids)}::int[] is null or ${a}.school_id = any(${sql.param(ids)}::int[]))`;
  };
  const openAt = (alias: string) => {
    const a = sql.identifier(alias);
    return sql`${a}.started_at <= ${at_} and (${a}.ended_at is null or ${a}.ended_at > ${at_})`;
  };
  const unplanned = await rows<{ starts_at: Date | string; ends_at: Date | string }>(
    db,
    sql`select starts_at, ends_at from outage where kind = 'UNPLANNED' and starts_at <= ${at_} order by starts_at`,
  );
  // Plain hash joins rather than CTEs, so PostgreSQL can scan marks and history in parallel; at most one enrollment
  // of a student in a section is open at an instant (one ends before the next starts), so joining counts each mark once.
  const result = await db.transaction(async (tx) => {
    await tx.execute(sql`set local work_mem = '64MB'`);
    const schools = await rows<FactRow>(
      tx as unknown as Db,
      sql`select 'S' as kind, sc.id as school_id, sc.esc_id from school sc where sc.id in (select s.school_id from section s where ${ofLevel("s")})`,
    );
    const expected = await rows<FactRow>(
      tx as unknown as Db,
      sql`select 'T' as kind, s.school_id, s.teacher_id, count(*)::int * (select count(*)::int from grading_item where period_id = ${periodId}) as expected
        from enrollment e join section s on s.id = e.section_id
        where ${ofLevel("s")} and ${openAt("e")}
        group by 1, 2, 3`,
    );
    const byDay = await rows<FactRow>(
      tx as unknown as Db,
      sql`select 'D' as kind, s.school_id, s.teacher_id,
          width_bucket(extract(epoch from m.entered_at)::float8, ${sql.param(bounds)}::float8[]) as bucket,
          case when m.entered_at < ${new Date(bounds[0]! * 1000).toISOString()}::timestamptz
            then to_char(m.entered_at at time zone 'America/Los_Angeles', 'YYYY-MM-DD') end as early_day,
          count(*)::int as entered, min(m.entered_at) as first_at, max(m.entered_at) as last_at
        from mark m
        join (select e.section_id, e.student_id, s.school_id, s.teacher_id from enrollment e join section s on s.id = e.section_id
          where ${ofLevel("s")} and ${openAt("e")}) s on s.section_id = m.section_id and s.student_id = m.student_id
        where m.period_id = ${periodId} and m.entered_at <= ${at_}
        group by 1, 2, 3, 4, 5`,
    );
    const held: FactRow[] = [];
    for (const o of unplanned) {
      const start = asDate(o.starts_at)!.toISOString();
      const end = asDate(o.ends_at)!.toISOString();
      held.push(
        ...(await rows<FactRow>(
          tx as unknown as Db,
          sql`select 'O' as kind, h.school_id, count(distinct h.mark_id)::int as entered, ${start}::timestamptz as first_at
            from mark_history h join mark m on m.id = h.mark_id
            where h.client_entered_at >= ${start}::timestamptz and h.client_entered_at < ${end}::timestamptz
              and h.changed_at > ${end}::timestamptz and h.changed_at <= ${at_}
              and m.period_id = ${periodId} and h.section_id in (select s.id from section s where ${ofLevel("s")})
            group by 1, 2`,
        )),
      );
    }
    return [...schools, ...expected, ...byDay, ...held];
  });

  const extensions = await rows<{ school_id: number; extended_to: string }>(
    db,
    sql`select school_id, max(extended_to)::text as extended_to from deadline_extension
      where period_id = ${periodId} and section_id is null and created_at <= ${atIso}::timestamptz
        and (${sql.param(ids)}::int[] is null or school_id = any(${sql.param(ids)}::int[]))
      group by school_id`,
  );
  const extendedTo = new Map(extensions.map((e) => [e.school_id, e.extended_to]));

  const byDay = new Map<number, Map<string, number>>();
  const teachers = new Map<number, Map<number, TeacherProgressFacts & { days: Map<string, number> }>>();
  const teacherOf = (schoolId: number, teacherId: number) => {
    const list = teachers.get(schoolId) ?? new Map<number, TeacherProgressFacts & { days: Map<string, number> }>();
    teachers.set(schoolId, list);
    let t = list.get(teacherId);
    if (!t) list.set(teacherId, (t = { teacherId, expected: 0, entered: 0, firstEnteredAt: null, lastEnteredAt: null, bestDay: 0, days: new Map() }));
    return t;
  };
  const outages = new Map<number, { label: string; marks: number }>();
  for (const r of result) {
    if (r.kind === "S") {
      out.set(r.school_id, {
        schoolId: r.school_id,
        escId: r.esc_id!,
        periodId,
        facts: {
          now: at,
          windowOpensOn: period.window_opens_on,
          deadline: effectiveDeadline({ periodDeadline, schoolExtendedTo: extendedTo.get(r.school_id) ?? null }),
          expected: 0,
          entered: 0,
          enteredByDay: [],
          teachers: [],
          outage: null,
        },
      });
    } else if (r.kind === "T") {
      teacherOf(r.school_id, r.teacher_id!).expected = r.expected!;
    } else if (r.kind === "D") {
      const day = r.bucket !== null && r.bucket >= 1 && r.bucket <= days.length ? days[r.bucket - 1]! : r.early_day!;
      const m = byDay.get(r.school_id) ?? new Map<string, number>();
      m.set(day, (m.get(day) ?? 0) + r.entered!);
      byDay.set(r.school_id, m);
      const t = teacherOf(r.school_id, r.teacher_id!);
      const first = asDate(r.first_at)!;
      const last = asDate(r.last_at)!;
      t.entered += r.entered!;
      t.days.set(day, (t.days.get(day) ?? 0) + r.entered!);
      if (!t.firstEnteredAt || first < t.firstEnteredAt) t.firstEnteredAt = first;
      if (!t.lastEnteredAt || last > t.lastEnteredAt) t.lastEnteredAt = last;
    } else {
      const marks = r.entered!;
      const current = outages.get(r.school_id);
      if (!current || marks > current.marks) outages.set(r.school_id, { label: outageLabel(asDate(r.first_at)!), marks });
    }
  }
  for (const [schoolId, s] of out) {
    const list = [...(teachers.get(schoolId)?.values() ?? [])]
      .sort((a, b) => a.teacherId - b.teacherId)
      .map(({ days: perDay, ...t }): TeacherProgressFacts => ({ ...t, bestDay: Math.max(0, ...perDay.values()) }));
    const facts = s.facts as { -readonly [K in keyof RiskFacts]: RiskFacts[K] };
    facts.teachers = list;
    facts.expected = list.reduce((n, t) => n + t.expected, 0);
    facts.entered = list.reduce((n, t) => n + t.entered, 0);
    facts.enteredByDay = [...(byDay.get(schoolId) ?? new Map<string, number>())].sort(([a], [b]) => (a < b ? -1 : 1)).map(([day, entered]) => ({ day, entered }));
    facts.outage = outages.get(schoolId) ?? null;
  }
  return out;
}
