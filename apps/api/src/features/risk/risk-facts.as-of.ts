import { sql } from "drizzle-orm";
import type { Db } from "@gradewatch/db";
import { openReportFacts } from "../problem-reports/problem-report.facts.js";
import type { RiskFacts, TeacherProgressFacts } from "@gradewatch/domain";
import { deadlineAsOf, effectiveDeadline, localDate, zonedInstant } from "@gradewatch/domain";

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
  const [period] = rowsOf<{ level: string; window_opens_on: string; original_deadline: string }>(
    await db.execute(sql`select level::text, window_opens_on::text, original_deadline::text from reporting_period where id = ${periodId}`),
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
    level: period.level,
    windowOpensOn: period.window_opens_on,
    periodDeadline,
    extendedTo: (schoolId: number) => extensions.get(schoolId) ?? null,
    deadlineOf: (schoolId: number) => effectiveDeadline({ periodDeadline, schoolExtendedTo: extensions.get(schoolId) ?? null }),
  };
}

/**
 * Facts as of a past instant: mark times, enrollment periods, deadline changes, extensions (created_at <= at),
 * outages. Whole days before `at`'s own are read from the per-(section, day) counters, which hold the same
 * marks a replay counts wherever no enrollment of the section started or ended after `at`; the marks of
 * `at`'s day, and every mark of the sections whose enrollments moved since, are counted from scratch. Held-back marks are read from outage_held_mark, the mark history's index of
 * marks typed during an unplanned outage with when each was first saved after it (kept by triggers, checked
 * by pnpm reconcile), rather than scanning the whole history.
 */
export async function factsAsOf(db: Db, opts: { periodId: number; at: Date; schoolIds?: number[] }): Promise<Map<number, SchoolRiskFacts>> {
  const { periodId, at } = opts;
  const out = new Map<number, SchoolRiskFacts>();
  const deadlines = await deadlinesAsOf(db, periodId, at);
  if (!deadlines || opts.schoolIds?.length === 0) return out;
  const atSql = sql`${at.toISOString()}::timestamptz`;
  // `at`'s own Los Angeles day and the instant it began: whole days before it are read from the counters.
  const day = localDate(at);
  const dayStartSql = sql`${zonedInstant(day, "00:00").toISOString()}::timestamptz`;
  const inSchools = opts.schoolIds ? sql`and s.school_id = any(${idList(opts.schoolIds)})` : sql``;
  const [row] = rowsOf<{
    teachers: [number, number, number, number, number, string | null, string | null, number][] | null;
    days: [number, string, number][] | null;
    outages: [number, string, number][] | null;
  }>(
    // In a savepoint of the request's transaction: without JIT (its compile time exceeds its gain here) and
    // with room to aggregate in memory, for this replay only (SET LOCAL outlives a released savepoint: the
    // request's own settings are put back afterwards).
    await db.transaction(async (sp) => {
      const tx = sp as unknown as Db;
      const [before] = rowsOf<{ jit: string; work_mem: string }>(await tx.execute(sql`select current_setting('jit') as jit, current_setting('work_mem') as work_mem`));
      await tx.execute(sql`select set_config('jit', 'off', true), set_config('work_mem', '64MB', true)`);
      try {
        return await tx.execute(sql`with
      -- The period's level as a constant, so that the planner reads the sections' statistics for it.
      sec as not materialized (select s.id, s.school_id, s.teacher_id from section s where s.level = ${deadlines.level}::period_level ${inSchools}),
      items as (select count(*)::integer as n from grading_item where period_id = ${periodId}),
      open_enr as not materialized (
        select e.section_id, e.student_id from enrollment e join sec on sec.id = e.section_id
        where e.started_at <= ${atSql} and (e.ended_at is null or e.ended_at > ${atSql})),
      -- Sections whose rosters moved after \`at\` (an enrollment started or ended since; few, found by index): the
      -- counters count other students than were enrolled then, so these are counted from scratch. Every other
      -- section counts the students it counted then: its expected marks are the counters', and its whole days
      -- before \`at\`'s are read from completion_section_day.
      moved as materialized (
        select distinct e.section_id from enrollment e join sec on sec.id = e.section_id
        where e.started_at > ${atSql} or e.ended_at > ${atSql}),
      moved_enrolled as (select o.section_id, count(*)::integer as n from moved join open_enr o on o.section_id = moved.section_id group by 1),
      by_day as (
        select d.section_id, d.day, d.entered as n, d.first_entered_at as first_at, d.last_entered_at as last_at
        from completion_section_day d join sec on sec.id = d.section_id
        where d.period_id = ${periodId} and d.day < ${day}::date and d.section_id not in (select section_id from moved)
        union all
        -- \`at\`'s day up to \`at\` (a range of mark_period_entered_idx), of students enrolled now (and then).
        select m.section_id, (m.entered_at at time zone 'America/Los_Angeles')::date, count(*)::integer, min(m.entered_at), max(m.entered_at)
        from mark m join sec on sec.id = m.section_id
        where m.period_id = ${periodId} and m.entered_at >= ${dayStartSql} and m.entered_at <= ${atSql}
          and m.section_id not in (select section_id from moved)
          and exists (select 1 from enrollment e where e.section_id = m.section_id and e.student_id = m.student_id and e.ended_at is null)
        group by 1, 2
        union all
        -- The sections that moved: every mark entered by \`at\` of a student enrolled then.
        select m.section_id, (m.entered_at at time zone 'America/Los_Angeles')::date, count(*)::integer, min(m.entered_at), max(m.entered_at)
        from moved join mark m on m.period_id = ${periodId} and m.section_id = moved.section_id
        join open_enr e on e.section_id = m.section_id and e.student_id = m.student_id
        where m.entered_at <= ${atSql}
        group by 1, 2),
      per_section as (select sec.school_id, sec.teacher_id,
                             case when sec.id in (select section_id from moved) then coalesce(me.n, 0) * (select n from items) else coalesce(c.expected, 0) end as expected,
                             coalesce(x.n, 0) as entered, x.first_at, x.last_at
                      from sec left join completion_section c on c.period_id = ${periodId} and c.section_id = sec.id
                      left join moved_enrolled me on me.section_id = sec.id
                      left join (select section_id, sum(n)::integer as n, min(first_at) as first_at, max(last_at) as last_at from by_day group by 1) x
                        on x.section_id = sec.id)
      select
        (select json_agg(json_build_array(t.school_id, sc.esc_id, t.teacher_id, t.expected, t.entered, t.first_at, t.last_at, coalesce(b.best, 0)) order by t.school_id, t.teacher_id)
           from (select school_id, teacher_id, sum(expected)::integer as expected, sum(entered)::integer as entered, min(first_at) as first_at, max(last_at) as last_at
                 from per_section group by 1, 2) t join school sc on sc.id = t.school_id
           left join (select school_id, teacher_id, max(n)::integer as best from (
                        select sec.school_id, sec.teacher_id, b.day, sum(b.n) as n from by_day b join sec on sec.id = b.section_id group by 1, 2, 3) td
                      group by 1, 2) b on b.school_id = t.school_id and b.teacher_id = t.teacher_id) as teachers,
        (select json_agg(json_build_array(d.school_id, d.day, d.n) order by d.school_id, d.day)
           from (select sec.school_id, b.day::text as day, sum(b.n)::integer as n from by_day b join sec on sec.id = b.section_id group by 1, 2) d) as days,
        (select json_agg(json_build_array(x.school_id, x.label, x.marks)) from (
           -- Named as a director would: "November 4 outage".
           select distinct on (h.school_id) h.school_id, to_char(o.starts_at at time zone 'America/Los_Angeles', 'FMMonth FMDD') || ' outage' as label, h.marks from (
             select school_id, outage_id, count(*)::integer as marks from outage_held_mark
             where period_id = ${periodId} and first_changed_at <= ${atSql} ${opts.schoolIds ? sql`and school_id = any(${idList(opts.schoolIds)})` : sql``}
             group by 1, 2) h join outage o on o.id = h.outage_id
           order by h.school_id, h.marks desc, h.outage_id) x) as outages`);
      } finally {
        await tx.execute(sql`select set_config('jit', ${before!.jit}, true), set_config('work_mem', ${before!.work_mem}, true)`);
      }
    }),
  );
  const teachers = (row?.teachers ?? []).map(([school_id, esc_id, teacher_id, expected, entered, first_at, last_at, best]) => ({ school_id, esc_id, teacher_id, expected, entered, first_at, last_at, best }));
  const days = (row?.days ?? []).map(([school_id, day, entered]) => ({ school_id, day, entered }));
  const outages = (row?.outages ?? []).map(([school_id, label, marks]) => ({ school_id, label, marks }));
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
    const teacher: TeacherProgressFacts = { teacherId: t.teacher_id, expected: t.expected, entered: t.entered, firstEnteredAt: date(t.first_at), lastEnteredAt: date(t.last_at), bestDay: t.best };
    school.facts = { ...school.facts, expected: school.facts.expected + t.expected, entered: school.facts.entered + t.entered };
    // A teacher with nothing expected of them (no student enrolled then) has nothing to finish.
    if (t.expected > 0) (school.facts.teachers as TeacherProgressFacts[]).push(teacher);
  }
  const byDay = new Map<number, { day: string; entered: number }[]>();
  for (const d of days) {
    let list = byDay.get(d.school_id);
    if (!list) byDay.set(d.school_id, (list = []));
    list.push({ day: d.day, entered: d.entered });
  }
  const outageOf = new Map(outages.map((o) => [o.school_id, o]));
  for (const [schoolId, s] of out) {
    const o = outageOf.get(schoolId);
    s.facts = { ...s.facts, enteredByDay: byDay.get(schoolId) ?? [], outage: o ? { label: o.label, marks: o.marks } : null };
  }
  // Open problem reports (issue 10) feed the reasons: "2 open problem reports, one about lost data".
  const reports = await openReportFacts(db, { schoolIds: opts.schoolIds, at });
  for (const [schoolId, school] of out) school.facts = { ...school.facts, openReports: reports.get(schoolId) ?? [] };
  return out;
}
