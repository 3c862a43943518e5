import { addDays, isSchoolDay, localDate, schoolDaysBetween } from "./calendar.js";

// Forecast and risk of one school (or ESC, or teacher) missing a reporting period's deadline. Pure: it sees
// only what the system records (marks and their times, enrollments, extensions, outages, problem reports),
// never how a seed decided anyone's behaviour.

/** Ordered from best to worst. */
export const RISK_LEVELS = ["COMPLETE", "ON_TRACK", "AT_RISK", "CRITICAL"] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export interface TeacherProgressFacts {
  teacherId: number;
  /** Marks expected of this teacher: open enrollments times the period's grading items, over their sections. */
  expected: number;
  /** Marks entered that count toward `expected` (students still enrolled). */
  entered: number;
  /** When the teacher's first and latest counted marks were entered; null when none. */
  firstEnteredAt: Date | null;
  lastEnteredAt: Date | null;
  /**
   * Most counted marks this teacher entered on one local day: what they have shown they can do in a day.
   * Optional; without it the forecast falls back on the teacher's average over the days they worked.
   */
  bestDay?: number;
}

export interface ReportFact {
  severity: "LOW" | "MEDIUM" | "HIGH" | "CRITICAL";
  category: string;
}

export interface RiskFacts {
  /** The instant the answer is for: the district clock now, or the "as of" instant of a replay. */
  now: Date;
  /** The period's marking window opens on this local day (YYYY-MM-DD). */
  windowOpensOn: string;
  /** The effective deadline in force at `now` (period deadline, then school extension), end of day in Los Angeles. */
  deadline: Date;
  expected: number;
  entered: number;
  /**
   * Counted marks first entered on each local (America/Los_Angeles) day up to `now`'s day, oldest first;
   * days with none may be absent.
   */
  enteredByDay: readonly { day: string; entered: number }[];
  teachers: readonly TeacherProgressFacts[];
  /** Marks typed while an unplanned outage was under way and saved after it ended (e.g. the November 4 outage). */
  outage?: { label: string; marks: number } | null;
  /** Open problem reports of the school (issue 10). */
  openReports?: readonly ReportFact[];
}

export type RiskReasonCode =
  | "COMPLETE"
  | "NOTHING_EXPECTED"
  | "PACE"
  | "NOT_STARTED"
  | "STALLED"
  | "CAPACITY"
  | "OUTAGE"
  | "REPORTS"
  | "PAST_DEADLINE";

export interface RiskReason {
  code: RiskReasonCode;
  /** Words a director can act on: "62% entered, 3 school days left, needs 1,400 marks a day, pace 600 a day over the last 3 school days". */
  text: string;
  /** The teachers the reason is about (not started, stalled), so a school page can name them. */
  teacherIds?: number[];
}

export interface RiskForecast {
  level: RiskLevel;
  /** 0-100, one decimal; 100 when nothing is expected. */
  percent: number;
  remaining: number;
  /** School days from `now`'s day (included while it is a school day) to the deadline day (included). */
  schoolDaysLeft: number;
  /** Marks a day needed to finish by the deadline; 0 when complete. */
  neededPerDay: number;
  /** Marks a day over the recent school days. */
  pacePerDay: number;
  /**
   * The local day the remaining marks would be done, each teacher at their rush pace from today; null when
   * complete, or while a teacher has stopped (nobody can say when work nobody is doing will be done: the
   * STALLED reason says who).
   */
  projectedFinish: string | null;
  /** Most important first. */
  reasons: RiskReason[];
  /** Orders a ranking: higher is worse. */
  score: number;
  /** The forecast's chance (0-1) that some teacher, hence the school, is not done by the deadline. */
  missChance?: number;
}


// The model, in words: a school finishes when its slowest teacher does. Each teacher with marks left may miss
// because they cannot do the rest in the days left even working flat out (capacity), because they have not
// started, or because they have stopped (ill, on leave, locked out by a roster error). The school's chance of
// missing is that of at least one of its teachers missing. Raw completion is not the signal: people meet a
// deadline in a rush, so a school at 30% a week out is ordinary.

/** School days a pace is measured over. */
const RECENT_DAYS = 3;
/** Near a deadline people work several times their usual day: a teacher's best day so far, times this, is what they can do on one of the last days. */
const RUSH = 4;
/** A weekend day or holiday before the deadline is worth this much of a school day. */
const OFF_DAY = 0.5;
/** School days with no entry at all, while a real share of their marks is left, after which a teacher counts as stopped. */
const STALL_DAYS = 3;
const STALL_SHARE = 0.15;
/** Share of a school's teachers with marks left beyond which not having started is that school's way of working, not an alarm. */
const PEER_SHARE = 0.4;
/** Chance that a teacher with nothing done and one school day left misses; it falls with the days left and the share done. */
const BEHIND = 0.16;
/**
 * A school far behind as a whole in the last week misses more often than its teachers' outlooks say (some of
 * what will stop them has not happened yet): this chance times the share left to the sixth power, with five
 * school days or fewer left; earlier it fades as 5 / school days left.
 */
const SCHOOL_BEHIND = 0.5;
/** Chance of missing at or above which a school is at risk, or critical. */
const AT_RISK_CHANCE = 0.3;
const CRITICAL_CHANCE = 0.6;

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const fmt = (n: number) => Math.round(n).toLocaleString("en-US");
const plural = (n: number, one: string, many: string) => `${fmt(n)} ${n === 1 ? one : many}`;
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const dayName = (day: string) => `${MONTHS[Number(day.slice(5, 7)) - 1]} ${Number(day.slice(8, 10))}`;

const REPORT_WORDS: Record<string, string> = {
  DATA_LOSS: "lost data",
  ROSTER_ERROR: "a roster error",
  SYSTEM_OUTAGE: "an outage",
  ACCESS: "access",
  PERFORMANCE: "a slow system",
  TRAINING: "training",
  STAFFING: "staffing",
};
/**
 * Open reports that by themselves put a school at risk: problems that keep a teacher from entering marks at
 * all until someone fixes them (a roster that locks them out, nobody to enter them). Lost data and slowness
 * are work to redo or to push through, which the marks themselves show (pace, capacity); they are reasons,
 * not a level.
 */
const BLOCKING_CATEGORIES = new Set(["ROSTER_ERROR", "STAFFING"]);

interface TeacherOutlook {
  teacherId: number;
  remaining: number;
  /** Marks a day they can do in the rush. */
  rushPerDay: number;
  notStarted: boolean;
  /** School days with no entry since their last one (0 unless stopped). */
  stalledDays: number;
  capacityShort: boolean;
  missChance: number;
}

/** School days strictly between two local days. */
function schoolDaysStrictlyBetween(after: string, before: string): number {
  if (addDays(after, 1) > addDays(before, -1)) return 0;
  return schoolDaysBetween(addDays(after, 1), addDays(before, -1)).length;
}

function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function outlooks(facts: RiskFacts, today: string, effectiveDays: number): TeacherOutlook[] {
  // A teacher's usual day: their best day so far, else their average over the school days they worked.
  const usual = (t: TeacherProgressFacts): number => {
    if (t.entered === 0 || !t.firstEnteredAt || !t.lastEnteredAt) return 0;
    if (t.bestDay && t.bestDay > 0) return t.bestDay;
    const worked = Math.max(1, schoolDaysBetween(localDate(t.firstEnteredAt), localDate(t.lastEnteredAt)).length);
    return t.entered / worked;
  };
  // Someone who has not started is assumed as fast, for their load, as the school's median teacher.
  const ratios = facts.teachers.filter((t) => t.entered > 0 && t.expected > 0).map((t) => usual(t) / t.expected);
  const typicalRatio = median(ratios) ?? 1 / 3;
  // Not having started means more when colleagues are at it than when much of the school works that way;
  // with two days left it is an alarm either way.
  const open = facts.teachers.filter((t) => t.expected > t.entered);
  const notStartedShare = open.length ? open.filter((t) => t.entered === 0).length / open.length : 0;
  const unusual = (share: number) => clamp((PEER_SHARE - share) / (PEER_SHARE - 0.02), 0.03, 1);
  const out: TeacherOutlook[] = [];
  for (const t of facts.teachers) {
    const remaining = Math.max(0, t.expected - t.entered);
    if (remaining === 0) continue;
    const notStarted = t.entered === 0;
    const perDay = Math.max(1, notStarted ? typicalRatio * t.expected : usual(t));
    const rushPerDay = perDay * RUSH;
    // Capacity: the share of their rush pace the rest needs, over the days left.
    const load = effectiveDays > 0 ? remaining / (rushPerDay * effectiveDays) : Infinity;
    const capacityChance = clamp((load - 1) / 3, 0, 0.6);
    let stopChance = 0;
    let stalledDays = 0;
    if (notStarted) {
      // Late starters mostly make it with a week left; with three days or less, rarely.
      stopChance = (effectiveDays > 2.5 ? unusual(notStartedShare) : 1) / (1 + Math.exp(1.3 * (effectiveDays - 4.2)));
    } else {
      const idle = schoolDaysStrictlyBetween(localDate(t.lastEnteredAt!), today);
      if (idle >= STALL_DAYS && remaining / t.expected >= STALL_SHARE) {
        stalledDays = idle;
        // Days go by without a mark with a good share left: ill, on leave, locked out. Most do not finish.
        stopChance = clamp(0.6 + 0.1 * (idle - STALL_DAYS), 0, 0.95);
      }
    }
    // Far behind with few days left: most such teachers still make it in the rush, but not all.
    const behindChance = notStarted ? 0 : clamp((BEHIND / Math.max(effectiveDays, 1)) * (remaining / t.expected) ** 4, 0, 0.9);
    out.push({
      teacherId: t.teacherId,
      remaining,
      rushPerDay,
      notStarted,
      stalledDays,
      capacityShort: load > 1,
      missChance: 1 - (1 - capacityChance) * (1 - stopChance) * (1 - behindChance),
    });
  }
  return out;
}

/** The forecast for one school (or any group of teachers) from what the system has recorded by `facts.now`. */
export function forecastRisk(facts: RiskFacts): RiskForecast {
  const today = localDate(facts.now);
  const deadlineDay = localDate(facts.deadline);
  const remaining = Math.max(0, facts.expected - facts.entered);
  const percent = facts.expected === 0 ? 100 : Math.floor((1000 * Math.min(facts.entered, facts.expected)) / facts.expected) / 10;
  const left = today > deadlineDay ? [] : schoolDaysBetween(today, deadlineDay);
  const schoolDaysLeft = left.length;
  let offDays = 0;
  for (let d = today; d <= deadlineDay; d = addDays(d, 1)) if (!isSchoolDay(d)) offDays++;
  const effectiveDays = facts.now > facts.deadline ? 0 : schoolDaysLeft + OFF_DAY * offDays;

  // Pace: marks entered from the first of the last school days before today up to today (weekend work counts).
  const recent = schoolDaysBetween(facts.windowOpensOn, addDays(today, -1)).slice(-RECENT_DAYS);
  const pacePerDay =
    recent.length === 0 ? 0 : facts.enteredByDay.filter((d) => d.day >= recent[0]! && d.day < today).reduce((s, d) => s + d.entered, 0) / recent.length;
  const neededPerDay = remaining === 0 ? 0 : effectiveDays === 0 ? remaining : remaining / Math.max(1, schoolDaysLeft);

  if (remaining === 0) {
    const nothing = facts.expected === 0;
    return {
      level: "COMPLETE",
      percent,
      remaining,
      schoolDaysLeft,
      neededPerDay: 0,
      pacePerDay,
      projectedFinish: null,
      reasons: [{ code: nothing ? "NOTHING_EXPECTED" : "COMPLETE", text: nothing ? "No marks expected" : "All marks entered" }],
      score: 0,
      missChance: 0,
    };
  }

  const teachers = outlooks(facts, today, effectiveDays);
  const schoolBehind = facts.expected > 0 ? SCHOOL_BEHIND * (remaining / facts.expected) ** 6 * Math.min(1, 5 / Math.max(1, schoolDaysLeft)) : 0;
  let missChance = effectiveDays === 0 ? 1 : 1 - (1 - schoolBehind) * teachers.reduce((p, t) => p * (1 - t.missChance), 1);
  // The school finishes when its slowest teacher does, each working at their rush pace from today; a teacher
  // who has stopped is not working at any pace, so while one has, no day is projected.
  const slowest = Math.max(0, ...teachers.map((t) => Math.ceil(t.remaining / t.rushPerDay)));
  let projectedFinish: string | null = null;
  if (slowest > 0 && !teachers.some((t) => t.stalledDays > 0)) {
    let d = today;
    let n = isSchoolDay(d) ? 1 : 0;
    while (n < slowest) {
      d = addDays(d, 1);
      if (isSchoolDay(d)) n++;
    }
    while (!isSchoolDay(d)) d = addDays(d, 1);
    projectedFinish = d;
  }

  const reasons: RiskReason[] = [];
  if (facts.now > facts.deadline) {
    reasons.push({ code: "PAST_DEADLINE", text: `Deadline ${dayName(deadlineDay)} passed with ${plural(remaining, "mark", "marks")} missing (${percent}% entered)` });
  }
  reasons.push({
    code: "PACE",
    text: `${percent}% entered, ${plural(schoolDaysLeft, "school day", "school days")} left, needs ${fmt(neededPerDay)} marks a day, pace ${fmt(pacePerDay)} a day over the last ${plural(recent.length, "school day", "school days")}`,
  });
  const stalled = teachers.filter((t) => t.stalledDays > 0).sort((a, b) => b.stalledDays - a.stalledDays);
  if (stalled.length > 0) {
    const marks = stalled.reduce((s, t) => s + t.remaining, 0);
    reasons.push({
      code: "STALLED",
      text: `${plural(stalled.length, "teacher has", "teachers have")} entered nothing for ${stalled.at(-1)!.stalledDays} school days or more, with ${plural(marks, "mark", "marks")} left`,
      teacherIds: stalled.map((t) => t.teacherId),
    });
  }
  const notStarted = teachers.filter((t) => t.notStarted);
  if (notStarted.length > 0) {
    reasons.push({ code: "NOT_STARTED", text: `${plural(notStarted.length, "teacher has", "teachers have")} entered nothing`, teacherIds: notStarted.map((t) => t.teacherId) });
  }
  const short = teachers.filter((t) => t.capacityShort && !t.notStarted).sort((a, b) => b.remaining / b.rushPerDay - a.remaining / a.rushPerDay);
  // Past the deadline there are no days left to need anything of: the deadline reason says it.
  if (short.length > 0 && effectiveDays > 0) {
    const worst = short[0]!;
    reasons.push({
      code: "CAPACITY",
      text: `${plural(short.length, "teacher needs", "teachers need")} about their best days so far or more, every day left: the slowest has ${plural(worst.remaining, "mark", "marks")} left, about ${fmt(worst.remaining / Math.max(effectiveDays, 1))} a day against a best day of ${fmt(worst.rushPerDay / RUSH)}`,
      teacherIds: short.map((t) => t.teacherId),
    });
  }
  if (facts.outage && facts.outage.marks > 0) {
    reasons.push({ code: "OUTAGE", text: `hit by the ${facts.outage.label}: ${plural(facts.outage.marks, "mark", "marks")} re-entered` });
  }
  const reports = facts.openReports ?? [];
  if (reports.length > 0) {
    const byCategory = new Map<string, number>();
    for (const r of reports) byCategory.set(r.category, (byCategory.get(r.category) ?? 0) + 1);
    const about = [...byCategory]
      .filter(([c]) => REPORT_WORDS[c])
      .sort((a, b) => b[1] - a[1])
      .map(([c, n]) => `${n === reports.length ? (n === 1 ? "about" : "all about") : `${n === 1 ? "one" : fmt(n)} about`} ${REPORT_WORDS[c]}`);
    reasons.push({ code: "REPORTS", text: `${plural(reports.length, "open problem report", "open problem reports")}${about.length ? `, ${about.join(", ")}` : ""}` });
    if (reports.some((r) => BLOCKING_CATEGORIES.has(r.category))) missChance = Math.max(missChance, AT_RISK_CHANCE);
  }

  const level: RiskLevel = facts.now > facts.deadline || missChance >= CRITICAL_CHANCE ? "CRITICAL" : missChance >= AT_RISK_CHANCE ? "AT_RISK" : "ON_TRACK";
  // On track means the forecast expects the final rush to carry every teacher to the deadline, beyond the four
  // best days a day the projection allows: it says so rather than "late" beside "On track".
  if (level === "ON_TRACK" && projectedFinish !== null && projectedFinish > deadlineDay) projectedFinish = deadlineDay;
  // Most important first: what decided the level before the pace line.
  const order: RiskReasonCode[] =
    level === "ON_TRACK"
      ? ["PAST_DEADLINE", "PACE", "NOT_STARTED", "STALLED", "CAPACITY", "OUTAGE", "REPORTS"]
      : ["PAST_DEADLINE", "STALLED", "NOT_STARTED", "CAPACITY", "REPORTS", "PACE", "OUTAGE"];
  reasons.sort((a, b) => order.indexOf(a.code) - order.indexOf(b.code));
  return {
    level,
    percent,
    remaining,
    schoolDaysLeft,
    neededPerDay,
    pacePerDay,
    projectedFinish,
    reasons,
    score: RISK_LEVELS.indexOf(level) * 1000 + Math.round(missChance * 500) + (100 - percent),
    missChance,
  };
}
