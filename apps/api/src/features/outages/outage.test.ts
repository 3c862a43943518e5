import { operationsChange } from "@gradewatch/db/schema";
import { testDbKinds } from "@gradewatch/db/testing";
import { asc } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../../test/harness.js";

describe.each(testDbKinds())("outages and maintenance windows on %s", (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(kind);
  });
  afterAll(() => api?.close());

  it("should record the Nov 4, 2014 outage and report it as 120 minutes", async () => {
    const res = await api.gql(`mutation($input: OutageCreateInput!) { createOutage(input: $input) { kind startsAt durationMinutes } }`, {
      input: { kind: "UNPLANNED", startsAt: "2014-11-04T14:00:00-08:00", endsAt: "2014-11-04T16:00:00-08:00", description: "SIS outage" },
    });
    expect(res.data!.createOutage).toEqual({ kind: "UNPLANNED", startsAt: "2014-11-04T22:00:00.000Z", durationMinutes: 120 });
    const list = await api.gql(`{ outages(filter: { endsAfter: "2014-11-04T23:00:00Z" }) { total } }`);
    expect(list.data!.outages.total).toBe(1);
  });

  it("should refuse an outage that ends before it starts", async () => {
    const res = await api.gql(`mutation { createOutage(input: { kind: MAINTENANCE, startsAt: "2014-11-05T06:00:00Z", endsAt: "2014-11-05T05:00:00Z", description: "backwards" }) { id } }`);
    expect(res.errors![0]).toMatchObject({ message: "endsAt must be after startsAt", extensions: { code: "BAD_USER_INPUT" } });
  });

  it("should keep the nightly window in local time and refuse an unknown time zone", async () => {
    const ok = await api.gql(`mutation { createMaintenanceWindow(input: { name: "Nightly maintenance", startsAtLocal: "21:00", endsAtLocal: "22:00" }) { startsAtLocal endsAtLocal timeZone active } }`);
    expect(ok.data!.createMaintenanceWindow).toEqual({ startsAtLocal: "21:00:00", endsAtLocal: "22:00:00", timeZone: "America/Los_Angeles", active: true });
    const bad = await api.gql(`mutation { createMaintenanceWindow(input: { name: "Moon", startsAtLocal: "21:00", endsAtLocal: "22:00", timeZone: "Moon/Base" }) { id } }`);
    expect(bad.errors![0]).toMatchObject({ message: 'Unknown time zone "Moon/Base" (use an IANA name such as America/Los_Angeles)', extensions: { code: "BAD_USER_INPUT" } });
  });

  it("should keep every create, edit and delete of an outage or window as a change with who and when", async () => {
    const created = await api.gql(`mutation { createOutage(input: { kind: MAINTENANCE, startsAt: "2014-11-06T05:00:00Z", endsAt: "2014-11-06T06:00:00Z", description: "planned" }) { id } }`);
    const id = created.data!.createOutage.id as string;
    await api.gql(`mutation($id: ID!) { updateOutage(id: $id, input: { description: "planned, one hour" }) { id } }`, { id });
    await api.gql(`mutation($id: ID!) { deleteOutage(id: $id) { id } }`, { id });
    const windows = await api.gql(`{ maintenanceWindows { items { id } } }`);
    const windowId = windows.data!.maintenanceWindows.items[0].id as string;
    await api.gql(`mutation($id: ID!) { updateMaintenanceWindow(id: $id, input: { active: false }) { id } }`, { id: windowId });

    const rows = await api.database.db.select().from(operationsChange).orderBy(asc(operationsChange.id));
    const ofOutage = rows.filter((r) => r.entity === "outage" && r.entityId === Number(id));
    expect(ofOutage.map((r) => [(r.fromState as { description?: string } | null)?.description ?? null, (r.toState as { description?: string } | null)?.description ?? null])).toEqual([
      [null, "planned"],
      ["planned", "planned, one hour"],
      ["planned, one hour", null],
    ]);
    const deactivated = rows.filter((r) => r.entity === "maintenance_window" && r.entityId === Number(windowId)).at(-1)!;
    expect(deactivated).toMatchObject({ fromState: expect.objectContaining({ active: true }), toState: expect.objectContaining({ active: false }) });
    for (const r of rows) {
      expect(r.changedAt).toEqual(new Date("2014-11-05T16:00:00Z"));
      expect(r.changedById).toEqual(expect.any(Number));
    }
  });
});
