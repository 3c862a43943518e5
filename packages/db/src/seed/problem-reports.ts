import { and, eq, inArray, sql } from "drizzle-orm";
import { addDays, addSchoolMinutes, DEFAULT_SLA, isSchoolDay, type ReportCategory, type ReportSeverity, type ReportState, reportSla, zonedInstant } from "@gradewatch/domain";
import type { Db } from "../client.js";
import { deadlineExtension, employee, notification, outage, problemReport, problemReportComment, problemReportHistory, reportingPeriod, school, section } from "../schema/index.js";
import { deriveSeed, Random } from "./random.js";

// Problem reports as principals filed them from November 4, 2014 (issue 10): the outage afternoon's flood
// of lost-data and outage reports, roster errors, a few extension requests, and the ESCs' answers. Every
// change happens before `now` (the demo clock's start, or the end of the lausd marks), so each view has
// something true to show and nothing from the future.

interface Story {
  category: ReportCategory;
  severity: ReportSeverity;
  title: string;
  description: string;
  outage?: boolean;
  extension?: { to: string; reason: string };
}

const OUTAGE_STORIES: Story[] = [
  {
    category: "DATA_LOSS",
    severity: "CRITICAL",
    title: "Grades entered this afternoon are gone",
    description: "Teachers were entering Reporting Period 1 marks when the system went down at about 2 pm. Everything not saved before then is missing.",
    outage: true,
  },
  {
    category: "DATA_LOSS",
    severity: "HIGH",
    title: "Two teachers lost a full class of marks",
    description: "Both had typed a whole class before the outage and saved after it came back; the marks did not stick.",
    outage: true,
  },
  {
    category: "SYSTEM_OUTAGE",
    severity: "HIGH",
    title: "Cannot sign in to enter grades",
    description: "Since about 2 pm nobody at the school can sign in; the page times out.",
    outage: true,
  },
  {
    category: "SYSTEM_OUTAGE",
    severity: "CRITICAL",
    title: "System down during grade entry",
    description: "The gradebook stopped answering during our grading afternoon; teachers are waiting with paper records.",
    outage: true,
  },
  {
    category: "DATA_LOSS",
    severity: "CRITICAL",
    title: "Attendance and marks lost in the outage",
    description: "Attendance taken after lunch and marks entered before 2 pm are missing. We keep paper backups and will re-enter.",
    outage: true,
    extension: { to: "2014-11-19", reason: "Re-entering a day of marks for every elementary class; conferences are the week of November 10" },
  },
];

const LATER_STORIES: Story[] = [
  {
    category: "ROSTER_ERROR",
    severity: "MEDIUM",
    title: "Students missing from a section roster",
    description: "Three students who transferred in last week do not appear in the homeroom roster, so their marks cannot be entered.",
  },
  {
    category: "ROSTER_ERROR",
    severity: "HIGH",
    title: "Section assigned to the wrong teacher",
    description: "A grade 4 section shows a teacher who left in October; the substitute cannot enter marks.",
  },
  {
    category: "DATA_LOSS",
    severity: "HIGH",
    title: "Marks typed at 9:30 pm were not saved",
    description: "A teacher worked through the evening and lost everything typed during the nightly maintenance window.",
  },
  {
    category: "PERFORMANCE",
    severity: "MEDIUM",
    title: "Grade entry is very slow in the afternoon",
    description: "Saving a class takes over a minute between 2 and 4 pm.",
  },
  {
    category: "STAFFING",
    severity: "MEDIUM",
    title: "Teacher on leave: marks not started",
    description: "A grade 2 teacher is on medical leave; the substitute needs access and time to enter marks.",
    extension: { to: "2014-11-21", reason: "A teacher on leave since November 3; the substitute starts Monday" },
  },
  {
    category: "TRAINING",
    severity: "LOW",
    title: "New teachers need help with standards-based marks",
    description: "Two first-year teachers are unsure how to mark the 1-4 scale.",
  },
  {
    category: "ACCESS",
    severity: "HIGH",
    title: "Principal cannot see one teacher's section",
    description: "The section of a teacher who moved from another school does not appear for the principal.",
  },
];

interface SchoolFacts {
  id: number;
  escId: number;
  level: string;
  principalId: number;
  sectionIds: number[];
}

type Change = { at: Date; action: string; to: ReportState; by: number; note?: string };

/** The instant `minutes` school minutes after `from`: the ESC works school hours. */
const later = (from: Date, minutes: number) => addSchoolMinutes(from, minutes);

/** What happened to a school in the mark histories (plan.ts), so that its principal reports what happened. */
export interface SchoolCircumstances {
  outageHit: boolean;
  /** Day index from Monday, October 27 when teachers were locked out, and after how many days it was fixed (null: never). */
  rosterError: { from: number; fixedAfter: number | null } | null;
}

export interface ReportSeedOptions {
  scale: "demo" | "lausd";
  seed: number;
  /** Nothing happens after this instant. */
  now: Date;
  /**
   * Per school id. With it (lausd), principals report what happened to their school: most schools typing when
   * the outage struck report lost data that afternoon, a few others report it too; most roster errors are
   * reported within a school day of locking teachers out, and resolved when fixed. Without it (demo), the
   * reports fall on schools at random.
   */
  circumstances?: ReadonlyMap<number, SchoolCircumstances>;
}

const ROSTER_LOCKOUT: Story = {
  category: "ROSTER_ERROR",
  severity: "HIGH",
  title: "Teachers locked out of their sections",
  description: "Since this morning some of our teachers see an empty roster for their class and cannot enter any marks.",
};

/** The first school day on or after a day index from Monday, October 27, 2014. */
function schoolDayFrom(index: number): string {
  let day = addDays("2014-10-27", index);
  while (!isSchoolDay(day)) day = addDays(day, 1);
  return day;
}

export async function seedProblemReports(db: Db, opts: ReportSeedOptions): Promise<{ reports: number; notifications: number }> {
  const rng = new Random(deriveSeed(opts.seed, 10));
  const schools = (
    await db
      .select({ id: school.id, escId: school.escId, level: school.level, principalId: school.principalId })
      .from(school)
      .where(sql`${school.principalId} is not null`)
      .orderBy(school.id)
  ).map((s) => ({ ...s, principalId: s.principalId!, sectionIds: [] as number[] }));
  if (schools.length === 0) return { reports: 0, notifications: 0 };
  const sections = await db
    .select({ id: section.id, schoolId: section.schoolId })
    .from(section)
    .where(inArray(section.schoolId, schools.map((s) => s.id)));
  const bySchool = new Map<number, SchoolFacts>(schools.map((s) => [s.id, s]));
  for (const s of sections) {
    const facts = bySchool.get(s.schoolId)!;
    if (facts.sectionIds.length < 40) facts.sectionIds.push(s.id);
  }
  const staff = await db
    .select({ id: employee.id, escId: employee.escId })
    .from(employee)
    .where(and(inArray(employee.role, ["ESC_DIRECTOR", "INSTRUCTIONAL_SUPERINTENDENT"]), eq(employee.active, true)));
  const staffOf = (escId: number) => staff.filter((e) => e.escId === escId).map((e) => e.id);
  const [theOutage] = await db.select({ id: outage.id }).from(outage).where(eq(outage.kind, "UNPLANNED")).limit(1);
  const [elementary] = await db.select({ id: reportingPeriod.id }).from(reportingPeriod).where(eq(reportingPeriod.level, "ELEMENTARY")).limit(1);
  const [demoPrincipal] = await db.select({ schoolId: employee.schoolId }).from(employee).where(eq(employee.email, "principal@demo.gradewatch.test"));

  const elementarySchools = schools.filter((s) => s.level === "ELEMENTARY");
  const floodShare = opts.scale === "demo" ? 0.3 : 0.12;
  const circumstances = opts.circumstances;
  // Schools typing when the outage struck report it mostly; a few others report the afternoon's trouble too.
  const flood = elementarySchools.filter(
    (s) => s.id !== demoPrincipal?.schoolId && rng.chance(circumstances ? (circumstances.get(s.id)?.outageHit ? 0.5 : 0.03) : floodShare),
  );
  const laterShare = opts.scale === "demo" ? 0.12 : 0.06;
  const others = schools.filter((s) => s.id !== demoPrincipal?.schoolId && rng.chance(laterShare));

  const planned: { school: SchoolFacts; story: Story; filedAt: Date; fixedAt?: Date | null }[] = [];
  // Roster errors: reported by most principals within a school day; resolved when fixed, open while not.
  for (const s of schools) {
    const error = circumstances?.get(s.id)?.rosterError;
    if (!error || s.id === demoPrincipal?.schoolId || !rng.chance(0.8)) continue;
    const filedDay = schoolDayFrom(error.from + (rng.chance(0.5) ? 0 : 1));
    const filedAt = new Date(zonedInstant(filedDay, "07:45").getTime() + rng.int(0, 7 * 60) * 60_000);
    const fixedAt = error.fixedAfter === null ? null : new Date(zonedInstant(schoolDayFrom(error.from + error.fixedAfter), "07:30").getTime() + rng.int(0, 60) * 60_000);
    planned.push({ school: s, story: ROSTER_LOCKOUT, filedAt, fixedAt: fixedAt && fixedAt > filedAt ? fixedAt : null });
  }
  // The outage afternoon: reports pour in from 2:05 pm to the evening of November 4.
  for (const s of flood) {
    const story = OUTAGE_STORIES[rng.int(0, OUTAGE_STORIES.length - 1)]!;
    planned.push({ school: s, story, filedAt: new Date(zonedInstant("2014-11-04", "14:05").getTime() + rng.int(0, 5 * 60) * 60_000) });
  }
  // Later problems: from the morning of November 4 to the end of the lausd marks, school hours mostly.
  const laterDays = opts.scale === "demo" ? ["2014-11-04"] : ["2014-11-04", "2014-11-05", "2014-11-06", "2014-11-07", "2014-11-10", "2014-11-12", "2014-11-13"];
  for (const s of others) {
    const story = LATER_STORIES[rng.int(0, LATER_STORIES.length - 1)]!;
    const day = laterDays[rng.int(0, laterDays.length - 1)]!;
    planned.push({ school: s, story, filedAt: new Date(zonedInstant(day, "07:45").getTime() + rng.int(0, 8 * 60) * 60_000) });
  }
  planned.sort((a, b) => a.filedAt.getTime() - b.filedAt.getTime());

  let reports = 0;
  let notifications = 0;
  for (const p of planned) {
    if (p.filedAt >= opts.now) continue;
    const escStaff = staffOf(p.school.escId);
    if (escStaff.length === 0) continue;
    const responder = escStaff[rng.int(0, escStaff.length - 1)]!;
    const severity = p.story.severity;
    const targets = DEFAULT_SLA[severity];
    // The ESC answers: acknowledgement mostly within the SLA, some late; later moves as time allows.
    const changes: Change[] = [];
    const ackAt = later(p.filedAt, rng.int(10, Math.round(targets.acknowledgeMinutes * (rng.chance(0.25) ? 1.8 : 0.9))));
    if (p.fixedAt !== undefined) {
      // A roster error: worked on until the roster is fixed, then resolved; open while it is not.
      changes.push({ at: ackAt, action: "acknowledge", to: "ACKNOWLEDGED", by: responder });
      changes.push({ at: later(ackAt, rng.int(15, 120)), action: "start", to: "IN_PROGRESS", by: responder });
      if (p.fixedAt && p.fixedAt > changes.at(-1)!.at) {
        changes.push({ at: p.fixedAt, action: "resolve", to: "RESOLVED", by: responder, note: "The roster is corrected; the teachers can enter marks again." });
      }
    } else if (rng.chance(0.75)) changes.push({ at: ackAt, action: "acknowledge", to: "ACKNOWLEDGED", by: responder });
    const startAt = later(ackAt, rng.int(15, 120));
    if (p.fixedAt === undefined && changes.length && rng.chance(0.7)) changes.push({ at: startAt, action: "start", to: "IN_PROGRESS", by: responder });
    const step = changes.at(-1)?.at ?? ackAt;
    const ordinary = p.fixedAt === undefined;
    if (ordinary && changes.length === 2 && rng.chance(0.25)) {
      changes.push({ at: later(step, rng.int(30, 180)), action: "waitOnSchool", to: "WAITING_ON_SCHOOL", by: responder, note: "Please send the paper backup of the marks that were lost." });
    } else if (ordinary && changes.length === 2 && rng.chance(0.6)) {
      const resolvedAt = later(step, rng.int(60, Math.round(targets.resolveMinutes * 1.2)));
      changes.push({ at: resolvedAt, action: "resolve", to: "RESOLVED", by: responder, note: "Restored from the backup of 1:45 pm; please check the marks." });
      if (rng.chance(0.5)) changes.push({ at: later(resolvedAt, rng.int(30, 300)), action: "close", to: "CLOSED", by: p.school.principalId });
    }
    const seen = changes.filter((c) => c.at < opts.now);
    const state: ReportState = seen.at(-1)?.to ?? "NEW";
    const sla = reportSla({ filedAt: p.filedAt, changes: seen }, targets, opts.now);
    const sectionIds = p.school.sectionIds.length ? [p.school.sectionIds[rng.int(0, p.school.sectionIds.length - 1)]!] : [];
    const ext = p.story.extension && elementary && p.school.level === "ELEMENTARY" ? p.story.extension : undefined;
    // Extension requests: decided a school day after filing, most approved, when that is before now.
    const decidedAt = ext && seen.length ? later(p.filedAt, rng.int(120, 480)) : undefined;
    const decision = decidedAt && decidedAt < opts.now ? (rng.chance(0.75) ? "APPROVED" : "DECLINED") : ext ? "PENDING" : null;
    const [report] = await db
      .insert(problemReport)
      .values({
        schoolId: p.school.id,
        periodId: p.school.level === "ELEMENTARY" ? (elementary?.id ?? null) : null,
        filedById: p.school.principalId,
        category: p.story.category,
        severity,
        title: p.story.title,
        description: p.story.description,
        outageId: p.story.outage ? (theOutage?.id ?? null) : null,
        sectionIds,
        extensionRequestedTo: ext?.to ?? null,
        extensionRequestReason: ext?.reason ?? null,
        extensionStatus: decision,
        extensionDecisionReason: decision === "DECLINED" ? "The school's marks are 90% entered; November 14 is enough" : decision === "APPROVED" ? "Outage of November 4" : null,
        extensionDecidedById: decision && decision !== "PENDING" ? responder : null,
        extensionDecidedAt: decision && decision !== "PENDING" ? decidedAt! : null,
        state,
        version: 1 + seen.length + (decision && decision !== "PENDING" ? 1 : 0),
        assigneeId: seen.length ? responder : null,
        filedAt: p.filedAt,
        acknowledgedAt: seen[0]?.at ?? null,
        resolvedAt: seen.find((c) => c.to === "RESOLVED")?.at ?? null,
        slaDueAt: sla.dueAt,
        updatedAt: seen.at(-1)?.at ?? p.filedAt,
      })
      .returning({ id: problemReport.id });
    reports++;
    const id = report!.id;
    const history: (typeof problemReportHistory.$inferInsert)[] = [
      { reportId: id, schoolId: p.school.id, action: "file", fromState: null, toState: "NEW", version: 1, changedById: p.school.principalId, changedAt: p.filedAt, source: "SEED" },
    ];
    let from: ReportState = "NEW";
    seen.forEach((c, i) => {
      history.push({ reportId: id, schoolId: p.school.id, action: c.action, fromState: from, toState: c.to, version: i + 2, changedById: c.by, changedAt: c.at, source: "SEED" });
      from = c.to;
    });
    const notes: (typeof notification.$inferInsert)[] = escStaff.map((recipientId) => ({
      recipientId,
      reportId: id,
      kind: "REPORT_FILED",
      message: `New ${severity} report: ${p.story.title}`,
      createdAt: p.filedAt,
      readAt: seen.length ? seen[0]!.at : null,
    }));
    for (const c of seen) {
      if (c.by !== p.school.principalId) notes.push({ recipientId: p.school.principalId, reportId: id, kind: "REPORT_CHANGED", message: `${p.story.title}: ${c.to.toLowerCase().replace(/_/g, " ")}`, createdAt: c.at });
      if (c.note) await db.insert(problemReportComment).values({ reportId: id, schoolId: p.school.id, authorId: c.by, body: c.note, internal: false, createdAt: c.at });
    }
    if (seen.length && rng.chance(0.4)) {
      await db.insert(problemReportComment).values({ reportId: id, schoolId: p.school.id, authorId: responder, body: "Vendor ticket opened; the 1:45 pm backup covers this school.", internal: true, createdAt: seen[0]!.at });
    }
    const stateAt = (at: Date): ReportState => seen.filter((c) => c.at <= at).at(-1)?.to ?? "NEW";
    if (decision === "APPROVED" || decision === "DECLINED") {
      let deadlineExtensionId: number | null = null;
      if (decision === "APPROVED") {
        const [created] = await db
          .insert(deadlineExtension)
          .values({ periodId: elementary!.id, schoolId: p.school.id, extendedTo: ext!.to, reason: "Outage of November 4", createdAt: decidedAt!, grantedById: responder, problemReportId: id })
          .returning({ id: deadlineExtension.id });
        deadlineExtensionId = created!.id;
        await db.update(problemReport).set({ deadlineExtensionId }).where(eq(problemReport.id, id));
      }
      history.push({
        reportId: id,
        schoolId: p.school.id,
        action: decision === "APPROVED" ? "approveExtension" : "declineExtension",
        fromState: stateAt(decidedAt!),
        toState: stateAt(decidedAt!),
        version: seen.length + 2,
        detail: { extendedTo: ext!.to, deadlineExtensionId },
        changedById: responder,
        changedAt: decidedAt!,
        source: "SEED",
      });
      notes.push({ recipientId: p.school.principalId, reportId: id, kind: "EXTENSION_DECIDED", message: `${p.story.title}: extension to ${ext!.to} ${decision.toLowerCase()}`, createdAt: decidedAt! });
    }
    history.sort((a, b) => a.changedAt.getTime() - b.changedAt.getTime());
    history.forEach((h, i) => (h.version = i + 1));
    await db.insert(problemReportHistory).values(history);
    await db.insert(notification).values(notes);
    notifications += notes.length;
  }
  return { reports, notifications };
}
