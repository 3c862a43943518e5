import { maintenanceWindow, outage } from "@gradewatch/db/schema";
import { testDbKinds } from "@gradewatch/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rolesFor } from "@gradewatch/domain/policy";
import { accessRuleOf } from "../access/allow.js";
import { type AccessFixture, buildAccessFixture } from "../test/access-fixture.js";
import { fingerprint } from "../test/fingerprint.js";
import { DEMO_NOW, startTestApi, type TestApi } from "../test/harness.js";
import { type RootField, rootFieldsOf, sampleCall } from "../test/schema-samples.js";
import { getSchema } from "./schema.js";

const mutations = rootFieldsOf(await getSchema()).filter((f) => f.root === "Mutation");

// The test clock stands at 08:00 in Los Angeles (DEMO_NOW).
const KINDS = {
  "a daily maintenance window": async (api: TestApi) => {
    await api.database.db.insert(maintenanceWindow).values({ name: "Morning maintenance", startsAtLocal: "07:30:00", endsAtLocal: "08:30:00" });
  },
  "a planned maintenance outage": async (api: TestApi) => {
    const hour = 3600_000;
    await api.database.db.insert(outage).values({
      kind: "MAINTENANCE",
      startsAt: new Date(DEMO_NOW.getTime() - hour),
      endsAt: new Date(DEMO_NOW.getTime() + hour),
      description: "Database upgrade",
    });
  },
};

describe.each(testDbKinds())("every write during maintenance on %s", (kind) => {
  describe.each(Object.keys(KINDS) as (keyof typeof KINDS)[])("during %s", (maintenance) => {
    let api: TestApi;
    let f: AccessFixture;
    beforeAll(async () => {
      api = await startTestApi(kind);
      f = await buildAccessFixture(api.database.db);
      await KINDS[maintenance](api);
    });
    // Each write as a role the policy lets use it (the district administrator for most; HR for payroll).
    const tokenFor = async (field: RootField["field"]) => {
      const rule = accessRuleOf(field);
      const role = rule && rule !== "signedIn" && rule !== "public" && !rolesFor(rule).includes("DISTRICT_ADMIN") ? rolesFor(rule)[0]! : "DISTRICT_ADMIN";
      return role === "DISTRICT_ADMIN" ? api.adminToken : api.tokenFor(f.actors[role].id);
    };
    afterAll(() => api?.close());

    it.each(mutations.map((m) => [m.field.name, m] as const))("should refuse %s with MAINTENANCE and change nothing", async (_name, { field }) => {
      const token = await tokenFor(field);
      const before = await fingerprint(api.database.db);
      const res = await api.gqlAs(token, `mutation { ${sampleCall(field)} }`);
      expect(res.status).toBe(503);
      expect(res.data ?? null).toBeNull();
      expect(res.errors).toHaveLength(1);
      expect(res.errors![0].extensions).toMatchObject({ code: "MAINTENANCE", saved: false });
      expect(await fingerprint(api.database.db)).toEqual(before);
    });
  });
});
