import { describe, expect, it } from "vitest";
import { DEFAULT_SLA, formatSchoolMinutes, REPORT_ACTIONS, REPORT_MACHINE, REPORT_STATES, type ReportState, reportSla } from "./problem-reports.js";
import { allowedActions, transition } from "./state-machine.js";

const at = (iso: string) => new Date(iso);
const CRITICAL = DEFAULT_SLA.CRITICAL;

const cases = REPORT_STATES.flatMap((from) =>
  REPORT_ACTIONS.map((action) => ({ from, action, to: (REPORT_MACHINE.transitions[from] as Partial<Record<string, ReportState>>)[action] })),
);

describe("problem report workflow", () => {
  it.each(cases.filter((c) => c.to))("should move $from to $to when $action", ({ from, action, to }) => {
    expect(transition(REPORT_MACHINE, from, action)).toEqual({ ok: true, to });
  });

  it.each(cases.filter((c) => !c.to))("should refuse $action from $from naming the allowed actions", ({ from, action }) => {
    expect(transition(REPORT_MACHINE, from, action)).toEqual({ ok: false, from, action, allowed: allowedActions(REPORT_MACHINE, from) });
  });

  it("should reach every state from NEW and leave every state by some action", () => {
    const seen = new Set<ReportState>(["NEW"]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const s of [...seen]) for (const to of Object.values(REPORT_MACHINE.transitions[s])) if (to && !seen.has(to)) {
          seen.add(to);
          grew = true;
        }
    }
    expect([...seen].sort()).toEqual([...REPORT_STATES].sort());
    for (const s of REPORT_STATES) expect(allowedActions(REPORT_MACHINE, s).length).toBeGreaterThan(0);
  });
});

describe("problem report SLA in school hours", () => {
  it("should carry a report filed on Friday afternoon over the weekend", () => {
    // Friday Nov 7, 2014 14:30 PST, CRITICAL: one school hour on Friday, the rest on Monday.
    const filed = { filedAt: at("2014-11-07T22:30:00Z"), changes: [] };
    const friday = reportSla(filed, CRITICAL, at("2014-11-07T23:00:00Z"));
    expect(friday).toMatchObject({ current: "acknowledge", overdue: false, remainingMinutes: 90 });
    expect(friday.acknowledge.dueAt!.toISOString()).toBe("2014-11-10T16:30:00.000Z");
    expect(friday.resolve.dueAt!.toISOString()).toBe("2014-11-10T22:30:00.000Z");
    // Monday 9:00, still not acknowledged: overdue by half a school hour, due since 8:30.
    const monday = reportSla(filed, CRITICAL, at("2014-11-10T17:00:00Z"));
    expect(monday).toMatchObject({ current: "acknowledge", overdue: true, remainingMinutes: -30 });
    expect(monday.dueAt!.toISOString()).toBe("2014-11-10T16:30:00.000Z");
  });

  it("should keep an acknowledgement made late overdue, and stop its clock", () => {
    const late = reportSla({ filedAt: at("2014-11-07T22:30:00Z"), changes: [{ at: at("2014-11-10T18:00:00Z"), to: "ACKNOWLEDGED" }] }, CRITICAL, at("2014-11-10T19:00:00Z"));
    expect(late.acknowledge).toMatchObject({ running: false, overdue: true, elapsedMinutes: 210, stoppedAt: at("2014-11-10T18:00:00Z") });
    expect(late.current).toBe("resolve");
  });

  it("should skip Veterans Day", () => {
    // Monday Nov 10, 15:00: half an hour Monday, nothing on Tuesday Nov 11, due Wednesday 9:00.
    const sla = reportSla({ filedAt: at("2014-11-10T23:00:00Z"), changes: [] }, CRITICAL, at("2014-11-11T20:00:00Z"));
    expect(sla.dueAt!.toISOString()).toBe("2014-11-12T17:00:00.000Z");
    expect(sla.remainingMinutes).toBe(90);
  });

  it("should start the clock of a report filed at night at 7:30 the next school day", () => {
    // Tuesday Nov 4, 21:30 (the maintenance window): due Wednesday 9:30, nothing counted before 7:30.
    const sla = reportSla({ filedAt: at("2014-11-05T05:30:00Z"), changes: [] }, CRITICAL, at("2014-11-05T15:00:00Z"));
    expect(sla.dueAt!.toISOString()).toBe("2014-11-05T17:30:00.000Z");
    expect(sla.acknowledge.elapsedMinutes).toBe(0);
  });

  it("should pause the resolve clock while waiting on the school and resume it after", () => {
    // Wednesday Nov 5: filed 8:00, acknowledged 9:00, waiting on the school from 10:00; resumed Thursday 8:00.
    const timeline = {
      filedAt: at("2014-11-05T16:00:00Z"),
      changes: [
        { at: at("2014-11-05T17:00:00Z"), to: "ACKNOWLEDGED" as const },
        { at: at("2014-11-05T18:00:00Z"), to: "WAITING_ON_SCHOOL" as const },
        { at: at("2014-11-06T16:00:00Z"), to: "IN_PROGRESS" as const },
      ],
    };
    const waiting = reportSla(timeline, CRITICAL, at("2014-11-06T15:00:00Z"));
    expect(waiting.resolve).toMatchObject({ paused: true, running: false, elapsedMinutes: 120, remainingMinutes: 360, dueAt: null });
    expect(waiting).toMatchObject({ current: "resolve", dueAt: null, overdue: false });
    expect(waiting.acknowledge).toMatchObject({ overdue: false, elapsedMinutes: 60, dueAt: null });
    const resumed = reportSla(timeline, CRITICAL, at("2014-11-06T20:00:00Z"));
    expect(resumed.resolve).toMatchObject({ running: true, elapsedMinutes: 360, remainingMinutes: 120 });
    expect(resumed.dueAt!.toISOString()).toBe("2014-11-06T22:00:00.000Z");
  });

  it("should restart the resolve clock on reopen", () => {
    // Resolved Wednesday 11:00, reopened Thursday 10:00: a whole school day again from the reopen.
    const timeline = {
      filedAt: at("2014-11-05T16:00:00Z"),
      changes: [
        { at: at("2014-11-05T17:00:00Z"), to: "ACKNOWLEDGED" as const },
        { at: at("2014-11-05T19:00:00Z"), to: "RESOLVED" as const },
        { at: at("2014-11-06T18:00:00Z"), to: "IN_PROGRESS" as const },
      ],
    };
    const resolved = reportSla(timeline, CRITICAL, at("2014-11-06T17:00:00Z"));
    expect(resolved).toMatchObject({ current: null, dueAt: null, overdue: false, remainingMinutes: null });
    expect(resolved.resolve).toMatchObject({ running: false, elapsedMinutes: 180, stoppedAt: at("2014-11-05T19:00:00Z") });
    const reopened = reportSla(timeline, CRITICAL, at("2014-11-06T20:00:00Z"));
    expect(reopened.resolve).toMatchObject({ running: true, elapsedMinutes: 120, remainingMinutes: 360, stoppedAt: null });
    expect(reopened.dueAt!.toISOString()).toBe("2014-11-07T18:00:00.000Z");
  });

  it("should count school hours across the end of daylight saving time (Nov 2, 2014)", () => {
    // Friday Oct 31, 15:00 PDT: half an hour Friday, an hour and a half Monday, due 9:00 PST (17:00 UTC, not 16:00).
    const sla = reportSla({ filedAt: at("2014-10-31T22:00:00Z"), changes: [] }, CRITICAL, at("2014-11-03T16:30:00Z"));
    expect(sla.dueAt!.toISOString()).toBe("2014-11-03T17:00:00.000Z");
    expect(sla.remainingMinutes).toBe(30);
  });

  it("should not see changes after now", () => {
    const sla = reportSla({ filedAt: at("2014-11-05T16:00:00Z"), changes: [{ at: at("2014-11-05T20:00:00Z"), to: "ACKNOWLEDGED" }] }, CRITICAL, at("2014-11-05T17:00:00Z"));
    expect(sla).toMatchObject({ current: "acknowledge", remainingMinutes: 60 });
  });

  it("should say school time in words", () => {
    expect(formatSchoolMinutes(90)).toBe("1 h 30 min");
    expect(formatSchoolMinutes(-600)).toBe("1 school day 2 h");
    expect(formatSchoolMinutes(0)).toBe("0 min");
  });
});
