#!/usr/bin/env node
import path from "node:path";
import { fileURLToPath } from "node:url";
import cliProgress from "cli-progress";
import { createDb, type Database } from "../client.js";
import { DEFAULT_SEED, seed, type SeedScale, type SeedSummary } from "./index.js";

const USAGE = "usage: seed [--scale demo|lausd] [--reset] [--seed N]   (DATABASE_URL=postgres://... or DATA_DIR=dir)";
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");

class UsageError extends Error {}

function parseArgs(argv: string[]): { scale: SeedScale; reset: boolean; seed: number } {
  const out = { scale: "demo" as SeedScale, reset: false, seed: DEFAULT_SEED };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.split("=", 2) as [string, string | undefined];
    const value = () => inline ?? argv[++i] ?? "";
    if (arg === "--") continue; // pnpm may pass the separator through
    if (flag === "--scale") {
      const scale = value();
      if (scale !== "demo" && scale !== "lausd") throw new UsageError(`--scale must be demo or lausd (got "${scale}")`);
      out.scale = scale;
    } else if (flag === "--reset") {
      out.reset = true;
    } else if (flag === "--seed") {
      const raw = value();
      const n = Number(raw);
      if (!/^\d+$/.test(raw) || !Number.isSafeInteger(n)) throw new UsageError(`--seed must be a non-negative integer (got "${raw}")`);
      out.seed = n;
    } else if (flag === "--help" || flag === "-h") {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else {
      throw new UsageError(`unknown argument "${arg}"\n${USAGE}`);
    }
  }
  return out;
}

/** One line a person can act on, whatever was thrown. */
function describe(err: unknown): string {
  // pg reports a refused connection to "localhost" as an AggregateError with an empty message.
  if (err instanceof AggregateError && !err.message && err.errors.length > 0) return describe(err.errors[0]);
  if (!(err instanceof Error)) return String(err);
  // drizzle wraps driver errors as "Failed query: <sql>"; the cause says what went wrong.
  if (err.message.startsWith("Failed query") && err.cause) return describe(err.cause);
  const code = (err as NodeJS.ErrnoException).code;
  if (code === "ECONNREFUSED") return `cannot connect to PostgreSQL (${err.message}): is it running, and is DATABASE_URL right?`;
  return (err.message || code || err.name).split("\n")[0]!;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const dataDir = path.resolve(process.env.DATA_DIR ?? path.join(repoRoot, ".data"));
  const where = databaseUrl ? "PostgreSQL (DATABASE_URL)" : `PGlite in ${dataDir}`;
  const started = Date.now();
  const bar = new cliProgress.SingleBar(
    { format: "seeding {scale} [{bar}] {percentage}% | {value}/{total} | {stage} | {duration_formatted}", hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let database: Database | undefined;
  let barStarted = false;
  let summary: SeedSummary;
  try {
    database = await createDb(databaseUrl ? { databaseUrl, poolSize: 2 } : { dataDir });
    process.stderr.write(`seeding ${args.scale} (seed ${args.seed}) into ${where}\n`);
    summary = await seed(database.db, {
      ...args,
      onProgress: (done, total, stage) => {
        if (!barStarted) {
          bar.start(total, done, { stage, scale: args.scale });
          barStarted = true;
        }
        bar.update(done, { stage });
      },
    });
  } finally {
    if (barStarted) bar.stop();
    await database?.close();
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const width = Math.max(...Object.keys(summary.counts).map((k) => k.length));
  const lines = Object.entries(summary.counts).map(([table, n]) => `  ${table.padEnd(width)}  ${n.toLocaleString("en-US").padStart(11)}`);
  process.stdout.write(
    [`seeded ${summary.scale} (seed ${summary.seed}) in ${seconds} s; clock starts ${summary.clockStart}`, ...lines, ""].join("\n"),
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`seed: ${describe(err)}\n`);
  process.exit(1);
});
