// The risk views on the district-sized data set (issue 9): median and p99 latency of the district ranking
// (schoolRisks, perPage 50, as a district administrator), an ESC overview (as that ESC's director) and a
// school page (schoolRiskDetail) through the real HTTP API (sign-in, GraphQL, actor transaction, row-level
// security), beside two floors measured in the same run on the same database by a plain pg client: the raw
// SQL that reads the same facts from the completion counters, and the raw SQL that computes them from
// scratch over all marks. Then a replay: the ranking as of a past instant (filter.asOf), computed from mark
// times and enrollment periods. Needs the lausd seed, migrated, in BENCH_RISK_URL (default
// postgres://postgres@127.0.0.1:5432/gw_lausd); writes nothing but a known password on two bench accounts.
import { createDb } from "@gradewatch/db";
import { schoolDaysBetween, zonedInstant } from "@gradewatch/domain";
import pg from "pg";
import { fixedClock } from "../src/clock.js";
import { hashPassword } from "../src/features/auth/password.js";
import { createServer } from "../src/server.js";
import { percentile } from "./util.js";

const url = process.env.BENCH_RISK_URL ?? "postgres://postgres@127.0.0.1:5432/gw_lausd";
const RUNS = Number(process.env.BENCH_RISK_RUNS ?? 40);
const SLOW_RUNS = Number(process.env.BENCH_RISK_SLOW_RUNS ?? 7);
const NOW = new Date("2014-11-05T16:00:00Z");
const AS_OF = new Date("2014-11-05T01:00:00Z"); // the evening after the November 4 outage
const LATER = new Date("2014-11-15T16:00:00Z"); // the day after the deadline
const PASSWORD = "bench-password-bench-password";

const pool = new pg.Pool({ connectionString: url, max: 4 });
const one = async <T>(text: string, values: unknown[] = []) => (await pool.query(text, values)).rows[0] as T;

const { id: periodId } = await one<{ id: number }>(
  `select id from reporting_period where level = 'ELEMENTARY' order by (window_opens_on <= '2014-11-05' and current_deadline >= '2014-11-05') desc, window_opens_on desc limit 1`,
);
const director = await one<{ id: number; email: string; esc_id: number }>(`select id, email, esc_id from employee where role = 'ESC_DIRECTOR' and active order by id limit 1`);
const admin = await one<{ id: number; email: string }>(`select id, email from employee where role = 'DISTRICT_ADMIN' and active order by id limit 1`);
const { school_id: pageSchool } = await one<{ school_id: number }>(
  `select c.school_id from completion_school c join school s on s.id = c.school_id where c.period_id = $1 and s.esc_id = $2 order by c.expected desc limit 1`,
  [periodId, director.esc_id],
);
if (!pageSchool) throw new Error(`no completion counters in ${url}: migrate it (pnpm reconcile migrates and fills them)`);

// The facts the views need, per school: completion, per-teacher progress and best day, entries per day,
// held-back marks, open problem reports.
// $1 period, $2 ESC (null: all), $3 school (null: all).
const where = (alias: string) => `and ($2::int is null or ${alias}.school_id in (select id from school where esc_id = $2)) and ($3::int is null or ${alias}.school_id = $3)`;
const COUNTERS_SQL = `select
  (select json_agg(json_build_array(c.school_id, s.esc_id, c.expected, c.entered)) from completion_school c join school s on s.id = c.school_id where c.period_id = $1 ${where("c")}) as schools,
  (select json_agg(json_build_array(t.school_id, t.teacher_id, t.expected, t.entered, t.first_entered_at, t.last_entered_at)) from completion_teacher t where t.period_id = $1 ${where("t")}) as teachers,
  (select json_agg(json_build_array(d.school_id, d.day, d.entered)) from completion_school_day d where d.period_id = $1 ${where("d")}) as days,
  (select json_agg(json_build_array(o.school_id, o.outage_id, o.marks)) from completion_outage o where o.period_id = $1 ${where("o")}) as outages,
  (select json_agg(json_build_array(b.school_id, b.teacher_id, b.best)) from (select school_id, teacher_id, max(n) as best from (
     select c.school_id, c.teacher_id, d.day, sum(d.entered) as n from completion_section_day d
     join completion_section c on c.period_id = d.period_id and c.section_id = d.section_id where d.period_id = $1 ${where("c")} group by 1, 2, 3) td
   group by 1, 2) b) as best,
  (select json_agg(r) from gw_open_report_facts(null, null) r) as reports`;
const SCRATCH_SQL = `with sec as (select s.id, s.school_id, s.teacher_id from section s join reporting_period p on p.level = s.level where p.id = $1 ${where("s")}),
  enr as (select e.section_id, count(*)::int as n from enrollment e join sec on sec.id = e.section_id where e.ended_at is null group by 1),
  mk as (select m.section_id, m.entered_at from mark m join sec on sec.id = m.section_id
         join enrollment e on e.section_id = m.section_id and e.student_id = m.student_id and e.ended_at is null where m.period_id = $1),
  per_section as (select sec.school_id, sec.teacher_id, coalesce(enr.n, 0) * (select count(*) from grading_item where period_id = $1) as expected,
                         coalesce(x.n, 0) as entered, x.first_at, x.last_at
                  from sec left join enr on enr.section_id = sec.id
                  left join (select section_id, count(*) as n, min(entered_at) as first_at, max(entered_at) as last_at from mk group by 1) x on x.section_id = sec.id)
  select
  (select json_agg(x) from (select school_id, sum(expected), sum(entered) from per_section group by 1) x) as schools,
  (select json_agg(x) from (select school_id, teacher_id, sum(expected), sum(entered), min(first_at), max(last_at) from per_section group by 1, 2) x) as teachers,
  (select json_agg(x) from (select sec.school_id, (mk.entered_at at time zone 'America/Los_Angeles')::date, count(*) from mk join sec on sec.id = mk.section_id group by 1, 2) x) as days,
  (select json_agg(x) from (select m.school_id, o.id, count(distinct h.mark_id) from mark_history h
     join outage o on o.kind = 'UNPLANNED' and h.client_entered_at >= o.starts_at and h.client_entered_at < o.ends_at and h.changed_at > o.ends_at
     join mark m on m.id = h.mark_id where m.period_id = $1 ${where("m")} group by 1, 2) x) as outages,
  (select json_agg(x) from (select school_id, teacher_id, max(n) from (select sec.school_id, sec.teacher_id, (mk.entered_at at time zone 'America/Los_Angeles')::date, count(*) as n
     from mk join sec on sec.id = mk.section_id group by 1, 2, 3) td group by 1, 2) x) as best,
  (select json_agg(r) from gw_open_report_facts(null, null) r) as reports`;

const database = await createDb({ databaseUrl: url, poolSize: 10 });
const secret = new TextEncoder().encode("bench-secret-bench-secret-bench-secret");
const server = await createServer({ db: database.db, dbKind: "postgres", clock: fixedClock(NOW), auth: { secret, slowDownMs: 1 } });
const api = `http://127.0.0.1:${await server.listen(0, "127.0.0.1")}`;
// A second API on the same database whose clock stands after the deadline, for replays of the whole window.
const laterServer = await createServer({ db: database.db, dbKind: "postgres", clock: fixedClock(LATER), auth: { secret, slowDownMs: 1 } });
const laterApi = `http://127.0.0.1:${await laterServer.listen(0, "127.0.0.1")}`;
const hash = await hashPassword(PASSWORD);
async function tokenOf(account: { id: number; email: string }, base = api) {
  await pool.query(`update employee set password_hash = $1 where id = $2`, [hash, account.id]);
  const res = await fetch(`${base}/auth/sign-in`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: account.email, password: PASSWORD }) });
  if (res.status !== 200) throw new Error(`sign-in failed for ${account.email}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}
const tokens = { admin: await tokenOf(admin), director: await tokenOf(director), laterAdmin: await tokenOf(admin, laterApi) };

const RISK = `id school { name } level previousLevel percent remaining schoolDaysLeft deadlineDay extendedTo neededPerDay pacePerDay projectedFinish reasons { code text teachers { id lastName } }`;
const QUERIES = {
  ranking: `query { schoolRisks(perPage: 50) { total items { ${RISK} } } }`,
  escOverview: `query($escId: ID!) { escRiskOverview(escId: $escId) { esc { name } expected entered percent counts { level schools } burnUp { day entered expected ideal } changedSincePreviousSchoolDay { school { name } from to } } }`,
  schoolPage: `query($schoolId: ID!) { schoolRiskDetail(schoolId: $schoolId) { risk { ${RISK} } byTeacher { id label expected entered percent lastEnteredAt teacher { id } }
    bySection { id label expected entered percent } burnUp { day entered expected ideal } notStarted { id firstName lastName } extensions { id extendedTo reason } } }`,
  asOfRanking: `query($asOf: DateTimeISO!) { schoolRisks(perPage: 50, filter: { asOf: $asOf }) { total items { ${RISK} } } }`,
};

async function graphql(token: string, query: string, variables: Record<string, unknown> = {}, base = api) {
  const res = await fetch(`${base}/graphql`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
  const text = await res.text();
  const body = JSON.parse(text) as { errors?: unknown };
  if (res.status !== 200 || body.errors) throw new Error(`GraphQL failed (HTTP ${res.status}): ${text.slice(0, 500)}`);
  return body;
}

async function timed(runs: number, f: () => Promise<unknown>) {
  await f(); // warm-up: plans, caches, the previous school day's levels
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await f();
    samples.push(performance.now() - started);
  }
  return { p50: percentile(samples, 50), p99: percentile(samples, 99) };
}

const cores = (await import("node:os")).availableParallelism();
const { n: marks } = await one<{ n: number }>(`select count(*)::int as n from mark where period_id = $1`, [periodId]);
const { n: schools } = await one<{ n: number }>(`select count(*)::int as n from completion_school where period_id = $1`, [periodId]);
console.log(
  `risk views on ${url.replace(/\/\/[^@]*@/, "//")} (lausd seed): period ${periodId}, ${schools} schools, ${marks.toLocaleString("en-US")} marks; ${cores} cores; ` +
    `one client, sequential requests after one warm-up: ${RUNS} runs (${SLOW_RUNS} for from-scratch SQL and as-of); district clock ${NOW.toISOString()}\n`,
);
console.log("| view | GraphQL p50 | GraphQL p99 | counters SQL p50 | counters SQL p99 | from-scratch SQL p50 | from-scratch SQL p99 | GraphQL / counters (p50) | from scratch / GraphQL (p50) |");
console.log("|---|---|---|---|---|---|---|---|---|");
const fmt = (n: number) => n.toFixed(2);
const misses: string[] = [];
try {
  const views = [
    { name: "district ranking (admin, perPage 50)", token: tokens.admin, query: QUERIES.ranking, vars: {}, params: [periodId, null, null] },
    { name: `ESC overview (director, ESC ${director.esc_id})`, token: tokens.director, query: QUERIES.escOverview, vars: { escId: String(director.esc_id) }, params: [periodId, director.esc_id, null] },
    { name: `school page (school ${pageSchool})`, token: tokens.director, query: QUERIES.schoolPage, vars: { schoolId: String(pageSchool) }, params: [periodId, null, pageSchool] },
  ];
  for (const v of views) {
    const gql = await timed(RUNS, () => graphql(v.token, v.query, v.vars));
    const counters = await timed(RUNS, () => pool.query(COUNTERS_SQL, v.params));
    const scratch = await timed(SLOW_RUNS, () => pool.query(SCRATCH_SQL, v.params));
    const ratio = gql.p50 / counters.p50;
    const speedup = scratch.p50 / gql.p50;
    if (v.name.startsWith("district") && ratio > 2) misses.push(`ranking: GraphQL ${fmt(ratio)}x the counters floor (target <= 2x)`);
    if (v.name.startsWith("district") && speedup < 100) misses.push(`ranking: from scratch only ${fmt(speedup)}x slower than GraphQL (target >= 100x)`);
    console.log(`| ${v.name} | ${fmt(gql.p50)} | ${fmt(gql.p99)} | ${fmt(counters.p50)} | ${fmt(counters.p99)} | ${fmt(scratch.p50)} | ${fmt(scratch.p99)} | ${fmt(ratio)}x | ${fmt(speedup)}x |`);
  }
  // A different instant each time (a second apart), so that every run computes the replay (the API keeps a
  // replay of the same instant while nothing changes).
  let shift = 0;
  const asOf = await timed(SLOW_RUNS, () => graphql(tokens.admin, QUERIES.asOfRanking, { asOf: new Date(AS_OF.getTime() + 1000 * shift++).toISOString() }));
  // And what a director picking past moments meets: 17:00 on each school day of the window in turn (the
  // later, the more marks: 2.2 million by November 14), each with a previous school day not yet replayed.
  const days = schoolDaysBetween("2014-10-28", "2014-11-14");
  let turn = 0;
  // The warm-up takes the first day; every run after it is a day not replayed before.
  const spread = await timed(days.length - 1, () => graphql(tokens.laterAdmin, QUERIES.asOfRanking, { asOf: zonedInstant(days[turn++ % days.length]!, "17:00").toISOString() }, laterApi));
  for (const [what, t] of [["evening after the outage", asOf], ["school days Oct 28 - Nov 14", spread]] as const) {
    if (t.p99 > 2000) misses.push(`as-of ranking (${what}) p99 ${fmt(t.p99)} ms (target < 2 s)`);
  }
  console.log(
    `\n| replay | GraphQL p50 | GraphQL p99 | target |\n|---|---|---|---|\n| district ranking as of ${AS_OF.toISOString()} (admin, perPage 50) | ${fmt(asOf.p50)} | ${fmt(asOf.p99)} | < 2000 ms |` +
      `\n| district ranking as of 17:00 on each school day Oct 28 - Nov 14 in turn, previous day not replayed yet (admin, perPage 50) | ${fmt(spread.p50)} | ${fmt(spread.p99)} | < 2000 ms |`,
  );
  console.log(misses.length ? `\nMISSED:\n${misses.map((m) => `- ${m}`).join("\n")}` : "\nall targets met");
} finally {
  await server.stop();
  await laterServer.stop();
  await database.close();
  await pool.end();
}
