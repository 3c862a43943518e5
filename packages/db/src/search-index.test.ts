import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDatabase, testDbKinds } from "./testing.js";

describe.each(testDbKinds())("student search on %s", (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDb(kind);
  });
  afterAll(() => database?.close());

  // A few rows make the planner prefer a sequential scan; with that off, the plan shows whether an index
  // can serve "name or district id contains ..." at all (on 650,000 students it is ~18 ms against ~660 ms).
  it("should serve a search anywhere in a name or district student id from the trigram indexes", async () => {
    const plan = await database.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      const result = await tx.execute(sql`explain select id from student
        where last_name ilike '%garc%' or first_name ilike '%garc%' or district_student_id ilike '%garc%'`);
      return (result as unknown as { rows: Record<string, string>[] }).rows.map((r) => Object.values(r)[0]).join("\n");
    });
    for (const index of ["student_last_name_trgm_idx", "student_first_name_trgm_idx", "student_district_student_id_trgm_idx"]) {
      expect(plan).toContain(`Bitmap Index Scan on ${index}`);
    }
  });
});
