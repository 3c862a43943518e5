#!/usr/bin/env node
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createDb, type Database } from "./client.js";
import { type CounterDifference, differs, reconcile } from "./reconcile.js";

// pnpm reconcile [--check]: proves the completion counters equal a full recount. Exit 0 when they do or
// were repaired (what was repaired is printed); with --check, exit 1 on any difference and repair nothing.
const USAGE = "usage: reconcile [--check]   (DATABASE_URL=postgres://... or DATA_DIR=dir)";
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

function table(rows: readonly CounterDifference[]): string {
  const width = Math.max(...rows.map((r) => r.table.length), "table".length);
  return [
    `  ${"table".padEnd(width)}  ${"missing".padStart(9)}  ${"extra".padStart(9)}`,
    ...rows.map((r) => `  ${r.table.padEnd(width)}  ${String(r.missing).padStart(9)}  ${String(r.extra).padStart(9)}`),
  ].join("\n");
}

async function main(): Promise<number> {
  const args = process.argv.slice(2).filter((a) => a !== "--");
  const unknown = args.find((a) => a !== "--check");
  if (unknown) {
    process.stderr.write(`reconcile: unknown argument "${unknown}"\n${USAGE}\n`);
    return 2;
  }
  const check = args.includes("--check");
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const dataDir = path.resolve(process.env.DATA_DIR ?? path.join(repoRoot, ".data"));
  const started = Date.now();
  let database: Database | undefined;
  try {
    database = await createDb(databaseUrl ? { databaseUrl, poolSize: 2 } : { dataDir });
    const result = await reconcile(database.db, { repair: !check });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    process.stdout.write(`completion counters against a full recount (rows missing or wrong in the counters, rows extra), ${seconds} s:\n${table(result.before)}\n`);
    if (!differs(result.before)) {
      process.stdout.write("counters equal the recount\n");
      return 0;
    }
    if (check) {
      process.stdout.write("counters DIFFER from the recount (--check: nothing repaired; run without --check to repair)\n");
      return 1;
    }
    const fixed = result.before.filter((d) => d.missing > 0 || d.extra > 0).map((d) => `${d.table} (${d.missing} rows rewritten or added, ${d.extra} removed)`);
    process.stdout.write(`repaired: rebuilt the counters from scratch; ${fixed.join(", ")}; they now equal the recount\n`);
    return 0;
  } finally {
    await database?.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`reconcile: ${err instanceof Error ? err.message.split("\n")[0] : String(err)}\n`);
    process.exit(1);
  },
);
