import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addSchoolMinutes, schoolMinutesBetween } from "./school-hours.js";

const at = (iso: string) => new Date(iso);

describe("school hours", () => {
  it("should count only 7:30-15:30 on school days", () => {
    // Friday Nov 7, 2014 14:30 to Monday Nov 10 8:30, Los Angeles (PST, UTC-8): one hour each side of the weekend.
    expect(schoolMinutesBetween(at("2014-11-07T22:30:00Z"), at("2014-11-10T16:30:00Z"))).toBe(120);
  });

  it("should not count Veterans Day", () => {
    // Monday Nov 10 15:00 to Wednesday Nov 12 9:00: half an hour Monday, nothing Tuesday, an hour and a half Wednesday.
    expect(schoolMinutesBetween(at("2014-11-10T23:00:00Z"), at("2014-11-12T17:00:00Z"))).toBe(120);
  });

  it("should count nothing at night", () => {
    expect(schoolMinutesBetween(at("2014-11-05T05:30:00Z"), at("2014-11-05T15:30:00Z"))).toBe(0);
  });

  it("should start the clock of something filed at night at 7:30 the next school day", () => {
    // Tuesday Nov 4, 21:30 (the maintenance window): two school hours later is Wednesday 9:30.
    expect(addSchoolMinutes(at("2014-11-05T05:30:00Z"), 120).toISOString()).toBe("2014-11-05T17:30:00.000Z");
  });

  it("should follow the wall clock across the end of daylight saving time (Nov 2, 2014)", () => {
    // Friday Oct 31, 15:00 PDT (UTC-7) + 2 school hours = Monday Nov 3, 9:00 PST (UTC-8): 67 hours by the clock, 2 at school.
    const filed = at("2014-10-31T22:00:00Z");
    const due = addSchoolMinutes(filed, 120);
    expect(due.toISOString()).toBe("2014-11-03T17:00:00.000Z");
    expect((due.getTime() - filed.getTime()) / 3600_000).toBe(67);
    expect(schoolMinutesBetween(filed, due)).toBe(120);
  });

  it("should end a whole school day at 15:30 the same day when started at 7:30", () => {
    expect(addSchoolMinutes(at("2014-11-05T15:30:00Z"), 480).toISOString()).toBe("2014-11-05T23:30:00.000Z");
  });

  it("should agree with itself: the school minutes to the instant N school minutes later are N", () => {
    const start = at("2014-10-20T00:00:00Z").getTime();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 * 24 * 40 }), fc.integer({ min: 1, max: 6000 }), (offsetMinutes, minutes) => {
        const from = new Date(start + offsetMinutes * 60_000);
        expect(schoolMinutesBetween(from, addSchoolMinutes(from, minutes))).toBeCloseTo(minutes, 6);
      }),
      { numRuns: 200 },
    );
  });
});
