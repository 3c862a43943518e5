import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { printCommittedSchema, schemaFile } from "./emit-schema.js";

describe("schema.graphql", () => {
  it("should match the schema the resolvers build (run `pnpm --filter @gradewatch/api emit-schema` after changing them)", async () => {
    expect(fs.readFileSync(schemaFile, "utf8")).toBe(await printCommittedSchema());
  });
});
