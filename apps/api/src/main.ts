import "reflect-metadata";
import { createDb, DataDirLockedError, type Db } from "@gradewatch/db";
import { DEMO_LOGINS, DEMO_PASSWORD, isDatabaseEmpty, seed } from "@gradewatch/db/seed";
import { resolveClock } from "./clock.js";
import { resolveSessionSecret } from "./features/auth/auth.service.js";
import { setDemoPasswords } from "./features/auth/demo-accounts.js";
import { readConfig } from "./config.js";
import { logger } from "./logger.js";
import { createServer } from "./server.js";

async function main() {
  const started = Date.now();
  const config = readConfig();
  const database = await createDb(
    config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir },
  );
  if (config.seedDemo && (await isDatabaseEmpty(database.db))) {
    logger.info("empty database: loading the demo district");
    // One transaction: a start interrupted while loading leaves an empty database, not half a district.
    const summary = await database.db.transaction(async (tx) => {
      const result = await seed(tx as unknown as Db, { scale: "demo" });
      await setDemoPasswords(tx as unknown as Db);
      return result;
    });
    logger.info({ counts: summary.counts }, "demo district loaded");
  }
  const clock = await resolveClock(database.db, config.clockStart);
  const secret = await resolveSessionSecret(database.db, process.env.SESSION_SECRET);
  const server = await createServer({
    db: database.db,
    dbKind: database.kind,
    clock,
    production: config.production,
    auth: { secret, slowDownMs: 500 },
  });
  const port = await server.listen(config.port, config.host);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    await server.stop();
    logger.info("http server stopped");
    await database.close();
    logger.info("database closed");
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));

  const where = database.kind === "pglite" ? `embedded PGlite in ${config.dataDir}` : "PostgreSQL (DATABASE_URL)";
  const lines = [
    "",
    `  Gradewatch is running at http://localhost:${port}/  (GraphQL at /graphql)`,
    `  database: ${where}`,
    `  clock: ${clock.now().toISOString()}${clock.simulated ? " (simulated; CLOCK_START=real for real time)" : ""}`,
    `  started in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    "",
    `  Demo logins (password "${DEMO_PASSWORD}"):`,
    ...DEMO_LOGINS.map((l) => `    ${l.role.padEnd(30)} ${l.email}`),
    "",
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
}

main().catch((err: unknown) => {
  if (err instanceof DataDirLockedError || (err instanceof Error && /must (be|start)/.test(err.message))) {
    process.stderr.write(`gradewatch: ${err.message}\n`);
  } else {
    logger.fatal({ err }, "failed to start");
  }
  process.exit(1);
});
