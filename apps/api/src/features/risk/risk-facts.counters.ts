import { sql } from "drizzle-orm";
import type { Db } from "@gradewatch/db";
import { openReportFacts } from "../problem-reports/problem-report.facts.js";
import type { TeacherProgressFacts } from "@gradewatch/domain";
import { deadlinesAsOf, type SchoolRiskFacts } from "./risk-facts.as-of.js";

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;
const idList = (ids: number[]) => sql`array[${sql.join(ids.map((id) => sql`${id}`), sql`, `)}]::integer[]`;

/**
 * The present facts, read from the completion counters (migration completion_triggers): no request
 * aggregates the marks table. Equal to factsAsOf(db, { at: now }) whenever no mark is dated after `now`.
 */
export async function factsFromCounters(db: Db, opts: { periodId: number; now: Date; schoolIds?: number[] }): Promise<Map<number, SchoolRiskFacts>> {
  const { periodId, now } = opts;
  const out = new Map<number, SchoolRiskFacts>();
  const deadlines = await deadlinesAsOf(db, periodId, now);
  if (!deadlines || opts.schoolIds?.length === 0) return out;
  const only = (column: string) => (opts.schoolIds ? sql`and ${sql.raw(column)} = any(${idList(opts.schoolIds)})` : sql``);
  // One round trip: schools, teachers, days and outages as four JSON arrays.
  const [row] = rowsOf<{
    schools: [number, number, number, number][] | null;
    teachers: [number, number, number, number, string | null, string | null][] | null;
    days: [number, string, number][] | null;
    outages: [number, string, number][] | null;
    best: [number, number, number][] | null;
  }>(
    await db.execute(sql`select
      (select json_agg(json_build_array(c.school_id, s.esc_id, c.expected, c.entered) order by c.school_id)
         from completion_school c join school s on s.id = c.school_id where c.period_id = ${periodId} ${only("c.school_id")}) as schools,
      (select json_agg(json_build_array(t.school_id, t.teacher_id, t.expected, t.entered, t.first_entered_at, t.last_entered_at) order by t.school_id, t.teacher_id)
         from completion_teacher t where t.period_id = ${periodId} ${only("t.school_id")}) as teachers,
      (select json_agg(json_build_array(d.school_id, d.day, d.entered) order by d.school_id, d.day)
         from completion_school_day d where d.period_id = ${periodId} ${only("d.school_id")}) as days,
      (select json_agg(json_build_array(x.school_id, x.label, x.marks)) from (
         select distinct on (o.school_id) o.school_id, to_char(u.starts_at at time zone 'America/Los_Angeles', 'FMMonth FMDD') || ' outage' as label, o.marks from completion_outage o join outage u on u.id = o.outage_id
         where o.period_id = ${periodId} and o.marks > 0 ${only("o.school_id")} order by o.school_id, o.marks desc, o.outage_id) x) as outages,
      (select json_agg(json_build_array(b.school_id, b.teacher_id, b.best)) from (
         select school_id, teacher_id, max(n)::integer as best from (
           select c.school_id, c.teacher_id, d.day, sum(d.entered) as n
           from completion_section_day d join completion_section c on c.period_id = d.period_id and c.section_id = d.section_id
           where d.period_id = ${periodId} ${only("c.school_id")} group by 1, 2, 3) td
         group by 1, 2) b) as best`),
  );
  // A teacher's best day so far: the most counted marks they entered on one Los Angeles day.
  const best = new Map((row?.best ?? []).map(([schoolId, teacherId, n]) => [`${schoolId}:${teacherId}`, n]));
  const teachers = new Map<number, TeacherProgressFacts[]>();
  for (const [schoolId, teacherId, expected, entered, first, last] of row?.teachers ?? []) {
    let list = teachers.get(schoolId);
    if (!list) teachers.set(schoolId, (list = []));
    // A teacher with nothing expected of them (no student enrolled) has nothing to finish, as in factsAsOf.
    if (expected > 0) list.push({ teacherId, expected, entered, firstEnteredAt: first === null ? null : new Date(first), lastEnteredAt: last === null ? null : new Date(last), bestDay: best.get(`${schoolId}:${teacherId}`) ?? 0 });
  }
  const days = new Map<number, { day: string; entered: number }[]>();
  for (const [schoolId, day, entered] of row?.days ?? []) {
    let list = days.get(schoolId);
    if (!list) days.set(schoolId, (list = []));
    list.push({ day, entered });
  }
  const outages = new Map((row?.outages ?? []).map(([schoolId, label, marks]) => [schoolId, { label, marks }]));
  for (const [schoolId, escId, expected, entered] of row?.schools ?? []) {
    out.set(schoolId, {
      schoolId,
      escId,
      periodId,
      facts: {
        now,
        windowOpensOn: deadlines.windowOpensOn,
        deadline: deadlines.deadlineOf(schoolId),
        expected,
        entered,
        enteredByDay: days.get(schoolId) ?? [],
        teachers: teachers.get(schoolId) ?? [],
        outage: outages.get(schoolId) ?? null,
      },
    });
  }
  // Open problem reports (issue 10) feed the reasons: "2 open problem reports, one about lost data".
  const reports = await openReportFacts(db, { schoolIds: opts.schoolIds });
  for (const [schoolId, school] of out) school.facts = { ...school.facts, openReports: reports.get(schoolId) ?? [] };
  return out;
}
