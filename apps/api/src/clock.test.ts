import { describe, expect, it } from "vitest";
import { startedClock } from "./clock.js";

describe("clock", () => {
  it("should start at the given instant and run forward in real time", () => {
    let real = 1_000_000;
    const clock = startedClock(new Date("2014-11-05T16:00:00Z"), () => real);
    expect(clock.now().toISOString()).toBe("2014-11-05T16:00:00.000Z");
    real += 90_000;
    expect(clock.now().toISOString()).toBe("2014-11-05T16:01:30.000Z");
  });
});
