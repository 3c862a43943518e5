// Writes the generated row-security migration: run after changing packages/domain/src/policy.ts.
import fs from "node:fs";
import path from "node:path";
import { migrationsFolder } from "./client.js";
import { ROW_SECURITY_MIGRATION, rowSecuritySql } from "./row-security.js";

const file = fs.readdirSync(migrationsFolder).find((f) => f.endsWith(`_${ROW_SECURITY_MIGRATION}.sql`));
if (!file) throw new Error(`No migration named *_${ROW_SECURITY_MIGRATION}.sql in ${migrationsFolder}`);
fs.writeFileSync(path.join(migrationsFolder, file), rowSecuritySql());
console.log(`wrote ${file}`);
