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
  best: number | null;
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
 * (created_at <= at), outages. One set-based statement for all schools (plus two small reads of the period
 * and its deadline changes), so an as-of ranking of a district stays interactive.
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

  const result = await rows<FactRow>(
    db,
    sql`with sec as (
        select s.id, s.school_id, s.teacher_id from section s
        where s.level::text = ${period.level} and (${sql.param(ids)}::int[] is null or s.school_id = any(${sql.param(ids)}::int[]))),
      items as (select count(*)::int as n from grading_item where period_id = ${periodId}),
      enr as materialized (
        select e.section_id, e.student_id from enrollment e join sec on sec.id = e.section_id
        where e.started_at <= ${atIso}::timestamptz and (e.ended_at is null or e.ended_at > ${atIso}::timestamptz)),
      expected as (
        select sec.school_id, sec.teacher_id, count(*)::int * (select n from items) as expected
        from enr join sec on sec.id = enr.section_id group by 1, 2),
      counted as (
        select sec.school_id, sec.teacher_id, m.entered_at,
          width_bucket(extract(epoch from m.entered_at)::float8, ${sql.param(bounds)}::float8[]) as bucket
        from mark m join sec on sec.id = m.section_id
        where m.period_id = ${periodId} and m.entered_at <= ${atIso}::timestamptz
          and exists (select 1 from enr where enr.section_id = m.section_id and enr.student_id = m.student_id)),
      td as materialized (
        select school_id, teacher_id, bucket,
          case when bucket = 0 then to_char(entered_at at time zone 'America/Los_Angeles', 'YYYY-MM-DD') end as early_day,
          count(*)::int as n, min(entered_at) as first_at, max(entered_at) as last_at
        from counted group by 1, 2, 3, 4),
      teacher as (
        select school_id, teacher_id, sum(n)::int as entered, max(n)::int as best, min(first_at) as first_at, max(last_at) as last_at
        from td group by 1, 2),
      outage_marks as (
        select h.school_id, o.starts_at, count(distinct h.mark_id)::int as n
        from outage o
        join mark_history h on h.client_entered_at >= o.starts_at and h.client_entered_at < o.ends_at
          and h.changed_at > o.ends_at and h.changed_at <= ${atIso}::timestamptz
        join mark m on m.id = h.mark_id and m.period_id = ${periodId}
        where o.kind = 'UNPLANNED' and o.starts_at <= ${atIso}::timestamptz
          and h.section_id in (select id from sec)
        group by 1, 2)
      select 'S' as kind, sc.id as school_id, sc.esc_id, null::int as teacher_id, null::int as bucket, null::text as early_day,
        null::int as expected, null::int as entered, null::int as best, null::timestamptz as first_at, null::timestamptz as last_at
        from school sc where sc.id in (select school_id from sec)
      union all
      select 'T', coalesce(x.school_id, t.school_id), null, coalesce(x.teacher_id, t.teacher_id), null, null,
        coalesce(x.expected, 0), coalesce(t.entered, 0), t.best, t.first_at, t.last_at
        from expected x full join teacher t on t.school_id = x.school_id and t.teacher_id = x.teacher_id
      union all
      select 'D', school_id, null, null, bucket, early_day, null, sum(n)::int, null, null, null from td group by school_id, bucket, early_day
      union all
      select 'O', school_id, null, null, null, null, null, n, null, starts_at, null from outage_marks`,
  );

  const extensions = await rows<{ school_id: number; extended_to: string }>(
    db,
    sql`select school_id, max(extended_to)::text as extended_to from deadline_extension
      where period_id = ${periodId} and section_id is null and created_at <= ${atIso}::timestamptz
        and (${sql.param(ids)}::int[] is null or school_id = any(${sql.param(ids)}::int[]))
      group by school_id`,
  );
  const extendedTo = new Map(extensions.map((e) => [e.school_id, e.extended_to]));

  const byDay = new Map<number, Map<string, number>>();
  const teachers = new Map<number, TeacherProgressFacts[]>();
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
      const list = teachers.get(r.school_id) ?? [];
      list.push({
        teacherId: r.teacher_id!,
        expected: r.expected!,
        entered: r.entered!,
        firstEnteredAt: asDate(r.first_at),
        lastEnteredAt: asDate(r.last_at),
        bestDay: r.best ?? 0,
      });
      teachers.set(r.school_id, list);
    } else if (r.kind === "D") {
      const day = r.bucket !== null && r.bucket >= 1 && r.bucket <= days.length ? days[r.bucket - 1]! : r.early_day!;
      const m = byDay.get(r.school_id) ?? new Map<string, number>();
      m.set(day, (m.get(day) ?? 0) + r.entered!);
      byDay.set(r.school_id, m);
    } else {
      const marks = r.entered!;
      const current = outages.get(r.school_id);
      if (!current || marks > current.marks) outages.set(r.school_id, { label: outageLabel(asDate(r.first_at)!), marks });
    }
  }
  for (const [schoolId, s] of out) {
    const list = (teachers.get(schoolId) ?? []).sort((a, b) => a.teacherId - b.teacherId);
    const facts = s.facts as { -readonly [K in keyof RiskFacts]: RiskFacts[K] };
    facts.teachers = list;
    facts.expected = list.reduce((n, t) => n + t.expected, 0);
    facts.entered = list.reduce((n, t) => n + t.entered, 0);
    facts.enteredByDay = [...(byDay.get(schoolId) ?? new Map<string, number>())].sort(([a], [b]) => (a < b ? -1 : 1)).map(([day, entered]) => ({ day, entered }));
    facts.outage = outages.get(schoolId) ?? null;
  }
  return out;
}
