import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import { migrate as migrateNodePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import * as schema from "./schema/index.js";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbKind = "pglite" | "postgres";

export interface Database {
  db: Db;
  kind: DbKind;
  close(): Promise<void>;
}

export const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../drizzle");

export class DataDirLockedError extends Error {
  constructor(readonly lockFile: string, readonly pid: number) {
    super(
      `The data directory is already in use by process ${pid} (lock file ${lockFile}). ` +
        `Two processes writing one PGlite directory corrupt it: stop the other process, or set DATA_DIR to another directory.`,
    );
    this.name = "DataDirLockedError";
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

// One writer per PGlite directory: an exclusive lock file holding our pid, taken over only when its owner is dead.
export function lockDataDir(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockFile = path.join(dataDir, "gradewatch.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: "wx" });
      return () => {
        try {
          if (fs.readFileSync(lockFile, "utf8") === String(process.pid)) fs.unlinkSync(lockFile);
        } catch {
          /* already gone */
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const pid = Number(fs.readFileSync(lockFile, "utf8"));
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) {
        throw new DataDirLockedError(lockFile, pid);
      }
      fs.unlinkSync(lockFile);
    }
  }
  throw new Error(`Could not lock ${lockFile}`);
}

export interface CreateDbOptions {
  /** postgres://... to use a real server; otherwise an embedded PGlite database. */
  databaseUrl?: string;
  /** PGlite data directory; omitted means in memory. */
  dataDir?: string;
  /** A PGlite snapshot (from dumpDataDir) to start from. */
  loadDataDir?: Blob | File;
  poolSize?: number;
  migrate?: boolean;
  /** Called with every SQL statement drizzle sends (tests count them). */
  logQuery?: (query: string) => void;
  /** postgres://... that requests log in with; by default databaseUrl's server and database as gradewatch_authenticator. */
  authenticatorUrl?: string;
}

/** The login role of requests on PostgreSQL: no rights of its own, it can only become the request roles. */
export const AUTHENTICATOR_ROLE = "gradewatch_authenticator";

/** The owner's connection string with the authenticator as its user (and no password: set one with the URL). */
export function authenticatorUrlOf(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  url.username = AUTHENTICATOR_ROLE;
  url.password = "";
  return url.toString();
}

const requestDbs = new WeakMap<Db, Db>();

/** Where requests run: the authenticator's pool on PostgreSQL; on PGlite, its one connection. */
export function requestDbOf(db: Db): Db {
  return requestDbs.get(db) ?? db;
}

function nodePgPool(connectionString: string, max: number): pg.Pool {
  const pool = new pg.Pool({ connectionString, max });
  // A connection the server closed (restart, failover) emits 'error', on the pool when idle and on the
  // client when checked out; unheard, it crashes the process. The query fails, the pool drops the
  // client and the next request reconnects.
  pool.on("error", () => {});
  pool.on("connect", (client) => client.on("error", () => {}));
  return pool;
}

const queryLogger = (options: CreateDbOptions) =>
  options.logQuery ? { logQuery: (query: string) => options.logQuery!(query) } : false;

export async function createDb(options: CreateDbOptions = {}): Promise<Database> {
  if (options.databaseUrl) {
    const pool = nodePgPool(options.databaseUrl, options.poolSize ?? 10);
    const db = drizzleNodePg(pool, { schema, casing: "snake_case", logger: queryLogger(options) }) as unknown as Db;
    // Connects on first use, so the migrations below can create the role first.
    const requestPool = nodePgPool(options.authenticatorUrl ?? authenticatorUrlOf(options.databaseUrl), options.poolSize ?? 10);
    requestDbs.set(db, drizzleNodePg(requestPool, { schema, casing: "snake_case", logger: queryLogger(options) }) as unknown as Db);
    if (options.migrate !== false) {
      await migrateNodePg(db as never, { migrationsFolder });
    }
    return { db, kind: "postgres", close: async () => void (await Promise.all([pool.end(), requestPool.end()])) };
  }
  const unlock = options.dataDir ? lockDataDir(options.dataDir) : () => {};
  try {
    const client = await PGlite.create({
      dataDir: options.dataDir ? path.join(options.dataDir, "pgdata") : undefined,
      loadDataDir: options.loadDataDir,
      extensions: { pg_trgm },
    });
    const db = drizzlePglite(client, { schema, casing: "snake_case", logger: queryLogger(options) }) as unknown as Db;
    if (options.migrate !== false) {
      await migratePglite(db as never, { migrationsFolder });
    }
    return {
      db,
      kind: "pglite",
      close: async () => {
        try {
          await client.close();
        } finally {
          unlock();
        }
      },
    };
  } catch (err) {
    unlock();
    throw err;
  }
}
