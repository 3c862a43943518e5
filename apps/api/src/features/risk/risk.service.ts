import { and, asc, eq, ilike, type SQL, sql } from "drizzle-orm";
import type { Db } from "@gradewatch/db";
import { deadlineExtension, reportingPeriod, school } from "@gradewatch/db/schema";
import { addDays, forecastRisk, type RiskForecast, isSchoolDay, localDate, RISK_LEVELS, type RiskLevel as DomainRiskLevel, schoolDaysBetween, zonedInstant } from "@gradewatch/domain";
import type { Actor } from "../../access/actor.js";
import { riskSchoolScope } from "../../access/scope.js";
import type { Clock } from "../../clock.js";
import { badInput, notFound, parseId } from "../../graphql/errors.js";
import { likePattern, MAX_PER_PAGE, SortOrder } from "../../graphql/pagination.js";
import { deadlinesAsOf, factsAsOf, type SchoolRiskFacts } from "./risk-facts.as-of.js";
import { factsFromCounters } from "./risk-facts.counters.js";
import { changeStamp } from "./risk-stamp.js";
import type { SchoolRiskListArgs } from "./risk.args.js";
import { type BurnUpPoint, type CompletionRow, type EscRiskOverview, RiskLevel, type SchoolRisk, type SchoolRiskDetail } from "./risk.type.js";

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

/** The elementary period whose marking window holds `now`'s day, else the latest elementary period. */
export async function defaultPeriodId(db: Db, now: Date): Promise<number> {
  const today = localDate(now);
  const [row] = await db
    .select({ id: reportingPeriod.id })
    .from(reportingPeriod)
    .where(eq(reportingPeriod.level, "ELEMENTARY"))
    .orderBy(sql`(${reportingPeriod.windowOpensOn} <= ${today} and ${reportingPeriod.currentDeadline} >= ${today}) desc`, sql`${reportingPeriod.windowOpensOn} desc`, asc(reportingPeriod.id))
    .limit(1);
  if (!row) throw notFound("Elementary reporting period", "(none)");
  return row.id;
}

async function periodOf(db: Db, now: Date, raw: string | undefined | null): Promise<number> {
  if (raw === undefined || raw === null) return defaultPeriodId(db, now);
  const id = parseId(raw, "periodId");
  const [row] = await db.select({ id: reportingPeriod.id }).from(reportingPeriod).where(eq(reportingPeriod.id, id));
  if (!row) throw notFound("Reporting period", id);
  return id;
}

/** The instant asked about: the district clock's now, or a past instant (a replay). */
function instantOf(clock: Clock, asOf: Date | undefined | null): { at: Date; replay: boolean } {
  const now = clock.now();
  if (!asOf) return { at: now, replay: false };
  if (asOf.getTime() > now.getTime()) throw badInput(`asOf (${asOf.toISOString()}) is after the district clock's now (${now.toISOString()}): give a past instant`);
  return { at: asOf, replay: true };
}

interface ScopedSchool {
  id: number;
  name: string;
  escId: number;
}

/** The schools the actor may read the risk of, narrowed by the filters; `all` when nothing narrows them. */
async function scopedSchools(db: Db, actor: Actor, f: { escId?: number; q?: string; schoolId?: number }) {
  const scope = riskSchoolScope(actor);
  const where: (SQL | undefined)[] = [scope];
  if (f.escId !== undefined) where.push(eq(school.escId, f.escId));
  if (f.q?.trim()) where.push(ilike(school.name, likePattern(f.q)));
  if (f.schoolId !== undefined) where.push(eq(school.id, f.schoolId));
  const rows: ScopedSchool[] = await db.select({ id: school.id, name: school.name, escId: school.escId }).from(school).where(and(...where));
  const narrowed = where.some((w) => w !== undefined);
  return { rows, byId: new Map(rows.map((r) => [r.id, r])), ids: narrowed ? rows.map((r) => r.id) : undefined };
}

// The present facts and forecasts of every school, kept while nothing they are made of changed: triggers move
// completion_change_seq on every change to the counters, deadlines, extensions and outages (migration
// outage_held_first_saved_triggers), and the district clock's minute is part of the key. Nothing computed
// while a change was in flight is kept (changeStamp). A ranking between
// two changes then costs one read of the stamp instead of the counters and a forecast per school.
interface Present {
  key: string;
  facts: Map<number, SchoolRiskFacts>;
  forecasts: Map<number, RiskForecast>;
}
const presentCache = new WeakMap<object, Map<number, Present>>();
const replayCache = new WeakMap<object, Map<string, Omit<Present, "key">>>();
async function presentFacts(db: Db, cacheOwner: object, periodId: number, now: Date): Promise<Present> {
  const { stamp, quiet } = await changeStamp(db);
  const key = `${stamp}:${Math.floor(now.getTime() / 60_000)}`;
  let cache = presentCache.get(cacheOwner);
  if (!cache) presentCache.set(cacheOwner, (cache = new Map<number, Present>()));
  const kept = cache.get(periodId);
  if (kept?.key === key) return kept;
  const facts = await factsFromCounters(db, { periodId, now });
  const present = { key, facts, forecasts: new Map([...facts].map(([id, f]) => [id, forecastRisk(f.facts)])) };
  if (quiet) cache.set(periodId, present);
  return present;
}

async function factsAt(db: Db, cacheOwner: object, periodId: number, at: Date, replay: boolean, schoolIds: number[] | undefined) {
  if (replay) {
    // A replay of the same instant for the same schools while nothing changed (a dashboard polling its "as of"
    // view) answers from memory; any change anywhere computes it again.
    const { stamp, quiet } = await changeStamp(db);
    const key = `${stamp}:${periodId}:${at.getTime()}:${schoolIds?.join(",") ?? "all"}`;
    let cache = replayCache.get(cacheOwner);
    if (!cache) replayCache.set(cacheOwner, (cache = new Map<string, Omit<Present, "key">>()));
    const kept = cache.get(key);
    if (kept) return kept;
    const facts = await factsAsOf(db, { periodId, at, schoolIds });
    const replayed = { facts, forecasts: new Map([...facts].map(([id, f]) => [id, forecastRisk(f.facts)])) };
    if (cache.size >= 16) cache.delete(cache.keys().next().value!);
    if (quiet) cache.set(key, replayed);
    return replayed;
  }
  return presentFacts(db, cacheOwner, periodId, at);
}

/**
 * The close of the last school day before `at`'s day: the first instant after it (the start of the next day),
 * so that the whole day's marks count and a deadline on that day has passed.
 */
export function previousSchoolDayEnd(at: Date): Date {
  let day = addDays(localDate(at), -1);
  while (!isSchoolDay(day)) day = addDays(day, -1);
  return zonedInstant(addDays(day, 1), "00:00");
}

// The level of a school at the end of a past school day does not change with later work: keep it per
// (database, period, instant, school), so the ranking replays the previous day once, not on every request.
const previousCache = new WeakMap<object, Map<string, DomainRiskLevel>>();
async function levelsAt(db: Db, cacheOwner: object, periodId: number, at: Date, schoolIds: number[]): Promise<Map<number, DomainRiskLevel>> {
  let cache = previousCache.get(cacheOwner);
  if (!cache || cache.size > 200_000) previousCache.set(cacheOwner, (cache = new Map<string, DomainRiskLevel>()));
  const key = (id: number) => `${periodId}:${at.getTime()}:${id}`;
  const missing = schoolIds.filter((id) => !cache.has(key(id)));
  if (missing.length > 0) {
    const facts = await factsAsOf(db, { periodId, at, schoolIds: missing });
    for (const id of missing) {
      const f = facts.get(id);
      cache.set(key(id), f ? forecastRisk(f.facts).level : "COMPLETE");
    }
  }
  return new Map(schoolIds.map((id) => [id, cache.get(key(id))!]));
}

function toRisk(s: SchoolRiskFacts, f: RiskForecast, name: string, extendedTo: string | null, previousLevel: DomainRiskLevel | null): SchoolRisk {
  return {
    id: s.schoolId,
    schoolId: s.schoolId,
    escId: s.escId,
    periodId: s.periodId,
    schoolName: name,
    level: f.level as RiskLevel,
    previousLevel: previousLevel as RiskLevel | null,
    expected: s.facts.expected,
    entered: s.facts.entered,
    percent: f.percent,
    remaining: f.remaining,
    schoolDaysLeft: f.schoolDaysLeft,
    deadlineDay: localDate(s.facts.deadline),
    deadlineAt: s.facts.deadline,
    extendedTo,
    neededPerDay: f.neededPerDay,
    pacePerDay: f.pacePerDay,
    projectedFinish: f.projectedFinish,
    reasons: f.reasons.map((r) => ({ code: r.code, text: r.text, teacherIds: r.teacherIds ?? [] })),
    asOf: s.facts.now,
    score: f.score,
  };
}

interface Risks {
  periodId: number;
  at: Date;
  risks: SchoolRisk[];
  facts: Map<number, SchoolRiskFacts>;
}

/**
 * Every school in reach (and in the filters) with its facts and forecast; with `previous`, also each school's
 * level at the end of the previous school day (a second replay: callers that show only some rows ask
 * `withPreviousLevels` for those rows instead).
 */
async function risksOf(
  db: Db,
  actor: Actor,
  clock: Clock,
  f: { periodId?: string | null; asOf?: Date | null; escId?: number; q?: string; schoolId?: number },
  previous = true,
): Promise<Risks> {
  const periodId = await periodOf(db, clock.now(), f.periodId);
  const { at, replay } = instantOf(clock, f.asOf);
  const schools = await scopedSchools(db, actor, f);
  if (schools.rows.length === 0) return { periodId, at, risks: [], facts: new Map() };
  const { facts, forecasts } = await factsAt(db, clock, periodId, at, replay, schools.ids);
  const deadlines = await deadlinesAsOf(db, periodId, at);
  const inReach = [...facts.values()].filter((s) => schools.byId.has(s.schoolId));
  const risks = inReach.map((s) => toRisk(s, forecasts.get(s.schoolId)!, schools.byId.get(s.schoolId)!.name, deadlines?.extendedTo(s.schoolId) ?? null, null));
  if (previous) await withPreviousLevels(db, clock, periodId, at, risks);
  return { periodId, at, risks, facts };
}

/** Fills in each risk's level at the end of the previous school day before `at`. */
async function withPreviousLevels(db: Db, clock: Clock, periodId: number, at: Date, risks: SchoolRisk[]): Promise<SchoolRisk[]> {
  if (risks.length === 0) return risks;
  const levels = await levelsAt(db, clock, periodId, previousSchoolDayEnd(at), risks.map((r) => r.schoolId));
  for (const r of risks) r.previousLevel = (levels.get(r.schoolId) ?? null) as RiskLevel | null;
  return risks;
}

const byName = (a: SchoolRisk, b: SchoolRisk) => a.schoolName.localeCompare(b.schoolName) || a.id - b.id;
const SORTS: Record<string, (a: SchoolRisk, b: SchoolRisk) => number> = {
  risk: (a, b) => a.score - b.score,
  projectedFinish: (a, b) => (a.projectedFinish ?? "9999-12-31").localeCompare(b.projectedFinish ?? "9999-12-31"),
  percent: (a, b) => a.percent - b.percent,
  name: () => 0,
  schoolDaysLeft: (a, b) => a.schoolDaysLeft - b.schoolDaysLeft,
};

/** The ranking: worst first by default; filters by ESC, level and name; a replay with filter.asOf. */
export async function listSchoolRisks(db: Db, actor: Actor, clock: Clock, args: SchoolRiskListArgs) {
  const { page = 1, perPage = 25 } = args;
  if (!Number.isInteger(page) || page < 1) throw badInput(`page must be 1 or more (got ${page})`);
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > MAX_PER_PAGE) throw badInput(`perPage must be between 1 and ${MAX_PER_PAGE} (got ${perPage})`);
  const sortField = args.sortField ?? "risk";
  const compare = Object.hasOwn(SORTS, sortField) ? SORTS[sortField] : undefined;
  if (!compare) throw badInput(`Cannot sort by "${sortField.slice(0, 40)}"; sortable fields: ${Object.keys(SORTS).join(", ")}`);
  const f = args.filter ?? {};
  const { periodId, at, risks } = await risksOf(db, actor, clock, { periodId: f.periodId, asOf: f.asOf, escId: f.escId ? parseId(f.escId, "escId") : undefined, q: f.q }, false);
  const levels = f.level && f.level.length > 0 ? new Set<string>(f.level) : undefined;
  const kept = levels ? risks.filter((r) => levels.has(r.level)) : risks;
  // "risk" reads worst first unless asked otherwise; the other fields ascend unless asked otherwise.
  const descending = args.sortOrder ? args.sortOrder === SortOrder.DESC : sortField === "risk";
  kept.sort((a, b) => (descending ? compare(b, a) : compare(a, b)) || byName(a, b));
  // The previous school day's level of the rows shown only: a replay of 50 schools, not of the district.
  return { items: await withPreviousLevels(db, clock, periodId, at, kept.slice((page - 1) * perPage, page * perPage)), total: kept.length };
}

/** One school's present risk for the default period. */
export async function getSchoolRisk(db: Db, actor: Actor, clock: Clock, schoolId: number): Promise<SchoolRisk> {
  const { risks } = await risksOf(db, actor, clock, { schoolId });
  const risk = risks[0];
  if (!risk) throw notFound("School risk", schoolId);
  return risk;
}

/** Cumulative entries at the end of each day from the window's opening to `at`'s day, against the straight line to the deadline. */
export function burnUp(f: { windowOpensOn: string; deadlineDay: string; at: Date; expected: number; enteredByDay: readonly { day: string; entered: number }[] }): BurnUpPoint[] {
  const today = localDate(f.at);
  const total = schoolDaysBetween(f.windowOpensOn, f.deadlineDay).length;
  const entries = new Map<string, number>();
  for (const d of f.enteredByDay) entries.set(d.day, (entries.get(d.day) ?? 0) + d.entered);
  const points: BurnUpPoint[] = [];
  let cumulative = [...entries].filter(([day]) => day < f.windowOpensOn).reduce((s, [, n]) => s + n, 0);
  let schoolDays = 0;
  for (let day = f.windowOpensOn; day <= today; day = addDays(day, 1)) {
    cumulative += entries.get(day) ?? 0;
    if (isSchoolDay(day) && day <= f.deadlineDay) schoolDays++;
    const ideal = total === 0 ? f.expected : Math.round((10 * f.expected * Math.min(schoolDays, total)) / total) / 10;
    points.push({ day, entered: cumulative, expected: f.expected, ideal });
  }
  return points;
}

// Floored, as the forecast's percent: 99.96% of marks is not 100%.
const percentOf = (entered: number, expected: number) => (expected === 0 ? 100 : Math.floor((1000 * Math.min(entered, expected)) / expected) / 10);

/** A school's page: its risk, completion by teacher and by section, the burn-up, who has not started, its extensions. */
export async function schoolRiskDetail(db: Db, actor: Actor, clock: Clock, schoolId: number, periodIdRaw?: string | null, asOf?: Date | null): Promise<SchoolRiskDetail> {
  const { periodId, at, risks, facts } = await risksOf(db, actor, clock, { periodId: periodIdRaw, asOf, schoolId });
  const risk = risks[0];
  if (!risk) throw notFound("School risk", schoolId);
  const f = facts.get(schoolId)!.facts;
  const replay = !!asOf;
  const atSql = sql`${at.toISOString()}::timestamptz`;
  const sections = rowsOf<{ id: number; course_name: string; grade_level: number; teacher_id: number; first_name: string; last_name: string; expected: number; entered: number; last_at: string | Date | null }>(
    replay
      ? await db.execute(sql`
          with sec as (select s.* from section s join reporting_period p on p.level = s.level where p.id = ${periodId} and s.school_id = ${schoolId}),
          open_enr as (select e.section_id, e.student_id from enrollment e join sec on sec.id = e.section_id
                       where e.started_at <= ${atSql} and (e.ended_at is null or e.ended_at > ${atSql}))
          select sec.id, sec.course_name, sec.grade_level, sec.teacher_id, t.first_name, t.last_name,
                 (select count(*) from open_enr o where o.section_id = sec.id)::integer * (select count(*) from grading_item g where g.period_id = ${periodId})::integer as expected,
                 coalesce(x.n, 0) as entered, x.last_at
          from sec join employee t on t.id = sec.teacher_id
          left join (select m.section_id, count(*)::integer as n, max(m.entered_at) as last_at from mark m
                     join open_enr o on o.section_id = m.section_id and o.student_id = m.student_id
                     where m.period_id = ${periodId} and m.entered_at <= ${atSql} group by m.section_id) x on x.section_id = sec.id
          order by sec.course_name, sec.id`)
      : await db.execute(sql`
          select s.id, s.course_name, s.grade_level, c.teacher_id, t.first_name, t.last_name, c.expected, c.entered, c.last_entered_at as last_at
          from completion_section c join section s on s.id = c.section_id join employee t on t.id = c.teacher_id
          where c.period_id = ${periodId} and c.school_id = ${schoolId} order by s.course_name, s.id`),
  );
  const names = new Map(sections.map((s) => [s.teacher_id, `${s.last_name}, ${s.first_name}`]));
  const byTeacher: CompletionRow[] = f.teachers
    .map((t) => ({
      id: String(t.teacherId),
      label: names.get(t.teacherId) ?? `Teacher ${t.teacherId}`,
      teacherId: t.teacherId,
      sectionId: null,
      expected: t.expected,
      entered: t.entered,
      percent: percentOf(t.entered, t.expected),
      lastEnteredAt: t.lastEnteredAt,
    }))
    .sort((a, b) => a.percent - b.percent || a.label.localeCompare(b.label));
  const bySection: CompletionRow[] = sections.map((s) => ({
    id: String(s.id),
    label: `${s.course_name} (grade ${s.grade_level === 0 ? "K" : s.grade_level}, ${s.last_name})`,
    teacherId: s.teacher_id,
    sectionId: s.id,
    expected: s.expected,
    entered: s.entered,
    percent: percentOf(s.entered, s.expected),
    lastEnteredAt: s.last_at === null ? null : new Date(s.last_at),
  }));
  const extensions = await db
    .select()
    .from(deadlineExtension)
    .where(and(eq(deadlineExtension.periodId, periodId), eq(deadlineExtension.schoolId, schoolId), replay ? sql`${deadlineExtension.createdAt} <= ${atSql}` : undefined))
    .orderBy(asc(deadlineExtension.createdAt), asc(deadlineExtension.id));
  return {
    risk,
    byTeacher,
    bySection,
    burnUp: burnUp({ windowOpensOn: f.windowOpensOn, deadlineDay: risk.deadlineDay, at, expected: f.expected, enteredByDay: f.enteredByDay }),
    notStartedIds: f.teachers.filter((t) => t.expected > 0 && t.entered === 0).map((t) => t.teacherId),
    extensions,
  };
}

function overviewOf(escId: number, r: Risks, periodDeadline: string, windowOpensOn: string): EscRiskOverview {
  const mine = r.risks.filter((x) => x.escId === escId);
  const expected = mine.reduce((s, x) => s + x.expected, 0);
  const entered = mine.reduce((s, x) => s + x.entered, 0);
  const days = mine.flatMap((x) => r.facts.get(x.schoolId)?.facts.enteredByDay ?? []);
  return {
    escId,
    periodId: r.periodId,
    asOf: r.at,
    expected,
    entered,
    percent: percentOf(entered, expected),
    counts: RISK_LEVELS.map((level) => ({ level: level as RiskLevel, schools: mine.filter((x) => x.level === (level as RiskLevel)).length })),
    burnUp: burnUp({ windowOpensOn, deadlineDay: periodDeadline, at: r.at, expected, enteredByDay: days }),
    changedSincePreviousSchoolDay: mine
      .filter((x) => x.previousLevel !== null && x.previousLevel !== x.level)
      .sort(byName)
      .map((x) => ({ schoolId: x.schoolId, from: x.previousLevel!, to: x.level })),
  };
}

/** An ESC's totals over the schools of it the actor may read: counts by level, burn-up, level changes. */
export async function escRiskOverview(db: Db, actor: Actor, clock: Clock, escId: number, periodId?: string | null, asOf?: Date | null): Promise<EscRiskOverview> {
  const r = await risksOf(db, actor, clock, { periodId, asOf, escId });
  if (r.risks.length === 0) throw notFound("ESC", escId);
  const d = (await deadlinesAsOf(db, r.periodId, r.at))!;
  return overviewOf(escId, r, d.periodDeadline, d.windowOpensOn);
}

/** The ESCs side by side (those with schools the actor may read). */
export async function districtRiskOverview(db: Db, actor: Actor, clock: Clock, periodId?: string | null, asOf?: Date | null): Promise<EscRiskOverview[]> {
  const r = await risksOf(db, actor, clock, { periodId, asOf });
  const d = await deadlinesAsOf(db, r.periodId, r.at);
  if (!d) return [];
  const escIds = [...new Set(r.risks.map((x) => x.escId))].sort((a, b) => a - b);
  return escIds.map((escId) => overviewOf(escId, r, d.periodDeadline, d.windowOpensOn));
}
