import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, endOfDay } from "./calendar.js";
import { effectiveDeadline, effectiveDeadlineDay, formatDeadline, markingWindow } from "./deadlines.js";

const day = fc.integer({ min: 0, max: 60 }).map((n) => addDays("2014-10-20", n));

describe("effective deadline", () => {
  it("should be the period's deadline day when nothing was extended", () => {
    expect(effectiveDeadlineDay({ periodDeadline: "2014-11-14" })).toBe("2014-11-14");
    expect(effectiveDeadline({ periodDeadline: "2014-11-14" }).toISOString()).toBe("2014-11-15T07:59:59.999Z");
  });

  it("should take the later of the school's and the section's extension", () => {
    expect(effectiveDeadlineDay({ periodDeadline: "2014-11-14", schoolExtendedTo: "2014-11-21", sectionExtendedTo: "2014-11-18" })).toBe("2014-11-21");
    expect(effectiveDeadlineDay({ periodDeadline: "2014-11-14", schoolExtendedTo: null, sectionExtendedTo: "2014-11-18" })).toBe("2014-11-18");
  });

  it("should never be shortened by an extension earlier than the period's deadline", () => {
    fc.assert(
      fc.property(day, fc.option(day), fc.option(day), (periodDeadline, schoolExtendedTo, sectionExtendedTo) => {
        const d = effectiveDeadlineDay({ periodDeadline, schoolExtendedTo, sectionExtendedTo });
        expect(d >= periodDeadline).toBe(true);
        expect([periodDeadline, schoolExtendedTo, sectionExtendedTo]).toContain(d);
        expect(effectiveDeadline({ periodDeadline, schoolExtendedTo, sectionExtendedTo })).toEqual(endOfDay(d));
      }),
    );
  });

  it("should word the deadline on the Los Angeles clock", () => {
    expect(formatDeadline(effectiveDeadline({ periodDeadline: "2014-11-14" }))).toBe("Friday, November 14, 2014 at 11:59:59 PM PST");
  });
});

describe("marking window", () => {
  const deadline = effectiveDeadline({ periodDeadline: "2014-11-14" });
  const window = { opensOn: "2014-10-27", deadline };

  it("should open at midnight of the opening day in Los Angeles", () => {
    expect(markingWindow(new Date("2014-10-27T06:59:59.999Z"), window).state).toBe("NOT_OPEN");
    expect(markingWindow(new Date("2014-10-27T07:00:00.000Z"), window).state).toBe("OPEN");
  });

  it("should accept the deadline's last millisecond and refuse the next", () => {
    expect(markingWindow(deadline, window)).toEqual({ state: "OPEN", opensAt: new Date("2014-10-27T07:00:00.000Z"), closesAt: deadline });
    expect(markingWindow(new Date(deadline.getTime() + 1), window)).toEqual({ state: "CLOSED", closedAt: deadline });
  });
});
