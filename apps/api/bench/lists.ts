// Reading 50-row lists on the district-sized data set: requests per second and latency of `schools` (with
// each school's ESC and principal names) and `students` (with each student's school) through the real HTTP
// API (sign-in, GraphQL, actor transaction, row-level security), beside two floors measured in the same run:
// the same answer as one SQL statement sent by a plain pg client, and a minimal Apollo Server + pg server
// answering the same GraphQL query with that one statement (no transaction, no row-level security).
// Needs the lausd seed in BENCH_LISTS_URL (default postgres://postgres@127.0.0.1:5432/gw_lausd); it writes
// nothing but a known password on the two bench accounts. BENCH_TOTAL=1 selects `total` as well.
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { createDb } from "@gradewatch/db";
import autocannon from "autocannon";
import pg from "pg";
import { fixedClock } from "../src/clock.js";
import { hashPassword } from "../src/features/auth/password.js";
import { createServer } from "../src/server.js";
import { percentile } from "./util.js";

const url = process.env.BENCH_LISTS_URL ?? "postgres://postgres@127.0.0.1:5432/gw_lausd";
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const WARMUP = Number(process.env.BENCH_WARMUP_SECONDS ?? 1);
const TOTAL = process.env.BENCH_TOTAL === "1";
const CLIENTS = [1, 8, 32];
const POOL = 10; // what main.ts gives the API; the floors get the same
const NOW = new Date("2014-11-05T16:00:00Z");
const PASSWORD = "bench-password-bench-password";

const total = TOTAL ? "total " : "";
const QUERIES = {
  schools: `{ schools(perPage: 50) { ${total}items { id name esc { name } principal { firstName lastName } } } }`,
  students: `{ students(perPage: 50) { ${total}items { id firstName lastName school { name } } } }`,
};
type ListName = keyof typeof QUERIES;

// The same answers in one statement each; $1 is the ESC an ESC director sees, null for the district.
const count = (from: string) => (TOTAL ? `, (select count(*) from ${from})::int as total` : "");
const SQL: Record<ListName, string> = {
  schools: `select s.id, s.name, e.name as esc_name, p.first_name, p.last_name${count("school s where $1::int is null or s.esc_id = $1")}
    from school s join esc e on e.id = s.esc_id left join employee p on p.id = s.principal_id
    where $1::int is null or s.esc_id = $1 order by s.name, s.id limit 50`,
  students: `select st.id, st.first_name, st.last_name, sc.name as school_name${count("student st where $1::int is null or st.school_id in (select id from school where esc_id = $1)")}
    from student st join school sc on sc.id = st.school_id
    where $1::int is null or st.school_id in (select id from school where esc_id = $1) order by st.last_name, st.id limit 50`,
};
type SqlRow = Record<string, string | number | null>;
const answer: Record<ListName, (rows: SqlRow[]) => unknown> = {
  schools: (rows) => ({
    ...(TOTAL ? { total: rows[0]?.total ?? 0 } : {}),
    items: rows.map((r) => ({
      id: String(r.id),
      name: r.name,
      esc: { name: r.esc_name },
      principal: r.last_name === null ? null : { firstName: r.first_name, lastName: r.last_name },
    })),
  }),
  students: (rows) => ({
    ...(TOTAL ? { total: rows[0]?.total ?? 0 } : {}),
    items: rows.map((r) => ({ id: String(r.id), firstName: r.first_name, lastName: r.last_name, school: { name: r.school_name } })),
  }),
};

const pool = new pg.Pool({ connectionString: url, max: POOL });
async function sqlAnswer(list: ListName, escId: number | null) {
  return answer[list]((await pool.query(SQL[list], [escId])).rows as SqlRow[]);
}

// (b) The minimal server: Apollo Server answering the same query with the one statement, the actor's ESC
// taken from a header (no session, no transaction, no row-level security).
const minimal = new ApolloServer<{ escId: number | null }>({
  typeDefs: `
    type Esc { name: String! }
    type Employee { firstName: String! lastName: String! }
    type School { id: ID! name: String! esc: Esc! principal: Employee }
    type Student { id: ID! firstName: String! lastName: String! school: School! }
    type SchoolPage { total: Int! items: [School!]! }
    type StudentPage { total: Int! items: [Student!]! }
    type Query { schools(perPage: Int): SchoolPage! students(perPage: Int): StudentPage! }`,
  resolvers: {
    Query: {
      schools: (_: unknown, __: unknown, ctx: { escId: number | null }) => sqlAnswer("schools", ctx.escId),
      students: (_: unknown, __: unknown, ctx: { escId: number | null }) => sqlAnswer("students", ctx.escId),
    },
  },
});
const { url: minimalUrl } = await startStandaloneServer(minimal, {
  listen: { port: 0, host: "127.0.0.1" },
  context: async ({ req }) => ({ escId: req.headers["x-esc-id"] ? Number(req.headers["x-esc-id"]) : null }),
});

// The API as main.ts runs it, every statement it sends counted.
const apiStatements = { n: 0 };
const database = await createDb({ databaseUrl: url, poolSize: POOL, logQuery: () => apiStatements.n++ });
const secret = new TextEncoder().encode("bench-secret-bench-secret-bench-secret");
const server = await createServer({ db: database.db, dbKind: "postgres", clock: fixedClock(NOW), auth: { secret, slowDownMs: 1 } });
const apiUrl = `http://127.0.0.1:${await server.listen(0, "127.0.0.1")}/graphql`;

interface Actor {
  role: "DISTRICT_ADMIN" | "ESC_DIRECTOR";
  email: string;
  escId: number | null;
  token?: string;
}
const actors: Actor[] = [];
for (const role of ["DISTRICT_ADMIN", "ESC_DIRECTOR"] as const) {
  const [row] = (await pool.query<{ id: number; email: string; esc_id: number | null }>(`select id, email, esc_id from employee where role = $1 and active order by id limit 1`, [role])).rows;
  if (!row) throw new Error(`no active ${role} in ${url}: is the lausd seed loaded?`);
  await pool.query(`update employee set password_hash = $1 where id = $2`, [await hashPassword(PASSWORD), row.id]);
  const res = await fetch(apiUrl.replace("/graphql", "/auth/sign-in"), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: row.email, password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed for ${row.email}: ${res.status} ${await res.text()}`);
  actors.push({ role, email: row.email, escId: role === "ESC_DIRECTOR" ? row.esc_id : null, token: ((await res.json()) as { token: string }).token });
}

interface Result {
  perSecond: number;
  p50: number;
  p99: number;
}

async function viaHttp(target: string, headers: Record<string, string>, list: ListName, clients: number): Promise<Result> {
  const options = {
    url: target,
    method: "POST" as const,
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query: QUERIES[list] }),
    connections: clients,
  };
  await autocannon({ ...options, duration: WARMUP });
  const r = await autocannon({ ...options, duration: SECONDS });
  if (r.non2xx || r.errors || r.timeouts) throw new Error(`${target}: ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts`);
  return { perSecond: r.requests.total / SECONDS, p50: r.latency.p50, p99: r.latency.p99 };
}

// (a) The SQL floor: `clients` loops each sending the statement and waiting for its rows.
async function viaSql(list: ListName, escId: number | null, clients: number): Promise<Result> {
  const latencies: number[] = [];
  let recording = false;
  let stop = false;
  const loop = async () => {
    while (!stop) {
      const started = performance.now();
      await sqlAnswer(list, escId);
      if (recording) latencies.push(performance.now() - started);
    }
  };
  const loops = Array.from({ length: clients }, loop);
  await new Promise((r) => setTimeout(r, WARMUP * 1000));
  recording = true;
  const started = performance.now();
  await new Promise((r) => setTimeout(r, SECONDS * 1000));
  recording = false;
  const elapsed = (performance.now() - started) / 1000;
  stop = true;
  await Promise.all(loops);
  return { perSecond: latencies.length / elapsed, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

async function post(target: string, headers: Record<string, string>, list: ListName) {
  const res = await fetch(target, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query: QUERIES[list] }) });
  const body = (await res.json()) as { data?: Record<string, unknown>; errors?: unknown };
  if (res.status !== 200 || body.errors) throw new Error(`${target}: HTTP ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
  return body.data![list];
}

const cores = (await import("node:os")).availableParallelism();
console.log(
  `lists on ${url.replace(/\/\/[^@]*@/, "//")} (lausd seed), ${cores} cores, ${WARMUP} s warm-up + ${SECONDS} s per cell, ` +
    `pools of ${POOL}, HTTP load by autocannon in the same process, total ${TOTAL ? "selected" : "not selected"}\n`,
);
console.log("| list | actor | clients | SQL rps | SQL p50 | minimal rps | minimal p50 | API rps | API p50 | API p99 | API stmts/req | API/minimal rps | API/SQL p50 |");
console.log("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
const fmt = (n: number) => n.toFixed(2);
const misses: string[] = [];
try {
  for (const list of Object.keys(QUERIES) as ListName[]) {
    for (const actor of actors) {
      // The three give the same answer, or the comparison means nothing.
      const expected = JSON.stringify(await sqlAnswer(list, actor.escId));
      const fromMinimal = JSON.stringify(await post(minimalUrl, actor.escId ? { "x-esc-id": String(actor.escId) } : {}, list));
      const fromApi = JSON.stringify(await post(apiUrl, { authorization: `Bearer ${actor.token}` }, list));
      if (fromMinimal !== expected || fromApi !== expected) throw new Error(`${list} as ${actor.role}: the answers differ\n${expected}\n${fromMinimal}\n${fromApi}`);
      // Statements per request, counted over sequential requests (under load, requests overlap the count).
      const before = apiStatements.n;
      for (let i = 0; i < 20; i++) await post(apiUrl, { authorization: `Bearer ${actor.token}` }, list);
      const perRequest = (apiStatements.n - before) / 20;
      for (const clients of CLIENTS) {
        const sql = await viaSql(list, actor.escId, clients);
        const min = await viaHttp(minimalUrl, actor.escId ? { "x-esc-id": String(actor.escId) } : {}, list, clients);
        const api = await viaHttp(apiUrl, { authorization: `Bearer ${actor.token}` }, list, clients);
        const rpsRatio = api.perSecond / min.perSecond;
        const p50Ratio = api.p50 / sql.p50;
        if (clients > 1 && rpsRatio < 0.9) misses.push(`${list} as ${actor.role} at ${clients}: API/minimal rps ${fmt(rpsRatio)}x < 0.9x`);
        if (clients === 1 && p50Ratio > 3) misses.push(`${list} as ${actor.role} at 1: API/SQL p50 ${fmt(p50Ratio)}x > 3x`);
        console.log(
          `| ${list} | ${actor.role} | ${clients} | ${Math.round(sql.perSecond)} | ${fmt(sql.p50)} | ${Math.round(min.perSecond)} | ${fmt(min.p50)} | ` +
            `${Math.round(api.perSecond)} | ${fmt(api.p50)} | ${fmt(api.p99)} | ${fmt(perRequest)} | ${clients === 1 ? "" : `${fmt(rpsRatio)}x`} | ${clients === 1 ? `${fmt(p50Ratio)}x` : ""} |`,
        );
      }
    }
  }
  console.log(`\nlatencies in ms; the SQL and minimal servers send 1 statement per request; ratios where the targets apply`);
  console.log(misses.length ? `targets missed:\n  ${misses.join("\n  ")}` : "targets met: API >= 0.9x the minimal server's rps at 8 and 32 clients, p50 <= 3x the SQL floor at 1 client");
} finally {
  await server.stop();
  await minimal.stop();
  await database.close();
  await pool.end();
}
