import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { createDb, type Db } from "@gradewatch/db";
import { DEMO_LOGINS } from "@gradewatch/db/seed";
import { MARK_SCALE_VALUES, type MarkScale } from "@gradewatch/domain";
import { sql } from "drizzle-orm";
import { startApiProcess, type RunningApi } from "../src/test/process.js";

export const TOTAL_MARKS = 500;
export const CLIENTS = 16;
const BATCH = 5;
const SECRET = "fault-test-session-secret-0123456789abcdef";
const TEACHER_EMAIL = DEMO_LOGINS.find((l) => l.role === "TEACHER")!.email;
const ADMIN_EMAIL = DEMO_LOGINS.find((l) => l.role === "DISTRICT_ADMIN")!.email;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Where the API keeps its data: an embedded PGlite folder or a PostgreSQL database. */
export type Target = { kind: "pglite"; dataDir: string } | { kind: "postgres"; url: string };

export const apiEnv = (t: Target): Record<string, string> => ({
  SESSION_SECRET: SECRET,
  ...(t.kind === "pglite" ? { DATA_DIR: t.dataDir } : { DATABASE_URL: t.url, SEED_DEMO: "true", DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "gw-fault-unused-")) }),
});

export async function withDb<T>(t: Target, fn: (db: Db) => Promise<T>): Promise<T> {
  const database = await createDb(t.kind === "pglite" ? { dataDir: t.dataDir } : { databaseUrl: t.url });
  try {
    return await fn(database.db);
  } finally {
    await database.close();
  }
}

export const rows = async <R>(db: Db, query: ReturnType<typeof sql>) => ((await db.execute(query)) as unknown as { rows: R[] }).rows;

export interface Change {
  operationId: string;
  periodId: string;
  sectionId: string;
  studentId: string;
  gradingItemId: string;
  value: string;
  comment: null;
  baseVersion: null;
}

export interface Client {
  email: string;
  token: string;
  changes: Change[];
  acked: Set<string>;
}

/**
 * Seeds the demo district by starting the API once, then (with the API stopped) gives 16 elementary
 * teachers the demo password and picks 500 cells that have no mark yet, spread over them.
 */
export async function prepare(t: Target): Promise<Array<{ email: string; changes: Change[] }>> {
  const first = await startApiProcess(apiEnv(t));
  await first.stop();
  const run = crypto.randomBytes(3).toString("hex");
  return withDb(t, async (db) => {
    const cells = await rows<{ email: string; section_id: number; student_id: number; item_id: number; period_id: number; scale: MarkScale }>(
      db,
      sql`with open_cells as (
            select t.email, s.id section_id, e.student_id, gi.id item_id, gi.period_id, gi.scale,
                   row_number() over (partition by t.id order by s.id, e.student_id, gi.id) n
            from section s join employee t on t.id = s.teacher_id
            join enrollment e on e.section_id = s.id and e.ended_at is null
            join reporting_period rp on rp.level = s.level and rp.window_opens_on <= '2014-11-05' and rp.current_deadline >= '2014-11-05'
            join grading_item gi on gi.period_id = rp.id
            where s.level = 'ELEMENTARY' and t.role = 'TEACHER' and not exists (
              select 1 from mark m where m.section_id = s.id and m.student_id = e.student_id and m.grading_item_id = gi.id and m.period_id = rp.id))
          select email, section_id, student_id, item_id, period_id, scale from open_cells
          where email in (select email from open_cells where n = 32 order by (email = ${TEACHER_EMAIL}) desc, email limit ${CLIENTS})
            and n <= 32
          order by email, n`,
    );
    const byTeacher = new Map<string, Change[]>();
    for (const c of cells) {
      const list = byTeacher.get(c.email) ?? [];
      list.push({
        operationId: `fault-${run}-${c.section_id}-${c.student_id}-${c.item_id}`,
        periodId: String(c.period_id),
        sectionId: String(c.section_id),
        studentId: String(c.student_id),
        gradingItemId: String(c.item_id),
        value: MARK_SCALE_VALUES[c.scale][1]!,
        comment: null,
        baseVersion: null,
      });
      byTeacher.set(c.email, list);
    }
    const teachers = [...byTeacher.keys()];
    if (teachers.length < CLIENTS) throw new Error(`only ${teachers.length} elementary teachers have 32 empty cells`);
    // 500 = 16 x 31 + 4: the first four teachers send 32.
    const shares = teachers.map((email, i) => ({ email, changes: byTeacher.get(email)!.slice(0, i < TOTAL_MARKS % CLIENTS ? 32 : 31) }));
    await db.execute(sql`update employee set password_hash = (select password_hash from employee where email = ${TEACHER_EMAIL})
      where email in (${sql.join(teachers.map((e) => sql`${e}`), sql`, `)})`);
    return shares;
  });
}

async function post(url: string, body: unknown, token?: string): Promise<Response | null> {
  try {
    return await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    });
  } catch {
    return null;
  }
}

export async function signIn(api: () => string, email: string): Promise<string> {
  for (let i = 0; i < 60; i++) {
    const res = await post(`${api()}/auth/sign-in`, { email, password: "gradewatch-demo" });
    if (res?.status === 200) return ((await res.json()) as { token: string }).token;
    await sleep(res?.status === 429 ? Number(res.headers.get("retry-after") ?? 1) * 1000 : 500);
  }
  throw new Error(`could not sign in as ${email}`);
}

export const signInAdmin = (api: () => string) => signIn(api, ADMIN_EMAIL);

export async function gql<T>(api: string, token: string, query: string, variables: Record<string, unknown>): Promise<T> {
  const res = await post(`${api}/graphql`, { query, variables }, token);
  const body = (await res!.json()) as { data?: T; errors?: unknown };
  if (!body.data) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

const SAVE = `mutation Save($changes: [SaveMarkInput!]!) { saveMarks(items: $changes) { operationId status code reason replayed mark { id value } } }`;

export interface SaveResult {
  operationId: string;
  status: string;
  code: string | null;
  replayed: boolean;
  mark: { id: string; value: string } | null;
}

export interface Stats {
  refusedMaintenance: number;
  failedRequests: number;
  /** Changes sent again, with the same operation ids, after a request got no answer. */
  resentChanges: number;
  maintenanceSentAt: Date[];
}

/** Sends one batch until the API gives an answer for it: network errors, 5xx and 503 MAINTENANCE are retried. */
export async function sendBatch(api: () => string, client: Client, batch: Change[], stats: Stats, deadline: number): Promise<SaveResult[]> {
  let last = "";
  while (Date.now() < deadline) {
    const res = await post(`${api()}/graphql`, { query: SAVE, variables: { changes: batch } }, client.token);
    if (res?.status === 503) {
      const body = (await res.json().catch(() => ({}))) as { errors?: Array<{ extensions?: { code?: string } }> };
      if (body.errors?.[0]?.extensions?.code === "MAINTENANCE") {
        stats.refusedMaintenance++;
        await sleep(Math.min(Number(res.headers.get("retry-after") ?? 1), 2) * 1000);
        continue;
      }
    }
    if (res?.status === 200) {
      const body = (await res.json()) as { data?: { saveMarks: SaveResult[] }; errors?: unknown };
      last = JSON.stringify(body.errors);
      if (body.data) {
        for (const r of body.data.saveMarks) if (r.status === "SAVED") client.acked.add(r.operationId);
        return body.data.saveMarks;
      }
    }
    if (res && res.status >= 400 && res.status < 500) throw new Error(`saveMarks refused: ${res.status} ${await res.text()}`);
    if (res && res.status !== 200) last = `${res.status} ${await res.text().catch(() => "")}`;
    stats.failedRequests++;
    stats.resentChanges += batch.length;
    await sleep(250);
  }
  throw new Error(`batch for ${client.email} not answered before the deadline; last: ${last}`);
}

/** Every client sends its not-yet-acknowledged changes in small batches; stops early when `stop()` says so. */
export async function runClients(api: () => string, clients: Client[], stats: Stats, opts: { stop?: () => boolean; pauseMs?: number; deadline: number }) {
  await Promise.all(
    clients.map(async (client) => {
      const pending = client.changes.filter((c) => !client.acked.has(c.operationId));
      for (let i = 0; i < pending.length; i += BATCH) {
        if (opts.stop?.()) return;
        const results = await sendBatch(api, client, pending.slice(i, i + BATCH), stats, opts.deadline).catch((e: unknown) => {
          if (opts.stop?.()) return [];
          throw e;
        });
        for (const r of results) if (r.status !== "SAVED") throw new Error(`${r.operationId}: ${r.status} ${r.code}`);
        if (opts.pauseMs) await sleep(opts.pauseMs);
      }
    }),
  );
}

export const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });

/** A throwaway PostgreSQL 15 cluster owned by the postgres OS user (initdb refuses to run as root). */
export class Cluster {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), "gw-fault-pg-"));
  constructor(readonly port: number) {
    fs.chmodSync(this.dir, 0o700);
    execFileSync("chown", ["postgres:postgres", this.dir]);
    this.pg("initdb", "-D", `${this.dir}/data`, "-U", "postgres", "--auth=trust", "--no-sync");
  }
  private pg(bin: string, ...args: string[]) {
    const exe = `/usr/lib/postgresql/15/bin/${bin}`;
    const asPostgres = process.getuid?.() === 0 ? ["runuser", "-u", "postgres", "--", exe, ...args] : [exe, ...args];
    return execFileSync(asPostgres[0]!, asPostgres.slice(1), { stdio: "pipe", timeout: 60_000 }).toString();
  }
  start() {
    this.pg("pg_ctl", "-D", `${this.dir}/data`, "-l", `${this.dir}/log`, "-w", "-o", `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=on`, "start");
  }
  stopImmediate() {
    this.pg("pg_ctl", "-D", `${this.dir}/data`, "-m", "immediate", "-w", "stop");
  }
  createDatabase(name: string) {
    this.pg("psql", "-h", "127.0.0.1", "-p", String(this.port), "-U", "postgres", "-qc", `create database ${name}`);
    return `postgres://postgres@127.0.0.1:${this.port}/${name}`;
  }
  destroy() {
    try {
      this.pg("pg_ctl", "-D", `${this.dir}/data`, "-m", "immediate", "-w", "stop");
    } catch {
      // already stopped
    }
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

export type { RunningApi };
export { startApiProcess, sleep };
