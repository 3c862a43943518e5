import { describe, expect, it } from "vitest";
import {
  checkApprover,
  checkCertifier,
  checkCompensationLog,
  COMPENSATION_ACTIONS,
  compensationMachine,
  CompensationRuleError,
  type CompensationState,
  DEFAULT_COMPENSATION_SETTINGS,
  DEFAULT_RATES,
  isLocked,
  type LogCheck,
  logInstants,
  nextCompensationState,
  type OtherLog,
  payCents,
  type Person,
} from "./compensation.js";
import { allowedActions } from "./state-machine.js";
import { zonedInstant } from "./calendar.js";

const teacherDay = { start: "07:30", end: "15:30" };
const base = (times: LogCheck["times"], others: OtherLog[] = [], over: Partial<LogCheck> = {}): LogCheck => ({
  times,
  workday: teacherDay,
  settings: DEFAULT_COMPENSATION_SETTINGS,
  now: new Date("2014-12-31T00:00:00Z"),
  others,
  ...over,
});
const ruleOf = (c: LogCheck) => {
  try {
    checkCompensationLog(c);
    return "OK";
  } catch (err) {
    if (err instanceof CompensationRuleError) return err.rule;
    throw err;
  }
};
const other = (id: number, workDate: string, from: string, to: string, countedMinutes: number): OtherLog => ({
  id,
  workDate,
  startsAt: zonedInstant(workDate, from),
  endsAt: zonedInstant(workDate, to),
  countedMinutes,
});

describe("compensation log rules", () => {
  it("should count the whole of an evening log after the outage of November 4", () => {
    expect(checkCompensationLog(base({ workDate: "2014-11-04", startTime: "18:00", endTime: "20:00" }))).toMatchObject({ minutes: 120, countedMinutes: 120, note: null });
  });

  it("should count only the part outside the workday when a log straddles its end, and say so", () => {
    const log = checkCompensationLog(base({ workDate: "2014-11-05", startTime: "14:30", endTime: "17:00" }));
    expect(log).toMatchObject({ minutes: 150, countedMinutes: 90 });
    expect(log.note).toBe("Only 1 h 30 min of 2 h 30 min counts: the rest is inside your regular workday (07:30-15:30)");
  });

  it("should count the part before the workday of a log straddling its start", () => {
    expect(checkCompensationLog(base({ workDate: "2014-11-05", startTime: "06:00", endTime: "08:00" }))).toMatchObject({ minutes: 120, countedMinutes: 90 });
  });

  it("should refuse a log wholly inside the workday with the workday in the message", () => {
    expect(() => checkCompensationLog(base({ workDate: "2014-11-05", startTime: "09:00", endTime: "11:00" }))).toThrow(/inside your regular workday \(07:30-15:30\)/);
  });

  it("should count all of a weekend or holiday log: there is no workday then", () => {
    expect(checkCompensationLog(base({ workDate: "2014-11-08", startTime: "09:00", endTime: "12:00" })).countedMinutes).toBe(180);
    expect(checkCompensationLog(base({ workDate: "2014-11-11", startTime: "10:00", endTime: "12:00" })).countedMinutes).toBe(120);
  });

  it("should refuse a log overlapping another of the employee's logs, and allow one that touches it", () => {
    const others = [other(7, "2014-11-05", "18:00", "19:00", 60)];
    expect(() => checkCompensationLog(base({ workDate: "2014-11-05", startTime: "18:30", endTime: "20:00" }, others))).toThrow(/overlaps your log #7 on 2014-11-05/);
    expect(ruleOf(base({ workDate: "2014-11-05", startTime: "17:00", endTime: "18:00" }, others))).toBe("OK");
    expect(ruleOf(base({ workDate: "2014-11-05", startTime: "19:00", endTime: "20:00" }, others))).toBe("OK");
  });

  it("should refuse a day past the daily cap, counting only the outside part, and allow up to it exactly", () => {
    const others = [other(1, "2014-11-05", "16:00", "18:00", 120)];
    expect(ruleOf(base({ workDate: "2014-11-05", startTime: "19:00", endTime: "21:00" }, others))).toBe("OK");
    expect(() => checkCompensationLog(base({ workDate: "2014-11-05", startTime: "19:00", endTime: "21:01" }, others))).toThrow(
      "At most 4 h a day may be claimed: 2014-11-05 already has 2 h, and this log adds 2 h 1 min",
    );
    expect(ruleOf(base({ workDate: "2014-11-05", startTime: "19:00", endTime: "21:00" }, others, { settings: { ...DEFAULT_COMPENSATION_SETTINGS, dailyCapMinutes: 180 } }))).toBe("DAILY_CAP");
  });

  it("should accept the window's first and last days and refuse the days either side", () => {
    expect(ruleOf(base({ workDate: "2014-11-03", startTime: "18:00", endTime: "19:00" }))).toBe("WINDOW");
    expect(ruleOf(base({ workDate: "2014-11-04", startTime: "18:00", endTime: "19:00" }))).toBe("OK");
    expect(ruleOf(base({ workDate: "2014-12-19", startTime: "18:00", endTime: "19:00" }))).toBe("OK");
    expect(ruleOf(base({ workDate: "2014-12-20", startTime: "18:00", endTime: "19:00" }))).toBe("WINDOW");
    expect(() => checkCompensationLog(base({ workDate: "2014-12-20", startTime: "18:00", endTime: "19:00" }))).toThrow("Only work from 2014-11-04 to 2014-12-19 is compensated; 2014-12-20 is outside that window");
  });

  it("should give the night of November 2, 2014 its real length: 00:30-02:30 is three hours", () => {
    const settings = { ...DEFAULT_COMPENSATION_SETTINGS, windowStart: "2014-11-01" };
    const log = checkCompensationLog(base({ workDate: "2014-11-02", startTime: "00:30", endTime: "02:30" }, [], { settings }));
    expect(log).toMatchObject({ minutes: 180, countedMinutes: 180 });
    expect(log.startsAt.toISOString()).toBe("2014-11-02T07:30:00.000Z");
    expect(log.endsAt.toISOString()).toBe("2014-11-02T10:30:00.000Z");
  });

  it("should end a log at midnight on the next day when its end is 00:00", () => {
    const log = checkCompensationLog(base({ workDate: "2014-11-05", startTime: "22:00", endTime: "00:00" }));
    expect(log).toMatchObject({ minutes: 120, countedMinutes: 120 });
    expect(log.endsAt).toEqual(zonedInstant("2014-11-06", "00:00"));
  });

  it("should not count the next morning's workday in a log running past midnight", () => {
    expect(checkCompensationLog(base({ workDate: "2014-11-05", startTime: "23:00", endTime: "08:00" }, [], { settings: { ...DEFAULT_COMPENSATION_SETTINGS, dailyCapMinutes: 600 } })).countedMinutes).toBe(510);
  });

  it("should refuse a log that ends after the district clock's now", () => {
    const now = zonedInstant("2014-11-04", "19:00");
    expect(ruleOf(base({ workDate: "2014-11-04", startTime: "18:00", endTime: "19:00" }, [], { now }))).toBe("OK");
    expect(() => checkCompensationLog(base({ workDate: "2014-11-04", startTime: "18:00", endTime: "19:01" }, [], { now }))).toThrow(/ends in the future/);
  });

  it("should refuse malformed times and an end equal to the start", () => {
    expect(() => logInstants({ workDate: "2014-11-31", startTime: "18:00", endTime: "19:00" })).toThrow(/not a date/);
    expect(() => logInstants({ workDate: "2014-11-05", startTime: "24:00", endTime: "19:00" })).toThrow(/not a time of day/);
    expect(() => logInstants({ workDate: "2014-11-05", startTime: "18:00", endTime: "18:00" })).toThrow(/ends when it starts/);
  });
});

describe("the compensation log's lifecycle", () => {
  const table: Record<CompensationState, Partial<Record<(typeof COMPENSATION_ACTIONS)[number], CompensationState>>> = {
    DRAFT: { submit: "SUBMITTED" },
    SUBMITTED: { certify: "CERTIFIED", reject: "REJECTED" },
    CERTIFIED: { approve: "APPROVED", reject: "REJECTED" },
    APPROVED: { export: "EXPORTED" },
    REJECTED: {},
    EXPORTED: {},
  };
  const cases = compensationMachine.states.flatMap((from) => COMPENSATION_ACTIONS.map((action) => ({ from, action, to: table[from][action] })));

  it.each(cases.filter((c) => c.to))("should move $from to $to when $action", ({ from, action, to }) => {
    expect(nextCompensationState(from, action)).toBe(to);
  });

  it.each(cases.filter((c) => !c.to))("should refuse $action from $from naming what is possible", ({ from, action }) => {
    const allowed = allowedActions(compensationMachine, from);
    expect(() => nextCompensationState(from, action)).toThrow(allowed.length ? `only ${allowed.join(", ")} is possible now` : "nothing more is possible now");
  });

  it("should lock approved and exported logs only", () => {
    expect(compensationMachine.states.filter(isLocked)).toEqual(["APPROVED", "EXPORTED"]);
  });
});

describe("separation of duties", () => {
  const p = (id: number, role: Person["role"], schoolId: number | null, homeEscId: number | null): Person => ({ id, role, schoolId, homeEscId });
  const teacher = p(1, "TEACHER", 10, 100);
  const principal = p(2, "PRINCIPAL", 10, 100);
  const otherPrincipal = p(3, "PRINCIPAL", 11, 100);
  const director = p(4, "ESC_DIRECTOR", null, 100);
  const otherDirector = p(5, "ESC_DIRECTOR", null, 200);
  const superintendent = p(6, "INSTRUCTIONAL_SUPERINTENDENT", null, 100);
  const hr = p(7, "HR", null, null);
  const otherHr = p(8, "HR", null, null);
  const ok = (f: () => void) => {
    f();
    return true;
  };

  it("should let a teacher's own principal certify, and no other principal or ESC director", () => {
    expect(ok(() => checkCertifier(principal, teacher))).toBe(true);
    expect(() => checkCertifier(otherPrincipal, teacher)).toThrow(/principal of their school/);
    expect(() => checkCertifier(director, teacher)).toThrow(/principal of their school/);
  });

  it("should let the ESC's director certify its principals and staff, not another ESC's", () => {
    expect(ok(() => checkCertifier(director, principal))).toBe(true);
    expect(ok(() => checkCertifier(director, superintendent))).toBe(true);
    expect(() => checkCertifier(otherDirector, principal)).toThrow(/their ESC director/);
    expect(() => checkCertifier(principal, otherPrincipal)).toThrow(/their ESC director/);
  });

  it("should never let anyone certify or approve their own log", () => {
    expect(() => checkCertifier(director, director)).toThrow(/Nobody certifies their own log/);
    expect(() => checkCertifier(hr, hr)).toThrow(/Nobody certifies their own log/);
    expect(() => checkApprover(hr, hr)).toThrow(/Nobody approves or rejects their own log/);
    expect(ok(() => checkApprover(otherHr, hr))).toBe(true);
    expect(() => checkApprover(principal, teacher)).toThrow(/Only HR/);
  });
});

describe("pay", () => {
  it("should pay counted minutes at the rate class's hourly rate, to the cent", () => {
    expect(payCents(120, "CERTIFICATED", DEFAULT_RATES)).toBe(10_092);
    expect(payCents(1, "CERTIFICATED", { ...DEFAULT_RATES, CERTIFICATED: 6_000 })).toBe(100);
    expect(payCents(0, "ADMINISTRATOR", DEFAULT_RATES)).toBe(0);
  });
});
