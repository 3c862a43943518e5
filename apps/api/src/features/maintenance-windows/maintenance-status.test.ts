import { maintenanceWindow, outage } from "@gradewatch/db/schema";
import { testDbKinds } from "@gradewatch/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Clock } from "../../clock.js";
import { startTestApi, type TestApi } from "../../test/harness.js";

const STATUS = `{ maintenanceStatus { now active { startsAt endsAt description } next { startsAt endsAt description outageId } } }`;

describe.each(testDbKinds())("maintenance status on %s", (kind) => {
  let api: TestApi;
  let now = 0;
  const clock: Clock = { now: () => new Date(now), simulated: true };
  const statusAt = async (iso: string) => {
    now = new Date(iso).getTime();
    const res = await api.gqlAs(null, STATUS);
    expect(res.errors).toBeUndefined();
    return res.data!.maintenanceStatus;
  };

  beforeAll(async () => {
    api = await startTestApi(kind, { clock });
    await api.database.db.insert(maintenanceWindow).values({
      name: "Nightly maintenance",
      startsAtLocal: "21:00:00",
      endsAtLocal: "22:00:00",
      description: "Nightly maintenance",
    });
  });
  afterAll(() => api?.close());

  it("should announce tonight's 9 pm window, on the district clock, to anyone", async () => {
    const status = await statusAt("2014-11-05T20:48:00-08:00");
    expect(status).toEqual({
      now: "2014-11-06T04:48:00.000Z",
      active: null,
      next: { startsAt: "2014-11-06T05:00:00.000Z", endsAt: "2014-11-06T06:00:00.000Z", description: "Nightly maintenance", outageId: null },
    });
  });

  it("should report the window under way, and tomorrow's as the next", async () => {
    const status = await statusAt("2014-11-05T21:30:00-08:00");
    expect(status.active).toEqual({ startsAt: "2014-11-06T05:00:00.000Z", endsAt: "2014-11-06T06:00:00.000Z", description: "Nightly maintenance" });
    expect(status.next.startsAt).toBe("2014-11-07T05:00:00.000Z");
  });

  it("should follow the wall clock across the end of daylight saving time", async () => {
    const status = await statusAt("2014-11-01T22:30:00-07:00");
    // Sunday Nov 2, 9 pm is after the change: UTC-8.
    expect(status.next.startsAt).toBe("2014-11-03T05:00:00.000Z");
  });

  it("should name a one-off maintenance outage that starts before the nightly window", async () => {
    await api.database.db.insert(outage).values({
      kind: "MAINTENANCE",
      startsAt: new Date("2014-11-08T07:00:00-08:00"),
      endsAt: new Date("2014-11-08T09:00:00-08:00"),
      description: "Database upgrade",
    });
    const before = await statusAt("2014-11-08T06:50:00-08:00");
    expect(before.next).toMatchObject({ description: "Database upgrade", startsAt: "2014-11-08T15:00:00.000Z" });
    expect(before.next.outageId).not.toBeNull();
    const during = await statusAt("2014-11-08T08:00:00-08:00");
    expect(during.active).toEqual({ startsAt: "2014-11-08T15:00:00.000Z", endsAt: "2014-11-08T17:00:00.000Z", description: "Database upgrade" });
    expect(during.next).toMatchObject({ description: "Nightly maintenance", startsAt: "2014-11-09T05:00:00.000Z" });
  });

  it("should say nothing when no window is active", async () => {
    await api.database.db.update(maintenanceWindow).set({ active: false });
    const status = await statusAt("2014-11-09T20:50:00-08:00");
    expect(status).toMatchObject({ active: null, next: null });
  });
});
