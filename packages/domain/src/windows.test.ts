import { describe, expect, it } from "vitest";
import { zonedInstant } from "./calendar.js";
import { dailyOccurrence, lastEndedOccurrence, maintenanceAt, occurrencesAround, secondsLeftInDailyWindow } from "./windows.js";

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

describe("maintenance occurrences", () => {
  it("should place a daily window's occurrence on the Los Angeles calendar across the DST change", () => {
    expect(dailyOccurrence(nightly, "2014-11-01")).toEqual({ date: "2014-11-01", startsAt: new Date("2014-11-02T04:00:00Z"), endsAt: new Date("2014-11-02T05:00:00Z") });
    expect(dailyOccurrence(nightly, "2014-11-02").startsAt).toEqual(new Date("2014-11-03T05:00:00Z"));
  });

  it("should take today's occurrence once it has ended, else yesterday's", () => {
    expect(lastEndedOccurrence(nightly, zonedInstant("2014-11-04", "22:00")).date).toBe("2014-11-04");
    expect(lastEndedOccurrence(nightly, zonedInstant("2014-11-04", "21:59")).date).toBe("2014-11-03");
  });

  it("should name the occurrence under way and the next one after it", () => {
    const at = zonedInstant("2014-11-04", "21:30");
    const around = occurrencesAround(nightly, at);
    expect(around.map((o) => o.date)).toEqual(["2014-11-03", "2014-11-04", "2014-11-05"]);
    const { active, next } = maintenanceAt(around, at);
    expect(active?.date).toBe("2014-11-04");
    expect(next?.date).toBe("2014-11-05");
  });

  it("should name as under way the overlapping occurrence that ends last, and as next one that starts after it", () => {
    const o = (start: string, end: string, id: string) => ({ id, startsAt: new Date(start), endsAt: new Date(end) });
    const occurrences = [o("2014-11-05T05:00Z", "2014-11-05T06:00Z", "nightly"), o("2014-11-05T04:30Z", "2014-11-05T08:00Z", "planned"), o("2014-11-05T07:00Z", "2014-11-05T07:30Z", "inside"), o("2014-11-05T09:00Z", "2014-11-05T10:00Z", "later")];
    const { active, next } = maintenanceAt(occurrences, new Date("2014-11-05T05:30Z"));
    expect(active?.id).toBe("planned");
    expect(next?.id).toBe("later");
    expect(maintenanceAt(occurrences, new Date("2014-11-05T11:00Z"))).toEqual({ active: null, next: null });
  });
});
