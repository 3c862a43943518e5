import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import {
  type Change,
  type Client,
  CLIENTS,
  Cluster,
  freePort,
  gql,
  prepare,
  rows,
  runClients,
  type RunningApi,
  signIn,
  signInAdmin,
  sleep,
  startApiProcess,
  apiEnv,
  type Stats,
  type Target,
  TOTAL_MARKS,
  withDb,
} from "./load.js";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const report = (line: string) => process.stdout.write(`[fault] ${line}\n`);
const newStats = (): Stats => ({ refusedMaintenance: 0, failedRequests: 0, resentChanges: 0, maintenanceSentAt: [] });
const pgliteTarget = (): Target => ({ kind: "pglite", dataDir: fs.mkdtempSync(path.join(os.tmpdir(), "gw-fault-")) });

async function startLoad(target: Target) {
  const shares = await prepare(target);
  let api: RunningApi = await startApiProcess(apiEnv(target));
  const startedAt = Date.now();
  const url = () => api.url;
  const clients: Client[] = [];
  for (const s of shares) clients.push({ ...s, token: await signIn(url, s.email), acked: new Set() });
  return { clients, startedAt, get api() { return api; }, set api(a: RunningApi) { api = a; }, url };
}

const ackCount = (clients: Client[]) => clients.reduce((n, c) => n + c.acked.size, 0);

async function waitForAcks(clients: Client[], n: number) {
  for (let i = 0; i < 1200 && ackCount(clients) < n; i++) await sleep(25);
}

/** Replays a few acknowledged changes: the API answers replayed, with the same mark, and changes nothing. */
async function replaySome(url: string, clients: Client[]) {
  const SAVE = `mutation Save($changes: [SaveMarkInput!]!) { saveMarks(items: $changes) { operationId status replayed mark { value } } }`;
  for (const client of clients.slice(0, 4)) {
    const again: Change[] = client.changes.slice(0, 2);
    const data = await gql<{ saveMarks: Array<{ status: string; replayed: boolean; mark: { value: string } }> }>(url, client.token, SAVE, { changes: again });
    expect(data.saveMarks.map((r) => [r.status, r.replayed, r.mark.value])).toEqual(again.map((c) => ["SAVED", true, c.value]));
  }
}

/** Every sent change is stored exactly once with its value, with one history row and one operation row each. */
async function verify(target: Target, clients: Client[], acknowledged: Set<string>) {
  const changes = clients.flatMap((c) => c.changes);
  const ops = changes.map((c) => c.operationId);
  await withDb(target, async (db) => {
    const stored = await rows<{ operation_id: string; value: string; marks: number; history: number; first_version: number }>(
      db,
      sql`select h.operation_id, m.value,
            (select count(*)::int from mark m2 where m2.section_id = m.section_id and m2.student_id = m.student_id
               and m2.grading_item_id = m.grading_item_id and m2.period_id = m.period_id) marks,
            (select count(*)::int from mark_history h2 where h2.mark_id = m.id) history, h.version first_version
          from mark_history h join mark m on m.id = h.mark_id
          where h.operation_id in (${sql.join(ops.map((o) => sql`${o}`), sql`, `)})`,
    );
    const byOp = new Map(stored.map((r) => [r.operation_id, r]));
    for (const op of acknowledged) expect(byOp.has(op), `acknowledged ${op} is stored`).toBe(true);
    expect(stored).toHaveLength(TOTAL_MARKS);
    for (const c of changes) {
      const r = byOp.get(c.operationId);
      expect(r && { value: r.value, marks: r.marks, history: r.history, first_version: r.first_version }, c.operationId).toEqual({
        value: c.value,
        marks: 1,
        history: 1,
        first_version: 1,
      });
    }
    const [opRows] = await rows<{ n: number }>(db, sql`select count(*)::int n from mark_operation where operation_id in (${sql.join(ops.map((o) => sql`${o}`), sql`, `)})`);
    expect(opRows!.n).toBe(TOTAL_MARKS);
  });
}

async function killNineScenario(target: Target) {
  const load = await startLoad(target);
  const stats = newStats();
  const t0 = Date.now();
  const running = runClients(load.url, load.clients, stats, { deadline: Date.now() + 120_000 });
  await waitForAcks(load.clients, 150);
  const beforeKill = new Set(load.clients.flatMap((c) => [...c.acked]));
  await load.api.stop("SIGKILL");
  const killedAt = Date.now();
  load.api = await startApiProcess(apiEnv(target));
  const restartMs = Date.now() - killedAt;
  await running;
  report(
    `${target.kind} kill -9: ${beforeKill.size} acknowledged before the kill, ${TOTAL_MARKS - beforeKill.size} sent or resent after it ` +
      `(${stats.failedRequests} failed requests retried, ${stats.resentChanges} changes resent), restart ${restartMs} ms, all ${CLIENTS} clients done in ${Date.now() - t0} ms`,
  );
  expect(ackCount(load.clients)).toBe(TOTAL_MARKS);
  await replaySome(load.api.url, load.clients);
  await load.api.stop();
  await verify(target, load.clients, beforeKill);
}

describe("kill -9 of the API during 500 concurrent mark saves from 16 clients", () => {
  it("should keep every acknowledged mark exactly once and store all 500 after resending on PGlite", async () => {
    await killNineScenario(pgliteTarget());
  }, 240_000);
});

describe("a throwaway PostgreSQL cluster", () => {
  let cluster: Cluster | undefined;
  afterAll(() => cluster?.destroy());

  it("should start", async () => {
    cluster = new Cluster(await freePort());
    cluster.start();
  }, 120_000);

  it("should keep every acknowledged mark exactly once after a kill -9 of the API on PostgreSQL", async () => {
    await killNineScenario({ kind: "postgres", url: cluster!.createDatabase("gw_fault_kill") });
  }, 240_000);

  it("should recover by itself when PostgreSQL stops with -m immediate mid-load and comes back", async () => {
    const target: Target = { kind: "postgres", url: cluster!.createDatabase("gw_fault_pgstop") };
    const load = await startLoad(target);
    const stats = newStats();
    const t0 = Date.now();
    const running = runClients(load.url, load.clients, stats, { deadline: Date.now() + 60_000 });
    await waitForAcks(load.clients, 150);
    const beforeStop = new Set(load.clients.flatMap((c) => [...c.acked]));
    cluster!.stopImmediate();
    await sleep(2000);
    cluster!.start();
    await running.catch((e: Error) => {
      throw new Error(`${e.message}\nAPI exit code ${load.api.child.exitCode}; its output:\n${load.api.output().slice(-3000)}`);
    });
    report(
      `postgres stop -m immediate: ${beforeStop.size} acknowledged before the stop, ${stats.failedRequests} failed requests retried (${stats.resentChanges} changes resent), ` +
        `done in ${Date.now() - t0} ms, API still the same process: ${load.api.child.exitCode === null}`,
    );
    expect(load.api.child.exitCode, load.api.output()).toBeNull();
    expect(ackCount(load.clients)).toBe(TOTAL_MARKS);
    await replaySome(load.api.url, load.clients);
    await load.api.stop();
    await verify(target, load.clients, beforeStop);
  }, 240_000);
});

describe("a maintenance window during load", () => {
  it("should refuse saves with 503 MAINTENANCE, store none during it, and store every mark sent after it ends", async () => {
    const target = pgliteTarget();
    const load = await startLoad(target);
    const clock = /clock: (\S+)/.exec(load.api.output())![1]!;
    const offset = new Date(clock).getTime() - load.startedAt;
    const admin = await signInAdmin(load.url);
    const stats = newStats();
    const local = (d: Date) => new Intl.DateTimeFormat("en-GB", { timeZone: "America/Los_Angeles", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" }).format(d);
    const startsAt = new Date(Math.ceil((Date.now() + offset + 8_000) / 1000) * 1000);
    const endsAt = new Date(startsAt.getTime() + 8000);
    await gql(load.url(), admin, `mutation W($input: MaintenanceWindowCreateInput!) { createMaintenanceWindow(input: $input) { id } }`, {
      input: { name: "Fault test window", startsAtLocal: local(startsAt), endsAtLocal: local(endsAt) },
    });
    // Start the clients 2 s before the window opens. Each client has about 7 batches with a 1 s pause after
    // each, so none can finish before the window opens: the load always runs into it, on any machine.
    await sleep(startsAt.getTime() - offset - Date.now() - 2000);
    // The window must exist before it starts, or saves in its first seconds are rightly accepted.
    expect(Date.now() + offset).toBeLessThan(startsAt.getTime());
    const running = runClients(load.url, load.clients, stats, { deadline: Date.now() + 120_000, pauseMs: 1000 });
    await running;
    report(`maintenance: window ${local(startsAt)}-${local(endsAt)} (server clock), ${stats.refusedMaintenance} batches refused with 503 MAINTENANCE`);
    expect(stats.refusedMaintenance).toBeGreaterThan(0);
    expect(ackCount(load.clients)).toBe(TOTAL_MARKS);
    await load.api.stop();
    await verify(target, load.clients, new Set(load.clients.flatMap((c) => [...c.acked])));
    await withDb(target, async (db) => {
      const [during] = await rows<{ n: number }>(
        db,
        sql`select count(*)::int n from mark_history where operation_id like 'fault-%' and changed_at >= ${startsAt.toISOString()}::timestamptz and changed_at < ${endsAt.toISOString()}::timestamptz`,
      );
      expect(during!.n).toBe(0);
    });
  }, 240_000);
});
