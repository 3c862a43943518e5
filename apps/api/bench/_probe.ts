import "reflect-metadata";
import { createDb } from "@gradewatch/db";
import pg from "pg";
import { fixedClock } from "../src/clock.js";
import { hashPassword } from "../src/features/auth/password.js";
import { createServer } from "../src/server.js";
const url = "postgres://postgres@127.0.0.1:5432/gw_lausd";
const pool = new pg.Pool({ connectionString: url, max: 2 });
const log: string[] = [];
const database = await createDb({ databaseUrl: url, poolSize: 10, logQuery: (q) => log.push(q) });
const server = await createServer({ db: database.db, dbKind: "postgres", clock: fixedClock(new Date("2014-11-05T16:00:00Z")), auth: { secret: new TextEncoder().encode("bench-secret-bench-secret-bench-secret"), slowDownMs: 1 } });
const base = `http://127.0.0.1:${await server.listen(0, "127.0.0.1")}`;
const [row] = (await pool.query(`select id, email from employee where role = $1 and active order by id limit 1`, [process.argv[2] ?? "DISTRICT_ADMIN"])).rows;
await pool.query(`update employee set password_hash = $1 where id = $2`, [await hashPassword("bench-password-bench-password"), row.id]);
const token = ((await (await fetch(`${base}/auth/sign-in`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: row.email, password: "bench-password-bench-password" }) })).json()) as any).token;
const q = process.argv[3] === "students" ? `{ students(perPage: 50) { items { id firstName lastName school { name } } } }` : `{ schools(perPage: 50) { items { id name esc { name } principal { firstName lastName } } } }`;
const times: number[] = [];
for (let i = 0; i < Number(process.env.N ?? 40); i++) {
  log.length = 0;
  const t = performance.now();
  const res = await fetch(`${base}/graphql`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: JSON.stringify({ query: q }) });
  await res.text();
  times.push(performance.now() - t);
}
console.log(log.map((l) => l.slice(0, 300)).join("\n---\n"));
times.sort((a, b) => a - b);
console.log("p50", times[20]!.toFixed(2), "min", times[0]!.toFixed(2));
const t0 = performance.now(); for (let i = 0; i < 40; i++) await pool.query(log[1]!.includes("$1") ? log[1]! : log[1]!, log[1]!.includes("$1") ? [50] : []); console.log("sql only", ((performance.now() - t0) / 40).toFixed(2));
await server.stop(); await database.close(); await pool.end();
