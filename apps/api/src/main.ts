import "reflect-metadata";
import { createDb, DataDirLockedError, type Db } from "@gradewatch/db";
import { employee } from "@gradewatch/db/schema";
import { DEMO_LOGINS, DEMO_PASSWORD, isDatabaseEmpty, seed } from "@gradewatch/db/seed";
import { and, eq, inArray, isNotNull } from "drizzle-orm";
import { RowLevelSecurityError } from "./access/request-scope.js";
import { keepClock, resolveClock } from "./clock.js";
import { resolveSessionSecret } from "./features/auth/auth.service.js";
import { setDemoPasswords } from "./features/auth/demo-accounts.js";
import { readConfig } from "./config.js";
import { logger } from "./logger.js";
import { createServer } from "./server.js";

let database: Awaited<ReturnType<typeof createDb>> | undefined;
let server: Awaited<ReturnType<typeof createServer>> | undefined;
let clockKeeper: ReturnType<typeof keepClock> | undefined;
let stopping = false;

async function shutdown(signal: string) {
  if (stopping) {
    // A second Ctrl-C does not wait: anything uncommitted is rolled back by the database.
    process.stderr.write("gradewatch: stopping now\n");
    process.exit(130);
  }
  stopping = true;
  logger.info({ signal }, "shutting down");
  if (server) {
    await server.stop();
    logger.info("http server stopped");
  }
  // The next start continues the simulated clock from here.
  await clockKeeper?.stop();
  // Closing waits for a transaction under way (the first start's seeding, say) to finish.
  await database?.close();
  logger.info("database closed");
  process.exit(0);
}

// The demo accounts that exist here and can sign in with the demo password.
async function demoLogins(db: Db) {
  const rows = await db
    .select({ email: employee.email })
    .from(employee)
    .where(and(inArray(employee.email, DEMO_LOGINS.map((l) => l.email)), isNotNull(employee.passwordHash), eq(employee.active, true)));
  const present = new Set(rows.map((r) => r.email));
  return DEMO_LOGINS.filter((l) => present.has(l.email));
}

async function main() {
  const started = Date.now();
  const config = readConfig();
  database = await createDb(config.databaseUrl ? { databaseUrl: config.databaseUrl, authenticatorUrl: config.authenticatorUrl } : { dataDir: config.dataDir });
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
  const { db } = database;
  if (config.seedDemo && (await isDatabaseEmpty(db))) {
    logger.info("empty database: loading the demo district");
    // One transaction: a start interrupted while loading leaves an empty database, not half a district.
    const summary = await db.transaction(async (tx) => {
      const result = await seed(tx as unknown as Db, { scale: "demo" });
      await setDemoPasswords(tx as unknown as Db);
      return result;
    });
    logger.info({ counts: summary.counts }, "demo district loaded");
  }
  const { clock, movedFrom } = await resolveClock(db, config.clockStart);
  clockKeeper = keepClock(db, clock, (err) => logger.warn({ err }, "could not save the simulated clock"));
  if (movedFrom && config.clockStart) {
    logger.warn({ clockStart: movedFrom.toISOString(), now: clock.now().toISOString() }, "CLOCK_START is earlier than recorded history: continuing from it instead");
  }
  const secret = await resolveSessionSecret(db, clock, process.env.SESSION_SECRET);
  server = await createServer({
    db,
    dbKind: database.kind,
    clock,
    production: config.production,
    auth: { secret, slowDownMs: 500 },
  });
  const port = await server.listen(config.port, config.host);
  const logins = await demoLogins(db);

  const where = database.kind === "pglite" ? `embedded PGlite in ${config.dataDir}` : "PostgreSQL (DATABASE_URL)";
  const lines = [
    "",
    `  Gradewatch is running at http://localhost:${port}/  (GraphQL at /graphql)`,
    `  database: ${where}`,
    `  clock: ${clock.now().toISOString()}${clock.simulated ? ` (simulated${movedFrom ? ", continuing where it stopped" : ""}; CLOCK_START=real for real time)` : ""}`,
    `  started in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    "",
    ...(logins.length
      ? [`  Demo logins (password "${DEMO_PASSWORD}"):`, ...logins.map((l) => `    ${l.role.padEnd(30)} ${l.email}`), ""]
      : []),
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
}

main().catch(async (err: unknown) => {
  // A signal during start owns the exit: the failure is the database closing under the start.
  if (stopping) return;
  if (err instanceof DataDirLockedError || (err instanceof Error && /must (be|start)/.test(err.message))) {
    process.stderr.write(`gradewatch: ${err.message}\n`);
  } else if (err instanceof RowLevelSecurityError) {
    logger.fatal({ err }, "failed to start");
    process.stderr.write(`gradewatch: ${err.message}\n`);
  } else {
    logger.fatal({ err }, "failed to start");
  }
  await database?.close().catch(() => undefined);
  process.exit(1);
});
