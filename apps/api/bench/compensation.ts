// HR's compensation work on the district-sized data set (lausd seed, about 50,000 logs), through the real
// HTTP API (sign-in, GraphQL, the actor's transaction as the HR request role), each beside its SQL floor
// measured in the same run with a plain pg client:
// 1. the approval queue: 50 certified logs, oldest first, with each one's evidence (one statement: the
//    page, its count and the mark-history aggregates);
// 2. a bulk approval of 5,000 logs in one request, beside one SQL statement that updates the same kind of
//    rows and inserts their history (run in a transaction that is rolled back), and the all-or-nothing
//    check: the same request with one stale version decides nothing.
// Needs the lausd seed in BENCH_COMPENSATION_URL (default postgres://postgres@127.0.0.1:5432/gw_comp). It
// writes: a known password on one HR account, and the approvals it makes (a rerun first puts the logs this
// bench approved back to CERTIFIED).
import { createDb } from "@gradewatch/db";
import pg from "pg";
import { fixedClock } from "../src/clock.js";
import { hashPassword } from "../src/features/auth/password.js";
import { createServer } from "../src/server.js";
import { ms, percentile } from "./util.js";

const url = process.env.BENCH_COMPENSATION_URL ?? "postgres://postgres@127.0.0.1:5432/gw_comp";
const QUEUE_RUNS = Number(process.env.BENCH_RUNS ?? 200);
const BULK = 5_000;
const NOW = new Date("2014-11-20T20:00:00Z");
const PASSWORD = "bench-password-bench-password";

const pool = new pg.Pool({ connectionString: url, max: 4 });
const one = async <T extends pg.QueryResultRow>(text: string, values: unknown[] = []) => (await pool.query<T>(text, values)).rows;

// A rerun starts where the first did: the logs this bench approved are certified again.
await one(`update compensation_log set state = 'CERTIFIED', decided_by_id = null, decided_at = null, version = version - 1
  where state = 'APPROVED' and decided_at = $1`, [NOW]);
const [{ n: logs }] = await one<{ n: number }>(`select count(*)::int as n from compensation_log`).then((r) => r as [{ n: number }]);
if (logs < 10_000) throw new Error(`only ${logs} compensation logs in ${url}: load the lausd seed first`);

const database = await createDb({ databaseUrl: url, poolSize: 10 });
const secret = new TextEncoder().encode("bench-secret-bench-secret-bench-secret");
const server = await createServer({ db: database.db, dbKind: "postgres", clock: fixedClock(NOW), auth: { secret, slowDownMs: 1 } });
const apiUrl = `http://127.0.0.1:${await server.listen(0, "127.0.0.1")}`;
const [hr] = await one<{ id: number; email: string }>(`select id, email from employee where role = 'HR' and active order by id limit 1`);
await pool.query(`update employee set password_hash = $1 where id = $2`, [await hashPassword(PASSWORD), hr!.id]);
const signIn = await fetch(`${apiUrl}/auth/sign-in`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: hr!.email, password: PASSWORD }) });
const { token } = (await signIn.json()) as { token: string };
const gql = async (query: string, variables: Record<string, unknown> = {}) => {
  const res = await fetch(`${apiUrl}/graphql`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
  return (await res.json()) as {
    data?: { compensationLogs?: { total: number; items: { id: string; evidence: { markChanges: number } }[] }; approveCompensationLogs?: { count: number } };
    errors?: { message: string; extensions: { code: string } }[];
  };
};

// ---------------------------------------------------------------- the approval queue

const QUEUE = `{ compensationLogs(filter: { states: [CERTIFIED] }, perPage: 50, sortField: "submittedAt") { total items {
  id employeeName employeeNumber schoolName escCode workDate startsAt endsAt minutes countedMinutes category state version flagged submittedAt
  evidence { markChanges firstChangeAt lastChangeAt sections } } } }`;
const QUEUE_SQL = `select l.id, e.first_name || ' ' || e.last_name as employee_name, e.employee_number, s.name as school_name, esc.code as esc_code,
    l.work_date, l.starts_at, l.ends_at, l.minutes, l.counted_minutes, l.category, l.state, l.version, l.flagged, l.submitted_at,
    ev.n as mark_changes, ev.first_at, ev.last_at, ev.sections,
    (select count(*) from compensation_log c where c.state = 'CERTIFIED')::int as total
  from compensation_log l join employee e on e.id = l.employee_id left join school s on s.id = l.school_id left join esc on esc.id = l.esc_id
  left join lateral (
    select count(*) as n, min(mh.changed_at) as first_at, max(mh.changed_at) as last_at,
      (select array_agg(se.course_name || ' (' || se.id || ')' order by se.id) from section se where se.id = any(array_agg(distinct mh.section_id))) as sections
    from mark_history mh where mh.school_id = l.school_id and mh.changed_by_id = l.employee_id and mh.changed_at >= l.starts_at and mh.changed_at < l.ends_at
  ) ev on true
  where l.state = 'CERTIFIED' order by l.submitted_at, l.id limit 50`;

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}
async function samples(n: number, fn: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 10; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(await time(fn));
  return out;
}

const check = await gql(QUEUE);
if (check.errors) throw new Error(JSON.stringify(check.errors));
const floorRows = await one<{ id: number; mark_changes: string }>(QUEUE_SQL);
const apiItems = check.data!.compensationLogs!.items;
if (apiItems.map((i) => `${i.id}:${i.evidence.markChanges}`).join() !== floorRows.map((r) => `${r.id}:${Number(r.mark_changes)}`).join()) {
  throw new Error("the queue and its floor disagree");
}
const queueApi = await samples(QUEUE_RUNS, () => gql(QUEUE));
const queueFloor = await samples(QUEUE_RUNS, () => one(QUEUE_SQL));

// ---------------------------------------------------------------- bulk approval

const certified = async (limit: number, offset: number) =>
  one<{ id: number; version: number }>(`select l.id, l.version from compensation_log l join employee e on e.id = l.employee_id
    where l.state = 'CERTIFIED' and l.employee_id <> $1 and l.certified_by_id is distinct from $1 order by l.id limit $2 offset $3`, [hr!.id, limit, offset]);
const approve = (rows: { id: number; version: number }[]) =>
  gql(`mutation($input: CompensationDecisionInput!) { approveCompensationLogs(input: $input) { count state } }`, {
    input: { ids: rows.map((r) => String(r.id)), versions: rows.map((r) => r.version) },
  });

// All or nothing: one stale version among 5,000 decides none of them.
const staleBatch = await certified(BULK, 0);
const stale = staleBatch.map((r, i) => (i === BULK - 1 ? { ...r, version: r.version - 1 } : r));
const refused = await approve(stale);
const [{ n: afterRefusal }] = (await one<{ n: number }>(`select count(*)::int as n from compensation_log where id = any($1) and state = 'CERTIFIED'`, [staleBatch.map((r) => r.id)])) as [{ n: number }];
const allOrNothing = refused.errors?.[0]?.extensions.code === "CONFLICT" && afterRefusal === BULK;

// The floor: the same change as one statement (update + history), rolled back so every run has rows to change.
const FLOOR = `with u as (
    update compensation_log l set state = 'APPROVED', version = l.version + 1, decided_by_id = $3, decided_at = $4
    from unnest($1::int[], $2::int[]) as x(id, version) where l.id = x.id and l.version = x.version returning l.id)
  insert into compensation_log_history (log_id, from_state, to_state, changed_by_id, changed_at, source)
  select u.id, 'CERTIFIED', 'APPROVED', $3, $4, 'API' from u`;
const bulkFloor: number[] = [];
for (let run = 0; run < 3; run++) {
  const rows = await certified(BULK, 0);
  const client = await pool.connect();
  await client.query("begin");
  bulkFloor.push(await time(() => client.query(FLOOR, [rows.map((r) => r.id), rows.map((r) => r.version), hr!.id, NOW])));
  await client.query("rollback");
  client.release();
}
const bulkApi: number[] = [];
let approvedOk = true;
for (let run = 0; run < 3; run++) {
  const rows = await certified(BULK, 0);
  if (rows.length < BULK) break;
  let res: Awaited<ReturnType<typeof approve>> | undefined;
  bulkApi.push(await time(async () => (res = await approve(rows))));
  approvedOk &&= res?.data?.approveCompensationLogs?.count === BULK;
}

const median = (xs: number[]) => percentile(xs, 50);
const row = (label: string, xs: number[]) => `${label.padEnd(44)} median ${ms(median(xs)).padStart(11)}   p99 ${ms(percentile(xs, 99)).padStart(11)}   (n=${xs.length})`;
console.log(`compensation bench on ${url.replace(/\/\/[^@]*@/, "//")}: ${logs.toLocaleString("en-US")} logs, ${check.data!.compensationLogs!.total} certified at the start\n`);
console.log("HR's approval queue, 50 rows with evidence");
console.log(row("  GraphQL (HTTP, session, HR role, evidence)", queueApi));
console.log(row("  SQL floor (one statement)", queueFloor));
console.log(`  ratio (median): ${(median(queueApi) / median(queueFloor)).toFixed(2)}x   target <= 3x\n`);
console.log(`Bulk approval of ${BULK.toLocaleString("en-US")} logs in one request`);
console.log(row("  GraphQL approveCompensationLogs", bulkApi));
console.log(row("  SQL floor (one UPDATE + history INSERT)", bulkFloor));
console.log(`  ratio (median): ${(median(bulkApi) / median(bulkFloor)).toFixed(2)}x   target <= 3x`);
console.log(`  every request approved all ${BULK}: ${approvedOk}; one stale version among ${BULK} decided none (CONFLICT): ${allOrNothing}`);

await server.stop();
await database.close();
await pool.end();
