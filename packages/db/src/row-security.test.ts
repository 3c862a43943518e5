import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { migrationsFolder } from "./client.js";
import { ROW_SECURITY_MIGRATION, rowSecuritySql } from "./row-security.js";

describe("the row-security migration", () => {
  it("should be exactly what the access policy generates (run `pnpm --filter @gradewatch/db rls` when it is not)", () => {
    const file = fs.readdirSync(migrationsFolder).find((f) => f.endsWith(`_${ROW_SECURITY_MIGRATION}.sql`));
    expect(file).toBeDefined();
    expect(fs.readFileSync(path.join(migrationsFolder, file!), "utf8")).toBe(rowSecuritySql());
  });
});
