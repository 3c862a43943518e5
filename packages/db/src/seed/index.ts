import { endOfDay, type GradingItemTemplate, STANDARD_GRADING_ITEMS, zonedInstant } from "@gradewatch/domain";
import { eq, getTableName, is, sql } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import type { Db } from "../client.js";
import * as schema from "../schema/index.js";
import { deadlineChange, districtSetting, employee, enrollment, esc, gradingItem, maintenanceWindow, mark, markHistory, outage, reportingPeriod, school, section, student } from "../schema/index.js";
import { employeeBuffer, SchoolRows, schoolBuffer } from "./columns.js";
import { EntryCalendar, WINDOW_OPENS_ON } from "./entry-times.js";
import { addEmployee, DEMO_DOMAIN, type GenerationContext, generateSchool, type PeriodItems } from "./generate.js";
import { seedCompensation } from "./compensation.js";
import { canSkipTriggers, verifyForeignKeys } from "./integrity.js";
import { ESCS, planDistrict, type SeedScale } from "./plan.js";
import { seedProblemReports } from "./problem-reports.js";
import { deriveSeed, Random } from "./random.js";

export type { SeedScale } from "./plan.js";

/** The simulated "now" of the demo: the morning the superintendent's letters went out. */
export const DEMO_CLOCK_START = "2014-11-05T08:00:00-08:00";
export const DEMO_PASSWORD = "gradewatch-demo";
export const DEFAULT_SEED = 1105;

export type EmployeeRole = (typeof employee.role.enumValues)[number];

export interface DemoLogin {
  role: EmployeeRole;
  email: string;
  description: string;
}

/** One account per role; the teacher, principal, director and superintendent share a school or ESC. */
export const DEMO_LOGINS: readonly DemoLogin[] = [
  { role: "TEACHER", email: `teacher@${DEMO_DOMAIN}`, description: "grade 3 homeroom teacher, halfway through the marks" },
  { role: "PRINCIPAL", email: `principal@${DEMO_DOMAIN}`, description: "principal of the demo teacher's elementary school" },
  { role: "ESC_DIRECTOR", email: `director.north@${DEMO_DOMAIN}`, description: "ESC director, ESC North" },
  { role: "INSTRUCTIONAL_SUPERINTENDENT", email: `superintendent@${DEMO_DOMAIN}`, description: "instructional area superintendent, ESC North" },
  { role: "HR", email: `hr@${DEMO_DOMAIN}`, description: "human resources" },
  { role: "DISTRICT_ADMIN", email: `admin@${DEMO_DOMAIN}`, description: "district administrator" },
];

export const OUTAGE_DESCRIPTION = "Student information system outage: unsaved grades and attendance lost";
const NIGHTLY_DESCRIPTION = "Nightly maintenance: saving pauses; the grid keeps what teachers type and sends it after 10 pm";
const OUTAGE_START = zonedInstant("2014-11-04", "14:00");
const OUTAGE_END = zonedInstant("2014-11-04", "16:00");
const SCHOOL_YEAR = "2014-15";
// Both periods start at their original deadline; the elementary extension is a recorded change (below).
const ELEMENTARY_DEADLINES = { windowOpensOn: WINDOW_OPENS_ON, originalDeadline: "2014-11-07", currentDeadline: "2014-11-07" };
const SECONDARY_DEADLINES = { windowOpensOn: WINDOW_OPENS_ON, originalDeadline: "2014-11-07", currentDeadline: "2014-11-07" };
/** The superintendent's letter of November 5, 2014, sent before the demo clock's start, as a deadline change. */
const ELEMENTARY_EXTENSION = {
  fromDeadline: "2014-11-07",
  toDeadline: "2014-11-14",
  reason:
    "Student information system outage of November 4: elementary Reporting Period 1 grades may be delivered until Friday, November 14 (superintendent's letter of November 5, 2014)",
  changedAt: zonedInstant("2014-11-05", "07:00"),
};
/** lausd marks run to the end of the extended deadline day, Los Angeles time. */
const LAUSD_MARKS_UNTIL = "2014-11-14";
/** Marks plus enrollments per insert transaction: large enough to amortise round trips, small enough for memory. */
const BATCH_ROWS = 60_000;

export type SeedTable =
  | "esc"
  | "school"
  | "employee"
  | "student"
  | "section"
  | "enrollment"
  | "reporting_period"
  | "deadline_change"
  | "grading_item"
  | "mark"
  | "mark_history"
  | "outage"
  | "maintenance_window"
  | "district_setting"
  | "problem_report"
  | "notification"
  | "compensation_log";

export interface SeedOptions {
  scale: SeedScale;
  /** Erase every table first; without it a non-empty database is refused. */
  reset?: boolean;
  /** PRNG seed: the same number gives the same district. */
  seed?: number;
  onProgress?: (done: number, total: number, stage: string) => void;
}

export interface SeedSummary {
  scale: SeedScale;
  seed: number;
  /** Written to district_setting.clock_start; the API's simulated clock starts there. */
  clockStart: string;
  counts: Record<SeedTable, number>;
}

/** True when no ESC exists: nothing has been seeded or set up yet. */
export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const rows = await db.select({ id: esc.id }).from(esc).limit(1);
  return rows.length === 0;
}

async function truncateAll(db: Db): Promise<void> {
  const tables = (Object.values(schema) as unknown[])
    .filter((t): t is PgTable => is(t, PgTable))
    .map((t) => sql.identifier(getTableName(t)));
  // History refuses TRUNCATE except in a transaction that declares a whole-database reset (migration 0011_request_roles).
  await db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('gradewatch.history_reset', 'on', true)`);
    await tx.execute(sql`truncate ${sql.join(tables, sql`, `)} restart identity cascade`);
  });
}

const ID_TABLES = { school, employee, student, section, enrollment, mark, mark_history: markHistory } as const;
type IdTable = keyof typeof ID_TABLES;

// The seed allocates ids itself (no round trip per row); start above whatever is there.
async function maxIds(db: Db): Promise<Record<IdTable, number>> {
  const out = {} as Record<IdTable, number>;
  for (const [name, table] of Object.entries(ID_TABLES) as [IdTable, (typeof ID_TABLES)[IdTable]][]) {
    const [row] = await db.select({ max: sql<number>`coalesce(max(${table.id}), 0)`.mapWith(Number) }).from(table);
    out[name] = row!.max;
  }
  return out;
}

async function insertPeriods(db: Db): Promise<{ elementary: PeriodItems; secondary: PeriodItems }> {
  const [elementaryPeriod] = await db
    .insert(reportingPeriod)
    .values({ schoolYear: SCHOOL_YEAR, name: "Elementary Reporting Period 1", level: "ELEMENTARY", ...ELEMENTARY_DEADLINES })
    .returning({ id: reportingPeriod.id });
  const [secondaryPeriod] = await db
    .insert(reportingPeriod)
    .values({ schoolYear: SCHOOL_YEAR, name: "Secondary Reporting Period 1", level: "SECONDARY", ...SECONDARY_DEADLINES })
    .returning({ id: reportingPeriod.id });
  const insertItems = async (periodId: number, items: readonly GradingItemTemplate[]) => {
    const rows = await db
      .insert(gradingItem)
      .values(items.map((item, position) => ({ periodId, position: position + 1, ...item })))
      .returning({ id: gradingItem.id, position: gradingItem.position, scale: gradingItem.scale });
    return { periodId, items: rows.sort((a, b) => a.position - b.position).map(({ id, scale }) => ({ id, scale })) };
  };
  return {
    elementary: await insertItems(elementaryPeriod!.id, STANDARD_GRADING_ITEMS.ELEMENTARY),
    secondary: await insertItems(secondaryPeriod!.id, STANDARD_GRADING_ITEMS.SECONDARY),
  };
}

async function insertOperations(db: Db, calendar: EntryCalendar): Promise<number> {
  const nightly = calendar.blackouts
    .filter((b) => b.nightly && b.start < endOfDay(LAUSD_MARKS_UNTIL).getTime())
    .map((b) => ({ kind: "MAINTENANCE" as const, startsAt: new Date(b.start), endsAt: new Date(b.end), description: NIGHTLY_DESCRIPTION }));
  const outages = [{ kind: "UNPLANNED" as const, startsAt: OUTAGE_START, endsAt: OUTAGE_END, description: OUTAGE_DESCRIPTION }, ...nightly];
  await db.insert(outage).values(outages);
  await db.insert(maintenanceWindow).values({
    name: "Nightly maintenance",
    startsAtLocal: "21:00",
    endsAtLocal: "22:00",
    timeZone: "America/Los_Angeles",
    description: "Saving pauses for maintenance every night from 9 to 10 pm; the grid keeps what teachers type on their device and sends it when the window ends.",
  });
  await db
    .insert(districtSetting)
    .values({ key: "clock_start", value: DEMO_CLOCK_START })
    .onConflictDoUpdate({ target: districtSetting.key, set: { value: DEMO_CLOCK_START, updatedAt: new Date() } });
  return outages.length;
}

async function flush(db: Db, rows: SchoolRows, skipTriggers: boolean): Promise<void> {
  await db.transaction(async (tx) => {
    // Safe for a seed: a crash loses at most the last batch, and the seed is re-run with --reset anyway.
    await tx.execute(sql`set local synchronous_commit = off`);
    if (skipTriggers) await tx.execute(sql`set local session_replication_role = replica`);
    for (const buffer of rows.buffers) if (buffer.length > 0) await tx.execute(buffer.insertSql());
    const schoolIds = rows.principals.map((p) => p.schoolId);
    const principalIds = rows.principals.map((p) => p.employeeId);
    await tx.execute(sql`update school set principal_id = u.principal_id
      from unnest(${sql.param(schoolIds)}::int[], ${sql.param(principalIds)}::int[]) as u(id, principal_id)
      where school.id = u.id`);
  });
}

/**
 * Loads a deterministic district: ESCs, schools, staff, students, sections, reporting periods and the
 * marks teachers had typed by the cut-off (demo: the demo clock's start; lausd: the end of Nov 14).
 */
export async function seed(db: Db, opts: SeedOptions): Promise<SeedSummary> {
  const seedNumber = opts.seed ?? DEFAULT_SEED;
  const progress = opts.onProgress ?? (() => {});
  if (!opts.reset && !(await isDatabaseEmpty(db))) {
    throw new Error("database is not empty; pass --reset (reset: true) to erase all its data and seed again");
  }
  if (opts.reset) await truncateAll(db);

  const plan = planDistrict(opts.scale, seedNumber);
  const total = plan.schools.length + 2;
  progress(0, total, "district");

  const start = await maxIds(db);
  const escRows = await db
    .insert(esc)
    .values(ESCS.map(({ code, name }) => ({ code, name })))
    .returning({ id: esc.id, code: esc.code });
  const escIds = ESCS.map((e) => escRows.find((r) => r.code === e.code)!.id);

  const schools = schoolBuffer();
  const schoolIds = plan.schools.map((s, i) => {
    const id = start.school + i + 1;
    schools.add({ id, location_code: s.locationCode, name: s.name, level: s.level, esc_id: escIds[s.escIndex]!, enrollment: s.students });
    return id;
  });
  await db.execute(schools.insertSql());

  const calendar = new EntryCalendar({ start: OUTAGE_START, end: OUTAGE_END });
  const periods = await insertPeriods(db);
  const outageCount = await insertOperations(db, calendar);

  const rng = new Random(deriveSeed(seedNumber, 3));
  const ctx: GenerationContext = {
    seed: seedNumber,
    calendar,
    cutoff: opts.scale === "demo" ? Date.parse(DEMO_CLOCK_START) : endOfDay(LAUSD_MARKS_UNTIL).getTime() + 1,
    ...periods,
    ids: { employee: start.employee, student: start.student, section: start.section, enrollment: start.enrollment, mark: start.mark, markHistory: start.mark_history },
    employeeNumberOffset: rng.int(0, 9_999_999),
    studentIdOffset: rng.int(0, 8_999_999_999),
    emails: new Map(),
    schoolIds,
  };

  const central = employeeBuffer();
  ESCS.forEach((e, i) => {
    const demo = e.code === "NORTH";
    addEmployee(ctx, rng, central, {
      role: "INSTRUCTIONAL_SUPERINTENDENT",
      escId: escIds[i]!,
      email: demo ? `superintendent@${DEMO_DOMAIN}` : undefined,
    });
    for (let d = 0; d < plan.config.directorsPerEsc; d++) {
      addEmployee(ctx, rng, central, {
        role: "ESC_DIRECTOR",
        escId: escIds[i]!,
        email: demo && d === 0 ? `director.north@${DEMO_DOMAIN}` : undefined,
      });
    }
  });
  for (let i = 0; i < plan.config.hr; i++) addEmployee(ctx, rng, central, { role: "HR", email: i === 0 ? `hr@${DEMO_DOMAIN}` : undefined });
  for (let i = 0; i < plan.config.admins; i++) {
    addEmployee(ctx, rng, central, { role: "DISTRICT_ADMIN", email: i === 0 ? `admin@${DEMO_DOMAIN}` : undefined });
  }
  await db.execute(central.insertSql());
  const [admin] = await db.select({ id: employee.id }).from(employee).where(eq(employee.email, `admin@${DEMO_DOMAIN}`));
  // The trigger of migration as_of_rules moves the period's current_deadline to November 14.
  await db.insert(deadlineChange).values({ periodId: periods.elementary.periodId, changedById: admin!.id, ...ELEMENTARY_EXTENSION });
  progress(1, total, "district");

  const skipTriggers = await canSkipTriggers(db);
  // Generate the next batch while the previous one is being written (PostgreSQL works in its own process).
  let done = 1;
  let pending: Promise<void> | undefined;
  let rows = new SchoolRows();
  let schoolsInBatch = 0;
  const write = async (batch: SchoolRows, count: number) => {
    await pending;
    const next = flush(db, batch, skipTriggers).then(() => progress((done += count), total, "schools"));
    next.catch(() => {}); // awaited below; this only stops an early failure counting as unhandled
    pending = next;
  };
  for (const schoolPlan of plan.schools) {
    generateSchool(ctx, schoolPlan, rows);
    schoolsInBatch++;
    if (rows.mark.length + rows.markHistory.length + rows.enrollment.length >= BATCH_ROWS) {
      await write(rows, schoolsInBatch);
      rows = new SchoolRows();
      schoolsInBatch = 0;
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  await write(rows, schoolsInBatch);
  await pending;

  // lausd: principals report what happened to their schools in the histories above (the demo keeps its story).
  const circumstances =
    opts.scale === "lausd"
      ? new Map(plan.schools.map((s, i) => [schoolIds[i]!, { outageHit: s.outageHit, rosterError: s.rosterError && { from: s.rosterError.from, fixedAfter: s.rosterError.fixedAfter } }]))
      : undefined;
  const reports = await seedProblemReports(db, { scale: opts.scale, seed: seedNumber, now: new Date(ctx.cutoff), circumstances });

  progress(done, total, "checking");
  if (skipTriggers) await verifyForeignKeys(db);
  for (const [name, table] of Object.entries(ID_TABLES)) {
    await db.execute(
      sql`select setval(pg_get_serial_sequence(${name}, 'id'), (select coalesce(max(${table.id}), 0) + 1 from ${table}), false)`,
    );
  }
  // The rows went in with triggers off: count completion (migration completion_triggers) from scratch.
  await db.execute(sql`select gw_rebuild_completion()`);
  const compensationLogs = await seedCompensation(db, opts.scale, seedNumber);
  // Fresh statistics, so the first queries (and benchmarks) get sensible plans.
  await db.execute(sql`analyze`);
  progress(total, total, "done");

  return {
    scale: opts.scale,
    seed: seedNumber,
    clockStart: DEMO_CLOCK_START,
    counts: {
      esc: ESCS.length,
      school: plan.schools.length,
      employee: ctx.ids.employee - start.employee,
      student: ctx.ids.student - start.student,
      section: ctx.ids.section - start.section,
      enrollment: ctx.ids.enrollment - start.enrollment,
      reporting_period: 2,
      deadline_change: 1,
      grading_item: periods.elementary.items.length + periods.secondary.items.length,
      mark: ctx.ids.mark - start.mark,
      mark_history: ctx.ids.markHistory - start.mark_history,
      outage: outageCount,
      maintenance_window: 1,
      district_setting: 1,
      problem_report: reports.reports,
      notification: reports.notifications,
      compensation_log: compensationLogs,
    },
  };
}
