import fs from "node:fs";
import { lexicographicSortSchema, printSchema } from "graphql";
import { getSchema } from "./schema.js";

export const schemaFile = new URL("../../schema.graphql", import.meta.url);

export async function printCommittedSchema(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await getSchema()))}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  fs.writeFileSync(schemaFile, await printCommittedSchema());
  console.log(`wrote ${schemaFile.pathname}`);
}
