import path from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

export interface Config {
  port: number;
  host: string;
  databaseUrl?: string;
  /** The role requests log in as; derived from databaseUrl when unset. */
  authenticatorUrl?: string;
  dataDir: string;
  clockStart?: string;
  seedDemo: boolean;
  production: boolean;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number (got "${env.PORT}")`);
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error("DATABASE_URL must start with postgres:// (or leave it unset to use the embedded database)");
  }
  const authenticatorUrl = env.DATABASE_AUTHENTICATOR_URL || undefined;
  if (authenticatorUrl && !databaseUrl) throw new Error("DATABASE_AUTHENTICATOR_URL needs DATABASE_URL (the owner, who migrates)");
  if (authenticatorUrl && !/^postgres(ql)?:\/\//.test(authenticatorUrl)) throw new Error("DATABASE_AUTHENTICATOR_URL must start with postgres://");
  const seedFlag = env.SEED_DEMO?.toLowerCase();
  return {
    port,
    host: env.HOST ?? "0.0.0.0",
    databaseUrl,
    authenticatorUrl,
    dataDir: path.resolve(env.DATA_DIR ?? path.join(repoRoot, ".data")),
    clockStart: env.CLOCK_START || undefined,
    // The embedded database is a demo by default; a real server is seeded only when asked.
    seedDemo: seedFlag ? ["1", "true", "yes"].includes(seedFlag) : !databaseUrl,
    production: env.NODE_ENV === "production",
  };
}
