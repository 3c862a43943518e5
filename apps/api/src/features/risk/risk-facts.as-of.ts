import { sql } from "drizzle-orm";
import type { Db } from "@gradewatch/db";
import type { RiskFacts, TeacherProgressFacts } from "@gradewatch/domain";
import { deadlineAsOf, effectiveDeadline } from "@gradewatch/domain";

export interface SchoolRiskFacts {
  schoolId: number;
  escId: number;
  periodId: number;
  facts: RiskFacts;
}

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;
const idList = (ids: number[]) => sql`array[${sql.join(ids.map((id) => sql`${id}`), sql`, `)}]::integer[]`;

/** The period, its deadline changes and the school extensions made by `at`: the deadline in force then, per school. */
export async function deadlinesAsOf(db: Db, periodId: number, at: Date) {
  const [period] = rowsOf<{ window_opens_on: string; original_deadline: string }>(
    await db.execute(sql`select window_opens_on::text, original_deadline::text from reporting_period where id = ${periodId}`),
  );
  if (!period) return undefined;
  const changes = rowsOf<{ id: number; from_deadline: string; to_deadline: string; changed_at: string | Date }>(
    await db.execute(sql`select id, from_deadline::text, to_deadline::text, changed_at from deadline_change where period_id = ${periodId}`),
  ).map((c) => ({ id: c.id, fromDeadline: c.from_deadline, toDeadline: c.to_deadline, changedAt: new Date(c.changed_at) }));
  const periodDeadline = deadlineAsOf(changes, at) ?? period.original_deadline;
  const extensions = new Map(
    rowsOf<{ school_id: number; extended_to: string }>(
      await db.execute(sql`select school_id, max(extended_to)::text as extended_to from deadline_extension
        where period_id = ${periodId} and section_id is null and created_at <= ${at.toISOString()}::timestamptz group by school_id`),
    ).map((r) => [r.school_id, r.extended_to]),
  );
  return {
    windowOpensOn: period.window_opens_on,
    periodDeadline,
    extendedTo: (schoolId: number) => extensions.get(schoolId) ?? null,
    deadlineOf: (schoolId: number) => effectiveDeadline({ periodDeadline, schoolExtendedTo: extensions.get(schoolId) ?? null }),
  };
}

/** Facts as of a past instant, from scratch: mark times, enrollment periods, deadline changes, extensions (created_at <= at), outages. */
export async function factsAsOf(db: Db, opts: { periodId: number; at: Date; schoolIds?: number[] }): Promise<Map<number, SchoolRiskFacts>> {
  const { periodId, at } = opts;
  const out = new Map<number, SchoolRiskFacts>();
  const deadlines = await deadlinesAsOf(db, periodId, at);
  if (!deadlines || opts.schoolIds?.length === 0) return out;
  const atSql = sql`${at.toISOString()}::timestamptz`;
  const inSchools = opts.schoolIds ? sql`and s.school_id = any(${idList(opts.schoolIds)})` : sql``;
  // Sections of the period's level, the enrollments open at `at` and the marks of those students entered by `at`.
  const base = sql`
    sec as (select s.id, s.school_id, s.teacher_id from section s join reporting_period p on p.level = s.level where p.id = ${periodId} ${inSchools}),
    items as (select count(*)::integer as n from grading_item where period_id = ${periodId}),
    enr as (select e.section_id, count(*)::integer as n from enrollment e join sec on sec.id = e.section_id
            where e.started_at <= ${atSql} and (e.ended_at is null or e.ended_at > ${atSql}) group by e.section_id),
    mk as (select m.section_id, m.entered_at from mark m join sec on sec.id = m.section_id
           where m.period_id = ${periodId} and m.entered_at <= ${atSql}
             and exists (select 1 from enrollment e where e.section_id = m.section_id and e.student_id = m.student_id
                         and e.started_at <= ${atSql} and (e.ended_at is null or e.ended_at > ${atSql})))`;
  const teachers = rowsOf<{ school_id: number; esc_id: number; teacher_id: number; expected: number; entered: number; first_at: string | Date | null; last_at: string | Date | null }>(
    await db.execute(sql`with ${base},
      per_section as (select sec.id, sec.school_id, sec.teacher_id, coalesce(enr.n, 0) * (select n from items) as expected,
                             coalesce(x.n, 0) as entered, x.first_at, x.last_at
                      from sec left join enr on enr.section_id = sec.id
                      left join (select section_id, count(*)::integer as n, min(entered_at) as first_at, max(entered_at) as last_at from mk group by section_id) x on x.section_id = sec.id)
      select ps.school_id, sc.esc_id, ps.teacher_id, sum(ps.expected)::integer as expected, sum(ps.entered)::integer as entered,
             min(ps.first_at) as first_at, max(ps.last_at) as last_at
      from per_section ps join school sc on sc.id = ps.school_id
      group by ps.school_id, sc.esc_id, ps.teacher_id order by ps.school_id, ps.teacher_id`),
  );
  const days = rowsOf<{ school_id: number; day: string; entered: number }>(
    await db.execute(sql`with ${base}
      select sec.school_id, (mk.entered_at at time zone 'America/Los_Angeles')::date::text as day, count(*)::integer as entered
      from mk join sec on sec.id = mk.section_id group by 1, 2 order by 1, 2`),
  );
  const outages = rowsOf<{ school_id: number; label: string; marks: number }>(
    await db.execute(sql`select distinct on (x.school_id) x.school_id, o.description as label, x.marks from (
        select m.school_id, o.id as outage_id, count(distinct h.mark_id)::integer as marks
        from mark_history h
        join outage o on o.kind = 'UNPLANNED' and h.client_entered_at >= o.starts_at and h.client_entered_at < o.ends_at and h.changed_at > o.ends_at
        join mark m on m.id = h.mark_id
        where m.period_id = ${periodId} and h.changed_at <= ${atSql} ${opts.schoolIds ? sql`and m.school_id = any(${idList(opts.schoolIds)})` : sql``}
        group by 1, 2) x join outage o on o.id = x.outage_id
      order by x.school_id, x.marks desc, x.outage_id`),
  );
  const date = (v: string | Date | null) => (v === null ? null : new Date(v));
  for (const t of teachers) {
    let school = out.get(t.school_id);
    if (!school) {
      school = {
        schoolId: t.school_id,
        escId: t.esc_id,
        periodId,
        facts: { now: at, windowOpensOn: deadlines.windowOpensOn, deadline: deadlines.deadlineOf(t.school_id), expected: 0, entered: 0, enteredByDay: [], teachers: [], outage: null },
      };
      out.set(t.school_id, school);
    }
    const teacher: TeacherProgressFacts = { teacherId: t.teacher_id, expected: t.expected, entered: t.entered, firstEnteredAt: date(t.first_at), lastEnteredAt: date(t.last_at) };
    school.facts = { ...school.facts, expected: school.facts.expected + t.expected, entered: school.facts.entered + t.entered, teachers: [...school.facts.teachers, teacher] };
  }
  const byDay = new Map<number, { day: string; entered: number }[]>();
  for (const d of days) byDay.set(d.school_id, [...(byDay.get(d.school_id) ?? []), { day: d.day, entered: d.entered }]);
  for (const [schoolId, s] of out) {
    const o = outages.find((x) => x.school_id === schoolId);
    s.facts = { ...s.facts, enteredByDay: byDay.get(schoolId) ?? [], outage: o ? { label: o.label, marks: o.marks } : null };
  }
  return out;
}
