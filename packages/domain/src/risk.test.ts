import { describe, expect, it } from "vitest";
import { endOfDay, zonedInstant } from "./calendar.js";
import { forecastRisk, type RiskFacts, type TeacherProgressFacts } from "./risk.js";

interface TeacherHistory {
  id: number;
  expected: number;
  /** Marks entered on each local day (entered at 6 pm that day). */
  days: Record<string, number>;
}

/** Facts as the system would hold them for a school whose teachers entered marks on the days given. */
function school(opts: { now: string; deadline?: string; teachers: TeacherHistory[]; outage?: RiskFacts["outage"]; openReports?: RiskFacts["openReports"] }): RiskFacts {
  const [nowDay, nowTime] = opts.now.split(" ") as [string, string | undefined];
  const now = zonedInstant(nowDay, nowTime ?? "00:00");
  const byDay = new Map<string, number>();
  const teachers: TeacherProgressFacts[] = opts.teachers.map((t) => {
    const days = Object.entries(t.days).filter(([, n]) => n > 0).sort(([a], [b]) => (a < b ? -1 : 1));
    for (const [day, n] of days) byDay.set(day, (byDay.get(day) ?? 0) + n);
    const entered = days.reduce((s, [, n]) => s + n, 0);
    return {
      teacherId: t.id,
      expected: t.expected,
      entered,
      firstEnteredAt: days.length ? zonedInstant(days[0]![0], "18:00") : null,
      lastEnteredAt: days.length ? zonedInstant(days.at(-1)![0], "18:00") : null,
      bestDay: Math.max(0, ...days.map(([, n]) => n)),
    };
  });
  return {
    now,
    windowOpensOn: "2014-10-27",
    deadline: endOfDay(opts.deadline ?? "2014-11-14"),
    expected: teachers.reduce((s, t) => s + t.expected, 0),
    entered: teachers.reduce((s, t) => s + t.entered, 0),
    enteredByDay: [...byDay].sort(([a], [b]) => (a < b ? -1 : 1)).map(([day, entered]) => ({ day, entered })),
    teachers,
    outage: opts.outage ?? null,
    openReports: opts.openReports,
  };
}

/** n marks on every school day of the list. */
const every = (days: string[], n: number) => Object.fromEntries(days.map((d) => [d, n]));
const WEEK1 = ["2014-10-27", "2014-10-28", "2014-10-29", "2014-10-30", "2014-10-31"];
const WEEK2 = ["2014-11-03", "2014-11-04", "2014-11-05", "2014-11-06", "2014-11-07"];

describe("forecastRisk", () => {
  it("should be on track at a steady pace, counting school days without Veterans Day", () => {
    const facts = school({
      now: "2014-11-10 07:00",
      teachers: [1, 2, 3, 4].map((id) => ({ id, expected: 200, days: every([...WEEK1, ...WEEK2], 15) })),
    });
    const f = forecastRisk(facts);
    expect(f.level).toBe("ON_TRACK");
    expect(f.schoolDaysLeft).toBe(4); // Nov 10, 12, 13, 14: Nov 11 is Veterans Day
    expect(f.reasons[0]!.text).toBe("75% entered, 4 school days left, needs 50 marks a day, pace 60 a day over the last 3 school days");
    // Near the deadline people do several times their usual day: 50 marks each is a day's work in the rush.
    expect(f.projectedFinish).toBe("2014-11-10");
  });

  it("should call a school critical when a teacher stopped entering with most of their marks left", () => {
    const facts = school({
      now: "2014-11-12 07:00",
      teachers: [
        ...[1, 2, 3].map((id) => ({ id, expected: 200, days: every([...WEEK1, ...WEEK2, "2014-11-10"], 16) })),
        { id: 4, expected: 200, days: every(WEEK1, 16) },
      ],
    });
    const f = forecastRisk(facts);
    expect(f.level).toBe("CRITICAL");
    expect(f.reasons[0]).toEqual({ code: "STALLED", text: "1 teacher has entered nothing for 6 school days or more, with 120 marks left", teacherIds: [4] });
    // No finish day while a teacher has stopped: the three still at work would be done in a day or two.
    expect(f.projectedFinish).toBeNull();
    const resumed = forecastRisk(
      school({ now: "2014-11-12 07:00", teachers: [...[1, 2, 3].map((id) => ({ id, expected: 200, days: every([...WEEK1, ...WEEK2, "2014-11-10"], 16) })), { id: 4, expected: 200, days: every([...WEEK1, "2014-11-10"], 16) }] }),
    );
    expect(resumed.reasons.map((r) => r.code)).not.toContain("STALLED");
    expect(resumed.projectedFinish).not.toBeNull();
  });

  it("should not mistake a late rush for trouble: judge teachers by what they have shown they can do, not by raw completion", () => {
    const rushing = school({
      now: "2014-11-13 07:00",
      teachers: [1, 2, 3].map((id) => ({ id, expected: 200, days: { "2014-11-12": 40 } })),
    });
    const f = forecastRisk(rushing);
    expect(f.percent).toBe(20);
    expect(f.level).toBe("ON_TRACK");
    // Same completion, but a teacher who has never done more than 10 marks a day cannot do 160 in the two days left.
    const slow = school({
      now: "2014-11-13 07:00",
      teachers: [
        { id: 1, expected: 200, days: { "2014-11-12": 40 } },
        { id: 2, expected: 200, days: { "2014-11-12": 40 } },
        { id: 3, expected: 200, days: every(["2014-11-06", "2014-11-07", "2014-11-10", "2014-11-12"], 10) },
      ],
    });
    const g = forecastRisk(slow);
    expect(g.percent).toBe(20);
    expect(g.level).toBe("AT_RISK");
    expect(g.reasons.find((r) => r.code === "CAPACITY")?.teacherIds).toEqual([3]);
    expect(g.projectedFinish! > f.projectedFinish!).toBe(true);
  });

  it("should count weekend work in the pace and not call a teacher stopped over a weekend", () => {
    const facts = school({
      now: "2014-11-03 07:00",
      teachers: [
        { id: 1, expected: 200, days: { "2014-10-29": 30, "2014-10-30": 30, "2014-10-31": 30, "2014-11-01": 30 } },
        { id: 2, expected: 200, days: { "2014-10-27": 60, "2014-10-31": 30 } },
      ],
    });
    const f = forecastRisk(facts);
    // Oct 29 to Nov 2 over the last 3 school days (Oct 29, 30, 31): 150 marks.
    expect(f.pacePerDay).toBe(50);
    expect(f.reasons.map((r) => r.code)).not.toContain("STALLED");
    expect(f.level).toBe("ON_TRACK");
  });

  it("should skip Veterans Day: a teacher last seen Friday is not stopped on Wednesday, November 12", () => {
    const facts = school({
      now: "2014-11-12 07:00",
      teachers: [{ id: 1, expected: 200, days: { "2014-11-05": 50, "2014-11-06": 50, "2014-11-07": 50 } }],
    });
    const f = forecastRisk(facts);
    expect(f.schoolDaysLeft).toBe(3);
    expect(f.reasons.map((r) => r.code)).not.toContain("STALLED");
    expect(f.level).toBe("ON_TRACK");
    // The pace is over Nov 7 and 10 (and the holiday between them) and Nov 6: Nov 11 is no school day.
    expect(f.pacePerDay).toBeCloseTo(100 / 3);
  });

  it("should follow the deadline in force: the same school is critical for November 7 and on track once extended to November 14", () => {
    const teachers = [1, 2].map((id) => ({ id, expected: 200, days: every(["2014-11-03", "2014-11-04", "2014-11-05"], 10) }));
    const before = forecastRisk(school({ now: "2014-11-06 07:00", deadline: "2014-11-07", teachers }));
    const after = forecastRisk(school({ now: "2014-11-06 07:00", deadline: "2014-11-14", teachers }));
    expect(before.schoolDaysLeft).toBe(2);
    expect(before.level).toBe("CRITICAL");
    expect(after.schoolDaysLeft).toBe(6);
    expect(after.level).toBe("ON_TRACK");
    expect(after.neededPerDay).toBeLessThan(before.neededPerDay);
  });

  it("should call a school complete when every expected mark is in, and say so", () => {
    const f = forecastRisk(school({ now: "2014-11-06 07:00", teachers: [{ id: 1, expected: 80, days: { "2014-11-03": 80 } }] }));
    expect(f).toMatchObject({ level: "COMPLETE", percent: 100, remaining: 0, neededPerDay: 0, projectedFinish: null, score: 0 });
    expect(f.reasons).toEqual([{ code: "COMPLETE", text: "All marks entered" }]);
  });

  it("should call a school with nothing expected complete at 100%", () => {
    const f = forecastRisk(school({ now: "2014-11-06 07:00", teachers: [] }));
    expect(f).toMatchObject({ level: "COMPLETE", percent: 100, remaining: 0 });
    expect(f.reasons).toEqual([{ code: "NOTHING_EXPECTED", text: "No marks expected" }]);
  });

  it("should keep a teacher who finished on track when a student enrolled late adds a few marks", () => {
    const facts = school({
      now: "2014-11-10 07:00",
      teachers: [
        { id: 1, expected: 208, days: every(WEEK1, 40) },
        { id: 2, expected: 200, days: every(WEEK1, 40) },
      ],
    });
    const f = forecastRisk(facts);
    expect(f.remaining).toBe(8);
    expect(f.level).toBe("ON_TRACK");
    expect(f.reasons.map((r) => r.code)).not.toContain("STALLED");
  });

  it("should name the teachers who have entered nothing, and be critical with two days left", () => {
    const done = (id: number) => ({ id, expected: 200, days: every(WEEK2, 40) });
    const idle = (id: number) => ({ id, expected: 200, days: {} });
    const facts = school({ now: "2014-11-13 07:00", teachers: [done(1), idle(2), idle(3), done(4), idle(5), idle(6)] });
    const f = forecastRisk(facts);
    expect(f.level).toBe("CRITICAL");
    expect(f.reasons.find((r) => r.code === "NOT_STARTED")).toEqual({ code: "NOT_STARTED", text: "4 teachers have entered nothing", teacherIds: [2, 3, 5, 6] });
  });

  it("should worry about a teacher who has not started while colleagues work, more than about a school that starts late together", () => {
    const started = (id: number): TeacherHistory => ({ id, expected: 200, days: { "2014-11-06": 40, "2014-11-07": 40 } });
    const idle = (id: number): TeacherHistory => ({ id, expected: 200, days: {} });
    const lone = forecastRisk(school({ now: "2014-11-10 07:00", teachers: [...[1, 2, 3, 4, 5, 6, 7, 8, 9].map(started), idle(10)] }));
    expect(lone.level).toBe("AT_RISK");
    expect(lone.reasons[0]).toEqual({ code: "NOT_STARTED", text: "1 teacher has entered nothing", teacherIds: [10] });
    const together = forecastRisk(school({ now: "2014-11-10 07:00", teachers: [...[1, 2, 3, 4, 5].map(started), ...[6, 7, 8, 9, 10].map(idle)] }));
    expect(together.level).toBe("ON_TRACK");
    expect(together.reasons.find((r) => r.code === "NOT_STARTED")?.teacherIds).toEqual([6, 7, 8, 9, 10]);
  });

  it("should put a school far behind as a whole at risk in the last week, though each teacher could still make it", () => {
    const teachers = (day: string) => [1, 2, 3, 4, 5].map((id) => ({ id, expected: 200, days: { [day]: 20 } }));
    // 10% entered, three school days left: each teacher's rush (four best days, 80 a day) covers their 180.
    const late = forecastRisk(school({ now: "2014-11-12 07:00", teachers: teachers("2014-11-10") }));
    expect(late.percent).toBe(10);
    expect(late.reasons.map((r) => r.code)).not.toContain("CAPACITY");
    expect(late.level).toBe("AT_RISK");
    // The same 10% two weeks out is how a rush begins.
    expect(forecastRisk(school({ now: "2014-10-31 07:00", teachers: teachers("2014-10-30") })).level).toBe("ON_TRACK");
  });

  it("should not project a finish after the deadline for a school it calls on track", () => {
    // One teacher's 200 marks left at four best days (10) a day is five school days, one more than the four
    // left; a rush a little beyond four best days a day is common, so the school is on track, and finishes by
    // the deadline.
    const slow = { id: 1, expected: 220, days: { "2014-11-06": 10, "2014-11-07": 10 } };
    const done = { id: 2, expected: 400, days: { "2014-11-06": 200, "2014-11-07": 200 } };
    const f = forecastRisk(school({ now: "2014-11-10 07:00", teachers: [slow, done] }));
    expect(f.level).toBe("ON_TRACK");
    expect(f.projectedFinish).toBe("2014-11-14");
    // Where the forecast expects lateness, the projection says how late.
    const g = forecastRisk(school({ now: "2014-11-13 07:00", teachers: [slow, done] }));
    expect(g.level).not.toBe("ON_TRACK");
    expect(g.projectedFinish! > "2014-11-14").toBe(true);
  });

  it("should say what the outage did and what the open problem reports are about", () => {
    const facts = school({
      now: "2014-11-06 07:00",
      teachers: [{ id: 1, expected: 400, days: every(["2014-11-03", "2014-11-04", "2014-11-05"], 50) }],
      outage: { label: "November 4 outage", marks: 236 },
      openReports: [
        { severity: "HIGH", category: "DATA_LOSS" },
        { severity: "LOW", category: "TRAINING" },
      ],
    });
    const f = forecastRisk(facts);
    const text = Object.fromEntries(f.reasons.map((r) => [r.code, r.text]));
    expect(text.OUTAGE).toBe("hit by the November 4 outage: 236 marks re-entered");
    expect(text.REPORTS).toBe("2 open problem reports, one about lost data, one about training");
    // Lost data is work to redo, which the marks show: a reason, not a level by itself.
    expect(f.level).toBe("ON_TRACK");
  });

  it("should put a school at risk while a report of a problem that keeps teachers from entering marks is open", () => {
    const base = { now: "2014-11-06 07:00", teachers: [{ id: 1, expected: 400, days: every(["2014-11-03", "2014-11-04", "2014-11-05"], 50) }] };
    expect(forecastRisk(school(base)).level).toBe("ON_TRACK");
    for (const category of ["ROSTER_ERROR", "STAFFING"]) {
      const f = forecastRisk(school({ ...base, openReports: [{ severity: "MEDIUM", category }] }));
      expect(f.level).toBe("AT_RISK");
      expect(f.reasons.map((r) => r.code)).toContain("REPORTS");
    }
    for (const category of ["DATA_LOSS", "SYSTEM_OUTAGE", "PERFORMANCE", "TRAINING"]) {
      expect(forecastRisk(school({ ...base, openReports: [{ severity: "CRITICAL", category }] })).level).toBe("ON_TRACK");
    }
  });

  it("should be critical once the deadline has passed with marks missing, and rank worse schools first", () => {
    const late = forecastRisk(school({ now: "2014-11-15 09:00", teachers: [{ id: 1, expected: 200, days: every(WEEK2, 30) }] }));
    expect(late.level).toBe("CRITICAL");
    expect(late.schoolDaysLeft).toBe(0);
    expect(late.reasons[0]).toEqual({ code: "PAST_DEADLINE", text: "Deadline November 14 passed with 50 marks missing (75% entered)" });
    // No "every day left" once none are left.
    expect(late.reasons.map((r) => r.code)).not.toContain("CAPACITY");
    const fine = forecastRisk(school({ now: "2014-11-10 07:00", teachers: [{ id: 1, expected: 200, days: every(WEEK2, 30) }] }));
    expect(late.score).toBeGreaterThan(fine.score);
  });
});
