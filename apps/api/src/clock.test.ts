import { deadlineChange, districtSetting } from "@gradewatch/db/schema";
import { createTestDb, type TestDatabase, testDbKinds } from "@gradewatch/db/testing";
import { desc } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { keepClock, resolveClock, startedClock } from "./clock.js";
import { buildFixture, type Fixture } from "./test/fixtures.js";

describe("clock", () => {
  it("should start at the given instant and run forward in real time", () => {
    let real = 1_000_000;
    const clock = startedClock(new Date("2014-11-05T16:00:00Z"), () => real);
    expect(clock.now().toISOString()).toBe("2014-11-05T16:00:00.000Z");
    real += 90_000;
    expect(clock.now().toISOString()).toBe("2014-11-05T16:01:30.000Z");
  });
});

describe.each(testDbKinds())("the simulated clock across restarts on %s", (kind) => {
  let database: TestDatabase;
  let f: Fixture;
  let real = 5_000_000;
  const realNow = () => real;
  const hours = (n: number) => n * 3_600_000;
  // A start of the API as main.ts does it: resolve the clock, keep saving it.
  const start = async (clockStart?: string) => {
    const { clock } = await resolveClock(database.db, clockStart, realNow);
    return { clock, keeper: keepClock(database.db, clock, (err) => { throw err; }) };
  };
  const changeDeadline = (at: Date) =>
    database.db.insert(deadlineChange).values({ periodId: f.period, fromDeadline: "2014-11-14", toDeadline: "2014-11-14", reason: "clock test", changedAt: at }).returning();

  beforeAll(async () => {
    database = await createTestDb(kind);
    f = await buildFixture(database.db);
    await database.db.insert(districtSetting).values({ key: "clock_start", value: "2014-11-05T08:00:00-08:00" });
  });
  afterAll(() => database?.close());

  it("should continue from where it stopped, not from the configured start, after a clean stop", async () => {
    const first = await start();
    expect(first.clock.now().toISOString()).toBe("2014-11-05T16:00:00.000Z");
    real += hours(3);
    const stoppedAt = first.clock.now();
    await first.keeper.stop();
    real += hours(1); // the API is down for an hour of real time

    const second = await start();
    expect(second.clock.now().getTime()).toBeGreaterThanOrEqual(stoppedAt.getTime());
    await second.keeper.stop();
  });

  it("should never start before a history row written by a process killed before it saved the clock", async () => {
    const first = await start();
    real += hours(5);
    const [before] = await changeDeadline(first.clock.now());
    // Killed: no stop(), so the saved instant is five hours behind the row just written.

    const second = await start();
    const [after] = await changeDeadline(second.clock.now());
    expect(after!.changedAt.getTime()).toBeGreaterThanOrEqual(before!.changedAt.getTime());
    const [latest] = await database.db.select().from(deadlineChange).orderBy(desc(deadlineChange.changedAt), desc(deadlineChange.id)).limit(1);
    expect(latest!.id).toBe(after!.id);
    await second.keeper.stop();
  });

  it("should not go back when CLOCK_START names an earlier instant than recorded history, yet go forward to a later one", async () => {
    const running = await start();
    real += hours(2);
    const before = running.clock.now();
    await running.keeper.stop();
    const earlier = await start("2014-11-05T08:00:00-08:00");
    expect(earlier.clock.now().getTime()).toBeGreaterThanOrEqual(before.getTime());
    const later = await start("2014-12-01T08:00:00-08:00");
    expect(later.clock.now().toISOString()).toBe("2014-12-01T16:00:00.000Z");
    await later.keeper.stop();
  });
});
