import { describe, expect, it } from "vitest";
import { extendToDeadline } from "./burn-up";

const point = (day: string, entered: number, ideal: number) => ({ day, entered, expected: 1000, ideal });

describe("extendToDeadline", () => {
  it("should carry the straight line on by school day to the marks expected on the deadline, flat over the weekend and Veterans Day", () => {
    // Thursday Nov 6, 2014; the deadline Friday Nov 14: school days Nov 7, 10, 12, 13, 14 (Nov 11 is Veterans Day).
    const out = extendToDeadline([point("2014-11-05", 300, 400), point("2014-11-06", 350, 500)], "2014-11-14");
    expect(out.map((p) => p.day)).toEqual([
      "2014-11-05",
      "2014-11-06",
      "2014-11-07",
      "2014-11-08",
      "2014-11-09",
      "2014-11-10",
      "2014-11-11",
      "2014-11-12",
      "2014-11-13",
      "2014-11-14",
    ]);
    expect(out.map((p) => p.ideal)).toEqual([400, 500, 600, 600, 600, 700, 700, 800, 900, 1000]);
    expect(out.slice(2).every((p) => p.entered === null && p.expected === 1000)).toBe(true);
  });

  it("should leave the days as they are when the deadline is not ahead of them", () => {
    const points = [point("2014-11-13", 900, 900), point("2014-11-14", 950, 1000)];
    expect(extendToDeadline(points, "2014-11-14")).toBe(points);
    expect(extendToDeadline(points, undefined)).toBe(points);
  });
});
