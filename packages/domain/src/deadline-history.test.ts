import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type DeadlineChange, deadlineAsOf, latestDeadlineChange } from "./deadline-history.js";
import { zonedInstant } from "./calendar.js";

// The superintendent's letter of November 5, 2014 moved Elementary Reporting Period 1 from Nov 7 to Nov 14.
const extension: DeadlineChange = { id: 1, fromDeadline: "2014-11-07", toDeadline: "2014-11-14", changedAt: zonedInstant("2014-11-05", "07:00") };

describe("deadlineAsOf", () => {
  it("should answer the original deadline when asked about a moment before the first change", () => {
    expect(deadlineAsOf([extension], zonedInstant("2014-11-04", "15:00"))).toBe("2014-11-07");
  });

  it("should answer the moved deadline from the instant of the change on", () => {
    expect(deadlineAsOf([extension], extension.changedAt)).toBe("2014-11-14");
    expect(deadlineAsOf([extension], zonedInstant("2014-11-10", "09:00"))).toBe("2014-11-14");
  });

  it("should answer nothing when the deadline never moved", () => {
    expect(deadlineAsOf([], zonedInstant("2014-11-10"))).toBeUndefined();
    expect(latestDeadlineChange([])).toBeUndefined();
  });

  it("should let the change recorded later win when two carry the same instant", () => {
    const second = { ...extension, id: 2, fromDeadline: "2014-11-14", toDeadline: "2014-11-21" };
    expect(deadlineAsOf([second, extension], extension.changedAt)).toBe("2014-11-21");
    expect(latestDeadlineChange([second, extension])).toBe(second);
  });

  it("should agree with the latest change for any moment after every change, whatever order they are given in", () => {
    const day = fc.integer({ min: 0, max: 60 }).map((n) => new Date(Date.UTC(2014, 10, 1 + n)).toISOString().slice(0, 10));
    const change = fc.record({ fromDeadline: day, toDeadline: day, changedAt: fc.integer({ min: 0, max: 1e9 }).map((ms) => new Date(1.4e12 + ms)) });
    fc.assert(
      fc.property(fc.array(change, { minLength: 1, maxLength: 8 }), (raw) => {
        const changes = raw.map((c, i) => ({ ...c, id: i + 1 }));
        const shuffled = [...changes].reverse();
        expect(deadlineAsOf(shuffled, new Date(1.4e12 + 2e9))).toBe(latestDeadlineChange(changes)!.toDeadline);
        const first = [...changes].sort((a, b) => a.changedAt.getTime() - b.changedAt.getTime() || a.id - b.id)[0]!;
        expect(deadlineAsOf(shuffled, new Date(first.changedAt.getTime() - 1))).toBe(first.fromDeadline);
      }),
    );
  });
});
