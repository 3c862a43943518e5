import { is, sql } from "drizzle-orm";
import { NodePgSession, NodePgTransaction } from "drizzle-orm/node-postgres/session";
import type { PgDialect } from "drizzle-orm/pg-core";
import type pg from "pg";
import { type Db, requestDbOf, type Tx } from "@gradewatch/db";
import { dbRoleOf, ROLES } from "@gradewatch/domain/policy";
import type { DailyWindow } from "@gradewatch/domain";
import type { Actor } from "./actor.js";

export const STUDENT_DATA_TABLES = ["student", "enrollment", "mark", "mark_history"] as const;

/** The maintenance windows and planned maintenance in force at `checkedAt`, read with the request's identity. */
export interface MaintenanceSnapshot {
  checkedAt: Date;
  windows: DailyWindow[];
  plannedEndsAt: Date | null;
}

export interface ActorTransactionOptions {
  /** Read the maintenance state at this instant in the same statement that sets the identity (mutations). */
  maintenanceAt?: Date;
  /**
   * Look the actor up from this signed session (live, unexpired at `now`, employee active) in that same
   * statement, instead of passing an actor: the work gets it as frame.actor (null when the session is not
   * valid). Same rule as authenticate() in auth.service.ts.
   */
  session?: { id: string; now: Date };
}

const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

// The request's identity (and a mutation's maintenance state) as one statement, values inlined as
// literals so that it can travel in the same simple-protocol message as BEGIN. It runs as the login role
// (the authenticator on PostgreSQL), whose only rights are gw_session_actor() and the maintenance tables:
// the permission checks happen before its set_config('role') runs. The database derives the actor for
// row-level security from the session id alone (gw_actor(), migration 0011_request_roles); the role only picks the
// shape of the policies (migration 0012_row_security_policies).
export function identityStatement(actor: Actor | null, rls: boolean, at: Date | undefined, session?: ActorTransactionOptions["session"]): string {
  const roleOf = (role: string) => (rls ? `coalesce('gradewatch_' || lower(${role}), 'gradewatch_app')` : literal("none"));
  const columns: string[] = [];
  if (session) {
    if (!UUID.test(session.id)) throw new Error("Not a session id");
    columns.push(
      "a.id as actor_id",
      "a.role as actor_role",
      "a.school_id as actor_school_id",
      "a.esc_id as actor_esc_id",
      `set_config('gradewatch.session', case when a.id is null then '' else ${literal(session.id)} end, true)`,
      `set_config('role', ${roleOf("a.role")}, true)`,
    );
  } else {
    const sessionId = actor && UUID.test(actor.sessionId) ? actor.sessionId : "";
    columns.push(`set_config('gradewatch.session', ${literal(sessionId)}, true)`, `set_config('role', ${roleOf(actor ? literal(actor.role) : "null")}, true)`);
  }
  if (at) {
    const when = `${literal(at.toISOString())}::timestamptz`;
    columns.push(
      `(select coalesce(json_agg(json_build_object('startsAtLocal', w.starts_at_local, 'endsAtLocal', w.ends_at_local, 'timeZone', w.time_zone)), '[]'::json)
        from maintenance_window w where w.active = true) as windows`,
      `(select (extract(epoch from max(o.ends_at)) * 1000)::float8 from outage o
        where o.kind = 'MAINTENANCE' and o.starts_at <= ${when} and o.ends_at > ${when}) as planned_ends_at`,
    );
  }
  if (!session) return `select ${columns.join(", ")}`;
  // One row whether or not the session is valid, so the settings (and the role) are always set.
  return `select ${columns.join(", ")} from (select 1) as one
    left join gw_session_actor(${literal(session.id)}::uuid, ${literal(session.now.toISOString())}::timestamptz) as a on true`;
}

type Frame = { maintenance?: MaintenanceSnapshot; actor?: Actor | null };
type IdentityRow = {
  windows?: DailyWindow[] | string;
  planned_ends_at?: number | null;
  actor_id?: number | null;
  actor_role?: Actor["role"] | null;
  actor_school_id?: number | null;
  actor_esc_id?: number | null;
};

function frameOf(identity: unknown, options: ActorTransactionOptions): Frame {
  const last: unknown = Array.isArray(identity) ? identity[identity.length - 1] : identity;
  const row = (last as { rows: IdentityRow[] }).rows[0]!;
  const frame: Frame = {};
  if (options.session) {
    frame.actor =
      row.actor_id == null
        ? null
        : { id: Number(row.actor_id), role: row.actor_role!, schoolId: row.actor_school_id ?? null, escId: row.actor_esc_id ?? null, sessionId: options.session.id };
  }
  const at = options.maintenanceAt;
  if (at) {
    const windows = typeof row.windows === "string" ? (JSON.parse(row.windows) as DailyWindow[]) : row.windows!;
    frame.maintenance = { checkedAt: at, windows, plannedEndsAt: row.planned_ends_at == null ? null : new Date(Number(row.planned_ends_at)) };
  }
  return frame;
}

// drizzle's node-postgres database, whose session holds the pool; undefined for PGlite.
function nodePgRoot(db: Db): object | undefined {
  const session = (db as unknown as { session?: unknown }).session;
  return is(session, NodePgSession) ? (session as object) : undefined;
}

/**
 * Runs one request's work in a transaction whose identity is the actor's session, as the actor's
 * non-superuser request role, so row-level security applies. On PostgreSQL it logs in as the
 * authenticator (requestDbOf); without row-level security (measurements, tests of the application's own
 * scope) as the owner. set_config(..., true) is transaction-local: nothing carries over to the next
 * request on a pooled connection.
 */
export async function inActorTransaction<T>(
  db: Db,
  actor: Actor | null,
  work: (tx: Tx, frame: Frame) => Promise<T>,
  rls = true,
  options: ActorTransactionOptions = {},
): Promise<T> {
  const identity = identityStatement(actor, rls, options.maintenanceAt, options.session);
  const run = async (tx: Tx, first: unknown) => {
    const result = await work(tx, frameOf(first, options));
    // A failed statement leaves the transaction aborted, and PostgreSQL answers COMMIT with a silent
    // ROLLBACK: a request must never report success for work that was not committed. node-postgres keeps
    // the status the server reported when it was last ready ('T': in a transaction that has not failed),
    // but hands a statement's error to the caller before that report arrives: trust it only when the
    // connection is ready again with nothing in flight. Otherwise, and on PGlite, probe.
    if (transactionStatus(tx) !== "T") await tx.execute(sql`select 1`);
    return result;
  };
  const target = rls ? requestDbOf(db) : db;
  const root = nodePgRoot(target);
  if (!root) return target.transaction(async (tx) => run(tx, await tx.execute(sql.raw(identity))));
  // node-postgres: what drizzle's transaction() does, except that BEGIN and the identity go to the
  // server as one message (no parameters: the simple protocol, which allows two statements).
  const internals = root as unknown as { client: pg.Pool; dialect: PgDialect; schema: never; options: never };
  const client = await internals.client.connect();
  const session = new NodePgSession(client, internals.dialect, internals.schema, internals.options);
  const tx = new NodePgTransaction(internals.dialect, session, internals.schema) as unknown as Tx;
  try {
    const result = await run(tx, await tx.execute(sql.raw(`begin; ${identity}`)));
    await tx.execute(sql`commit`);
    return result;
  } catch (err) {
    await tx.execute(sql`rollback`);
    throw err;
  } finally {
    client.release();
  }
}

function transactionStatus(tx: Tx): string | undefined {
  const client = (tx as unknown as { session?: { client?: { readyForQuery?: boolean; getTransactionStatus?: () => string | null } } }).session
    ?.client;
  if (client?.readyForQuery !== true || typeof client.getTransactionStatus !== "function") return undefined;
  return client.getTransactionStatus() ?? undefined;
}

/** The database is not set up to protect student data; the API refuses to start. */
export class RowLevelSecurityError extends Error {
  override name = "RowLevelSecurityError";
}

/** Refuses to serve when the student-data tables are not protected by forced row-level security. */
export async function assertRowLevelSecurity(db: Db): Promise<void> {
  const result = await db.execute(sql`
    select relname, relrowsecurity, relforcerowsecurity from pg_class
    where relnamespace = 'public'::regnamespace and relkind = 'r' and relname in ('student', 'enrollment', 'mark', 'mark_history')`);
  const rows = (result as unknown as { rows: { relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean }[] }).rows;
  const protectedTables = new Set(rows.filter((r) => r.relrowsecurity && r.relforcerowsecurity).map((r) => r.relname));
  const missing = STUDENT_DATA_TABLES.filter((t) => !protectedTables.has(t));
  if (missing.length) {
    throw new RowLevelSecurityError(`Row-level security is not forced on ${missing.join(", ")}: refusing to serve student data`);
  }
  // Policies bind only roles that are neither superusers nor exempt from row-level security: the request
  // roles, and on PostgreSQL the role requests log in as (which RESET ROLE gets back).
  const requestRoles = ["gradewatch_app", ...ROLES.map(dbRoleOf)];
  const roleResult = await db.execute(
    sql`select rolname, rolsuper, rolbypassrls from pg_roles where rolname in (${sql.join(requestRoles.map((r) => sql`${r}`), sql`, `)})`,
  );
  const roles = (roleResult as unknown as { rows: RoleRow[] }).rows;
  const absent = requestRoles.filter((r) => !roles.some((row) => row.rolname === r));
  if (absent.length) throw new RowLevelSecurityError(`The role ${absent.join(", ")} does not exist: refusing to serve student data`);
  const requestDb = requestDbOf(db);
  if (requestDb !== db) {
    let login: RoleRow[];
    try {
      login = ((await requestDb.execute(sql`select rolname, rolsuper, rolbypassrls from pg_roles where rolname = current_user`)) as unknown as { rows: RoleRow[] }).rows;
    } catch (err) {
      throw new RowLevelSecurityError(`Cannot connect as the request role (DATABASE_AUTHENTICATOR_URL): ${(err as Error).message}`);
    }
    roles.push(...login);
  }
  for (const role of roles) {
    if (role.rolsuper || role.rolbypassrls) {
      throw new RowLevelSecurityError(
        `The role ${role.rolname} is ${role.rolsuper ? "a superuser" : "exempt from row-level security (BYPASSRLS)"}: refusing to serve student data`,
      );
    }
  }
}

type RoleRow = { rolname: string; rolsuper: boolean; rolbypassrls: boolean };
