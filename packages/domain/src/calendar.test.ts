import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, endOfDay, isSchoolDay, localDate, localParts, schoolDaysBetween, zonedInstant } from "./calendar.js";

describe("district calendar", () => {
  it("should end the deadline day at 23:59:59.999 Los Angeles time, not UTC", () => {
    expect(endOfDay("2014-11-14").toISOString()).toBe("2014-11-15T07:59:59.999Z");
    expect(endOfDay("2014-10-31").toISOString()).toBe("2014-11-01T06:59:59.999Z");
  });

  it("should count the night DST ended (Nov 2, 2014) as three hours from 00:30 to 02:30", () => {
    const start = zonedInstant("2014-11-02", "00:30");
    const end = zonedInstant("2014-11-02", "02:30");
    expect((end.getTime() - start.getTime()) / 3600_000).toBe(3);
  });

  it("should place the Nov 4, 2014 outage at 22:00-00:00 UTC", () => {
    expect(zonedInstant("2014-11-04", "14:00").toISOString()).toBe("2014-11-04T22:00:00.000Z");
    expect(zonedInstant("2014-11-04", "16:00").toISOString()).toBe("2014-11-05T00:00:00.000Z");
  });

  it("should not treat Veterans Day or weekends as school days", () => {
    expect(isSchoolDay("2014-11-11")).toBe(false);
    expect(isSchoolDay("2014-11-08")).toBe(false);
    expect(isSchoolDay("2014-11-10")).toBe(true);
    expect(schoolDaysBetween("2014-11-07", "2014-11-14")).toEqual([
      "2014-11-07",
      "2014-11-10",
      "2014-11-12",
      "2014-11-13",
      "2014-11-14",
    ]);
  });

  it("should round-trip any wall-clock time outside DST gaps", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("2010-01-01T00:00:00Z"), max: new Date("2030-12-31T00:00:00Z"), noInvalidDate: true }),
        (instant) => {
          const p = localParts(instant);
          const hh = String(p.hour).padStart(2, "0");
          const mm = String(p.minute).padStart(2, "0");
          const ss = String(p.second).padStart(2, "0");
          const back = zonedInstant(p.date, `${hh}:${mm}:${ss}`);
          // Repeated hour resolves to its first occurrence: at most one hour earlier.
          const diff = Math.floor(instant.getTime() / 1000) * 1000 - back.getTime();
          expect([0, 3600_000]).toContain(diff);
          expect(localDate(back)).toBe(p.date);
        },
      ),
    );
  });

  it("should reject malformed dates with a clear message", () => {
    expect(() => zonedInstant("2014-02-30")).toThrow(/Not a date/);
    expect(() => addDays("11/14/2014", 1)).toThrow(/Not a date/);
  });
});

describe("localDate's kept quarter-hour offsets", () => {
  it("should give the date Intl gives for any instant, in Los Angeles and in zones with half-hour offsets and odd transitions", () => {
    const zones = ["America/Los_Angeles", "Australia/Lord_Howe", "Asia/Kathmandu", "America/St_Johns", "Pacific/Chatham", "UTC"];
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) }), fc.constantFrom(...zones), (ms, zone) => {
        expect(localDate(new Date(ms), zone)).toBe(localParts(new Date(ms), zone).date);
      }),
      { numRuns: 3000 },
    );
  });

  it("should turn the date at local midnight on both sides of the November 2, 2014 clock change", () => {
    expect(localDate(new Date("2014-11-02T06:59:59.999Z"))).toBe("2014-11-01"); // 23:59:59.999 PDT
    expect(localDate(new Date("2014-11-02T07:00:00Z"))).toBe("2014-11-02"); // 00:00 PDT
    expect(localDate(new Date("2014-11-03T07:59:59.999Z"))).toBe("2014-11-02"); // 23:59:59.999 PST
    expect(localDate(new Date("2014-11-03T08:00:00Z"))).toBe("2014-11-03"); // 00:00 PST
  });
});
