import { employee, esc, school } from "@gradewatch/db/schema";
import { testDbKinds } from "@gradewatch/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../test/harness.js";

describe.each(testDbKinds())("relations through DataLoaders on %s", (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(kind);
    const db = api.database.db;
    const escs = await db
      .insert(esc)
      .values(["NORTH", "EAST", "SOUTH", "WEST", "ISIC"].map((code) => ({ code, name: `ESC ${code}` })))
      .returning();
    const schools = await db
      .insert(school)
      .values(
        Array.from({ length: 100 }, (_, i) => ({
          locationCode: String(1000 + i),
          name: `School ${String(i).padStart(3, "0")}`,
          level: "ELEMENTARY" as const,
          escId: escs[i % 5]!.id,
        })),
      )
      .returning();
    const principals = await db
      .insert(employee)
      .values(
        schools.map((s, i) => ({
          employeeNumber: `E${String(i).padStart(7, "0")}`,
          firstName: "P",
          lastName: `Principal ${i}`,
          email: `p${i}@x.test`,
          role: "PRINCIPAL" as const,
          schoolId: s.id,
        })),
      )
      .returning();
    for (const [i, p] of principals.entries()) {
      await db.update(school).set({ principalId: p.id }).where(eq(school.id, schools[i]!.id));
    }
  });
  afterAll(() => api?.close());

  it("should list 100 schools with their ESC and principal in 3 SQL statements, not one per row", async () => {
    api.queries.length = 0;
    const res = await api.gql(`{ schools(perPage: 100) { total items { name esc { code schoolCount } principal { lastName school { name } } } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.schools.items).toHaveLength(100);
    expect(res.data!.schools.items[7]).toEqual({
      name: "School 007",
      esc: { code: "SOUTH", schoolCount: 20 },
      principal: { lastName: "Principal 7", school: { name: "School 007" } },
    });
    // Besides the session check and the request's identity: the page with its total, ESCs and principals;
    // school counts per ESC; principals' schools. One batch per relation, whatever the page size.
    const frame = /"session"|set_config|^select 1$|^(begin|commit)$/i;
    const data = api.queries.filter((q) => !frame.test(q.trim()));
    expect(data).toHaveLength(3);
  });
});
