// Saving marks on the district-sized data set: saves per second and request latency through the real
// HTTP API (sign-in, GraphQL, actor transaction, row-level security), next to two floors on the same
// database sent by a plain pg client: a bare single-row upsert of a mark, and the very statements one
// save runs. Needs the lausd seed in BENCH_MARKS_URL (default postgres://postgres@127.0.0.1:5432/gw_lausd).
//
// Re-runnable: every client is one teacher updating marks that already exist in their own sections
// (a fresh operation id each time, the current version as baseVersion, a value different from the
// stored one). Each run adds rows to mark_history and mark_operation and bumps mark versions; the bench
// deletes the mark_operation and mark_history rows it wrote (by its operation-id prefix) at the end,
// as the superuser, so the seed's history stays as it was apart from the marks' latest values.
// The bench teachers' password hashes are set to a known password.
import crypto from "node:crypto";
import { createDb } from "@gradewatch/db";
import { MARK_SCALE_VALUES, type MarkScale } from "@gradewatch/domain";
import pg from "pg";
import { identityStatement } from "../src/access/request-scope.js";
import { fixedClock } from "../src/clock.js";
import { hashPassword } from "../src/features/auth/password.js";
import { createServer } from "../src/server.js";
import { percentile } from "./util.js";

const url = process.env.BENCH_MARKS_URL ?? "postgres://postgres@127.0.0.1:5432/gw_lausd";
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const WARMUP = Number(process.env.BENCH_WARMUP_SECONDS ?? 1);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 1);
const CLIENTS = [1, 8, 32];
const BATCHES = [1, 30];
const NOW = new Date("2014-11-05T16:00:00Z"); // 08:00 in Los Angeles, inside the marking window
const PASSWORD = "bench-password-bench-password";
const RUN = `bench-${crypto.randomBytes(4).toString("hex")}`;

const pool = new pg.Pool({ connectionString: url, max: 34 });
const sync = (await pool.query<{ synchronous_commit: string }>("show synchronous_commit")).rows[0].synchronous_commit;
if (sync !== "on") throw new Error(`synchronous_commit is ${sync}: the targets are for synchronous commit`);

interface Cell {
  markId: number;
  periodId: number;
  sectionId: number;
  studentId: number;
  gradingItemId: number;
  schoolId: number;
  scale: MarkScale;
  value: string;
  version: number;
}
interface Teacher {
  id: number;
  email: string;
  schoolId: number;
  cells: Cell[];
  next: number;
  token?: string;
  sessionId?: string;
}

// 32 teachers, each with up to 600 existing marks in periods whose window is open on NOW.
const teacherRows = (
  await pool.query(`
    select e.id, e.email, e.school_id from employee e
    where e.role = 'TEACHER' and exists (
      select 1 from section s join mark m on m.section_id = s.id join reporting_period p on p.id = m.period_id
      where s.teacher_id = e.id and p.window_opens_on <= '2014-11-05' and p.current_deadline >= '2014-11-05')
    order by e.id limit ${Math.max(...CLIENTS)}`)
).rows as { id: number; email: string; school_id: number }[];
if (teacherRows.length < Math.max(...CLIENTS)) throw new Error(`only ${teacherRows.length} teachers with open marks: is the lausd seed loaded in ${url}?`);
const teachers: Teacher[] = teacherRows.map((t) => ({ id: t.id, email: t.email, schoolId: t.school_id, cells: [], next: 0 }));

async function loadCells() {
  for (const t of teachers) {
    const rows = (
      await pool.query<{ id: string; period_id: number; section_id: number; student_id: number; grading_item_id: number; school_id: number; scale: MarkScale; value: string; version: number }>(
        `select m.id, m.period_id, m.section_id, m.student_id, m.grading_item_id, m.school_id, g.scale, m.value, m.version
         from mark m join section s on s.id = m.section_id join reporting_period p on p.id = m.period_id join grading_item g on g.id = m.grading_item_id
         where s.teacher_id = $1 and p.window_opens_on <= '2014-11-05' and p.current_deadline >= '2014-11-05'
         order by m.id limit 600`,
        [t.id],
      )
    ).rows;
    t.cells = rows.map((r) => ({
      markId: Number(r.id),
      periodId: r.period_id,
      sectionId: r.section_id,
      studentId: r.student_id,
      gradingItemId: r.grading_item_id,
      schoolId: r.school_id,
      scale: r.scale,
      value: r.value,
      version: r.version,
    }));
    if (t.cells.length < 30) throw new Error(`teacher ${t.id} has only ${t.cells.length} open marks`);
  }
}

const nextValue = (c: Cell) => {
  const values = MARK_SCALE_VALUES[c.scale];
  return values[(values.indexOf(c.value) + 1) % values.length]!;
};
function take(t: Teacher, n: number): Cell[] {
  const out: Cell[] = [];
  for (let i = 0; i < n; i++) out.push(t.cells[t.next++ % t.cells.length]!);
  return out;
}
let opCounter = 0;
const opId = () => `${RUN}-${(opCounter++).toString(36)}`;

// --- the three ways to save a batch ----------------------------------------------------------------

async function bareUpsert(t: Teacher, batch: Cell[]) {
  const c = await pool.connect();
  try {
    if (batch.length > 1) await c.query("begin");
    for (const cell of batch) {
      const value = nextValue(cell);
      const r = await c.query<{ version: number }>(
        `insert into mark (school_id, period_id, section_id, student_id, grading_item_id, value, comment, entered_by_id, entered_at, updated_at, version)
         values ($1, $2, $3, $4, $5, $6, null, $7, $8, $8, 1)
         on conflict (period_id, section_id, student_id, grading_item_id)
         do update set value = excluded.value, comment = excluded.comment, updated_at = excluded.updated_at, version = mark.version + 1
         returning version`,
        [cell.schoolId, cell.periodId, cell.sectionId, cell.studentId, cell.gradingItemId, value, t.id, NOW],
      );
      cell.value = value;
      cell.version = r.rows[0].version;
    }
    if (batch.length > 1) await c.query("commit");
  } finally {
    c.release();
  }
}

// The statements saveMarks runs for a batch (mark-save.service.ts and request-scope.ts), in order,
// as the application role with the actor's settings, sent straight by node-postgres: the identity and
// the maintenance check in one statement sent with BEGIN, then one gw_save_marks call for the batch
// (migration 0007), then COMMIT.
// No probe: node-postgres reports the transaction alive after the last statement.
async function saveStatements(t: Teacher, batch: Cell[]) {
  const c = await pool.connect();
  try {
    // BEGIN and the identity with the maintenance check in one simple-protocol message, as request-scope.ts sends them.
    // The session behind the teacher's token is looked up in that statement too.
    await c.query(`begin; ${identityStatement(null, true, NOW, { id: t.sessionId!, now: NOW })}`);
    const values = batch.map(nextValue);
    const items = batch.map((cell, i) => {
      const operationId = opId();
      return {
        operationId,
        payloadHash: crypto.createHash("sha256").update(operationId).digest("hex"),
        periodId: cell.periodId,
        sectionId: cell.sectionId,
        studentId: cell.studentId,
        gradingItemId: cell.gradingItemId,
        value: values[i],
        scales: [cell.scale],
        comment: null,
        baseVersion: cell.version,
        clientEnteredAt: null,
      };
    });
    const rows = (
      await c.query(`select r from gw_save_marks($1::timestamptz, $2::mark_source, $3, $4::jsonb) as r`, [NOW.toISOString(), "API", "req", JSON.stringify(items)])
    ).rows as { r: { kind: string; result?: { status: string; mark: { version: number } } } }[];
    if (rows.length !== batch.length || rows.some((row) => row.r.kind !== "DONE" || row.r.result?.status !== "SAVED")) {
      throw new Error(`failed save statements: ${JSON.stringify(rows).slice(0, 500)}`);
    }
    await c.query("commit");
    rows.forEach((row, i) => {
      batch[i]!.value = values[i]!;
      batch[i]!.version = row.r.result!.mark.version;
    });
  } catch (err) {
    await c.query("rollback").catch(() => {});
    throw err;
  } finally {
    c.release();
  }
}

const database = await createDb({ databaseUrl: url });
const secret = new TextEncoder().encode("bench-secret-bench-secret-bench-secret");
const server = await createServer({ db: database.db, dbKind: "postgres", clock: fixedClock(NOW), auth: { secret, slowDownMs: 1 } });
const api = `http://127.0.0.1:${await server.listen(0, "127.0.0.1")}`;
const MUTATION = `mutation Save($items: [SaveMarkInput!]!) { saveMarks(items: $items) { operationId status code reason mark { id version value } } }`;
let apiRequests = 0;

async function viaApi(t: Teacher, batch: Cell[]) {
  const items = batch.map((cell) => ({
    operationId: opId(),
    periodId: String(cell.periodId),
    sectionId: String(cell.sectionId),
    studentId: String(cell.studentId),
    gradingItemId: String(cell.gradingItemId),
    value: nextValue(cell),
    baseVersion: cell.version,
  }));
  const res = await fetch(`${api}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${t.token}` },
    body: JSON.stringify({ query: MUTATION, variables: { items } }),
  });
  const text = await res.text();
  const body = JSON.parse(text) as { errors?: unknown; data?: { saveMarks: { status: string; mark: { version: number; value: string } }[] } };
  const results = body.data?.saveMarks;
  // A 200 carrying GraphQL errors, or any result that is not SAVED, fails the bench.
  if (res.status !== 200 || body.errors || !results || results.length !== batch.length || results.some((r) => r.status !== "SAVED")) {
    throw new Error(`failed save (HTTP ${res.status}): ${text.slice(0, 500)}`);
  }
  results.forEach((r, i) => {
    batch[i]!.version = r.mark.version;
    batch[i]!.value = r.mark.value;
  });
  apiRequests++;
}

// --- measuring -----------------------------------------------------------------------------------

async function measure(save: (t: Teacher, b: Cell[]) => Promise<void>, clients: number, batch: number) {
  const latencies: number[] = [];
  let saves = 0;
  let recording = false;
  let stop = false;
  const loop = async (t: Teacher) => {
    while (!stop) {
      const cells = take(t, batch);
      const started = performance.now();
      await save(t, cells);
      if (recording) {
        latencies.push(performance.now() - started);
        saves += batch;
      }
    }
  };
  // A batch of 30 takes 30 times longer: give it a longer window so every client finishes several.
  const seconds = batch > 1 ? SECONDS * 2 : SECONDS;
  const loops = teachers.slice(0, clients).map(loop);
  await new Promise((r) => setTimeout(r, WARMUP * (batch > 1 ? 2 : 1) * 1000));
  recording = true;
  const started = performance.now();
  await new Promise((r) => setTimeout(r, seconds * 1000));
  recording = false;
  const elapsed = (performance.now() - started) / 1000;
  stop = true;
  await Promise.all(loops);
  if (!latencies.length) throw new Error(`no ${save.name} request finished in ${SECONDS} s at ${clients} clients: raise BENCH_SECONDS`);
  return { perSecond: saves / elapsed, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
async function cell(save: (t: Teacher, b: Cell[]) => Promise<void>, clients: number, batch: number) {
  const rounds = [];
  for (let i = 0; i < ROUNDS; i++) rounds.push(await measure(save, clients, batch));
  return { perSecond: median(rounds.map((r) => r.perSecond)), p50: median(rounds.map((r) => r.p50)), p99: median(rounds.map((r) => r.p99)) };
}

await loadCells();
const hash = await hashPassword(PASSWORD);
await pool.query(`update employee set password_hash = $1 where id = any($2::int[])`, [hash, teachers.map((t) => t.id)]);
for (const t of teachers) {
  const res = await fetch(`${api}/auth/sign-in`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: t.email, password: PASSWORD }) });
  if (res.status !== 200) throw new Error(`sign-in failed for ${t.email}: ${res.status} ${await res.text()}`);
  t.token = ((await res.json()) as { token: string }).token;
  t.sessionId = (JSON.parse(Buffer.from(t.token.split(".")[1]!, "base64url").toString()) as { sid: string }).sid;
}

const cores = (await import("node:os")).availableParallelism();
console.log(`saving marks on ${url.replace(/\/\/[^@]*@/, "//")} (lausd seed), synchronous_commit=${sync}, ${cores} cores, ` +
  `${WARMUP} s warm-up + ${SECONDS} s per cell (twice that for batches of 30), median of ${ROUNDS} round(s); API in-process (pool of 10, as in main.ts), clients are teachers with their own sections\n`);
console.log("| bench | clients | batch | saves/s | p50 ms | p99 ms | ratio vs floor |");
console.log("|---|---|---|---|---|---|---|");
const fmt = (n: number) => n.toFixed(2);
const rows: string[] = [];
try {
  for (const batch of BATCHES) {
    for (const clients of CLIENTS) {
      const bare = await cell(bareUpsert, clients, batch);
      const stmts = await cell(saveStatements, clients, batch);
      await loadCells(); // the API reads nothing from the bench's memory but the versions it sends
      const viaHttp = await cell(viaApi, clients, batch);
      const line = (name: string, r: typeof bare, ratio: string) =>
        `| ${name} | ${clients} | ${batch} | ${Math.round(r.perSecond)} | ${fmt(r.p50)} | ${fmt(r.p99)} | ${ratio} |`;
      const out = [
        line("bare upsert (floor)", bare, "1x"),
        line("save statements", stmts, `p50 ${fmt(stmts.p50 / bare.p50)}x, p99 ${fmt(stmts.p99 / bare.p99)}x, saves/s ${fmt(stmts.perSecond / bare.perSecond)}x of bare`),
        line("API saveMarks", viaHttp, `p50 ${fmt(viaHttp.p50 / stmts.p50)}x, p99 ${fmt(viaHttp.p99 / stmts.p99)}x, saves/s ${fmt(viaHttp.perSecond / stmts.perSecond)}x of statements`),
      ];
      for (const l of out) console.log(l);
      rows.push(...out);
    }
  }
  console.log(`\n${apiRequests} API requests, every one HTTP 200 without GraphQL errors and every result SAVED`);
} finally {
  await server.stop();
  await database.close();
  // Remove what this run wrote besides the marks' new values. mark_history is append-only even for the
  // owner (a trigger): only a superuser skipping triggers for this transaction may remove the bench's rows.
  await pool.query(`delete from mark_operation where operation_id like $1`, [`${RUN}-%`]);
  const cleaner = await pool.connect();
  try {
    await cleaner.query("begin; set local session_replication_role = replica");
    await cleaner.query(`delete from mark_history where operation_id like $1`, [`${RUN}-%`]);
    await cleaner.query("commit");
  } finally {
    cleaner.release();
  }
  await pool.end();
}
