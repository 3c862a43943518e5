// Overhead of the scoped request path (actor transaction, scope conditions, row-level security) on a
// list query, through real HTTP, with row-level security on and off, next to the same SQL sent raw.
import { createDb } from "@gradewatch/db";
import { DEMO_LOGINS, DEMO_PASSWORD, seed } from "@gradewatch/db/seed";
import { sql } from "drizzle-orm";
import { fixedClock } from "../src/clock.js";
import { setDemoPasswords } from "../src/features/auth/demo-accounts.js";
import { createServer } from "../src/server.js";
import { freshDatabase, ms, percentile } from "./util.js";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 400);
const QUERY = `{ students(perPage: 25, sortField: "lastName") { total items { id firstName lastName gradeLevel school { name } } } }`;

const target = await freshDatabase("gw_bench_scope");
const database = await createDb({ databaseUrl: target.url, poolSize: 8 });
await seed(database.db, { scale: "demo" });
await setDemoPasswords(database.db);
const clock = fixedClock(new Date("2014-11-05T16:00:00Z"));
const secret = new TextEncoder().encode("bench-secret-bench-secret-bench-secret");
const servers = {
  rls: await createServer({ db: database.db, dbKind: "postgres", clock, auth: { secret, slowDownMs: 1 }, rls: true }),
  noRls: await createServer({ db: database.db, dbKind: "postgres", clock, auth: { secret, slowDownMs: 1 }, rls: false }),
};
const urls = { rls: `http://127.0.0.1:${await servers.rls.listen(0, "127.0.0.1")}`, noRls: `http://127.0.0.1:${await servers.noRls.listen(0, "127.0.0.1")}` };

async function tokenFor(email: string) {
  const res = await fetch(`${urls.rls}/auth/sign-in`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password: DEMO_PASSWORD }) });
  return ((await res.json()) as { token: string }).token;
}

async function timed(url: string, token: string) {
  const t = performance.now();
  const res = await fetch(`${url}/graphql`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: JSON.stringify({ query: QUERY }) });
  const body = (await res.json()) as { errors?: unknown; data?: { students: { items: unknown[] } } };
  if (res.status !== 200 || body.errors || !body.data?.students.items.length) throw new Error(`bad response: ${JSON.stringify(body)}`);
  return performance.now() - t;
}

console.log(`students list, 25 per page, ${ROUNDS} sequential requests per path, demo district on PostgreSQL\n`);
console.log("| actor | raw SQL p50 | API without RLS p50 | API with RLS p50 | with / without RLS | API with RLS p99 |");
console.log("|---|---|---|---|---|---|");
for (const role of ["TEACHER", "ESC_DIRECTOR", "DISTRICT_ADMIN"] as const) {
  const login = DEMO_LOGINS.find((l) => l.role === role)!;
  const token = await tokenFor(login.email);
  const samples = { raw: [] as number[], rls: [] as number[], noRls: [] as number[] };
  for (let i = 0; i < ROUNDS + 30; i++) {
    const t = performance.now();
    await database.db.execute(sql`select s.id, s.first_name, s.last_name, s.grade_level, sc.name from student s join school sc on sc.id = s.school_id order by s.last_name, s.id limit 25`);
    await database.db.execute(sql`select count(*) from student`);
    const raw = performance.now() - t;
    const a = await timed(urls.noRls, token);
    const b = await timed(urls.rls, token);
    // The first rounds warm the JIT and the connection pool.
    if (i >= 30) {
      samples.raw.push(raw);
      samples.noRls.push(a);
      samples.rls.push(b);
    }
  }
  const p50 = (k: keyof typeof samples) => percentile(samples[k], 50);
  console.log(`| ${role} | ${ms(p50("raw"))} | ${ms(p50("noRls"))} | ${ms(p50("rls"))} | ${(p50("rls") / p50("noRls")).toFixed(2)}x | ${ms(percentile(samples.rls, 99))} |`);
}

await servers.rls.stop();
await servers.noRls.stop();
await database.close();
await target.drop();
