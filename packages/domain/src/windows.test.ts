import { describe, expect, it } from "vitest";
import { zonedInstant } from "./calendar.js";
import { secondsLeftInDailyWindow } from "./windows.js";

const nightly = { startsAtLocal: "21:00:00", endsAtLocal: "22:00:00" };

describe("daily maintenance window", () => {
  it("should be open from 21:00 to 22:00 Los Angeles time, on both sides of the DST change", () => {
    expect(secondsLeftInDailyWindow(zonedInstant("2014-11-01", "21:00"), nightly)).toBe(3600);
    expect(secondsLeftInDailyWindow(zonedInstant("2014-11-03", "21:59:30"), nightly)).toBe(30);
    expect(secondsLeftInDailyWindow(zonedInstant("2014-11-03", "22:00"), nightly)).toBeNull();
    expect(secondsLeftInDailyWindow(zonedInstant("2014-11-03", "20:59:59"), nightly)).toBeNull();
    expect(secondsLeftInDailyWindow(new Date("2014-11-04T05:30:00Z"), nightly)).toBe(1800);
  });
});
