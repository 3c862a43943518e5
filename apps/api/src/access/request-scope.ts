import { sql } from "drizzle-orm";
import type { Db, Tx } from "@gradewatch/db";
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
}

/**
 * Runs one request's work in a transaction whose identity is the actor's, as the non-superuser
 * gradewatch_app role, so row-level security applies. set_config(..., true) is transaction-local:
 * nothing carries over to the next request on a pooled connection.
 */
export function inActorTransaction<T>(
  db: Db,
  actor: Actor | null,
  work: (tx: Tx, frame: { maintenance?: MaintenanceSnapshot }) => Promise<T>,
  rls = true,
  options: ActorTransactionOptions = {},
): Promise<T> {
  return db.transaction(async (tx) => {
    const at = options.maintenanceAt;
    // The permission checks of this statement's subqueries happen before its set_config('role') runs;
    // maintenance_window and outage carry no row-level security, so the answer is the same either way.
    const maintenance = at
      ? sql`, (select coalesce(json_agg(json_build_object('startsAtLocal', w.starts_at_local, 'endsAtLocal', w.ends_at_local, 'timeZone', w.time_zone)), '[]'::json)
               from maintenance_window w where w.active = true) as windows,
             (select (extract(epoch from max(o.ends_at)) * 1000)::float8 from outage o
               where o.kind = 'MAINTENANCE' and o.starts_at <= ${at.toISOString()}::timestamptz and o.ends_at > ${at.toISOString()}::timestamptz) as planned_ends_at`
      : sql``;
    const identity = await tx.execute(sql`select
      set_config('gradewatch.actor_role', ${actor?.role ?? ""}, true),
      set_config('gradewatch.actor_id', ${actor ? String(actor.id) : ""}, true),
      set_config('gradewatch.actor_school', ${actor?.schoolId != null ? String(actor.schoolId) : ""}, true),
      set_config('gradewatch.actor_esc', ${actor?.escId != null ? String(actor.escId) : ""}, true),
      set_config('role', ${rls ? "gradewatch_app" : "none"}, true)${maintenance}`);
    const frame: { maintenance?: MaintenanceSnapshot } = {};
    if (at) {
      const row = (identity as unknown as { rows: { windows: DailyWindow[] | string; planned_ends_at: number | null }[] }).rows[0]!;
      const windows = typeof row.windows === "string" ? (JSON.parse(row.windows) as DailyWindow[]) : row.windows;
      frame.maintenance = { checkedAt: at, windows, plannedEndsAt: row.planned_ends_at == null ? null : new Date(Number(row.planned_ends_at)) };
    }
    const result = await work(tx, frame);
    // A failed statement leaves the transaction aborted, and PostgreSQL answers COMMIT with a silent
    // ROLLBACK: a request must never report success for work that was not committed. node-postgres
    // keeps the status the server reported after the last statement ('T': in a transaction that has not
    // failed); where it is not known (PGlite) or not 'T', probe.
    if (transactionStatus(tx) !== "T") await tx.execute(sql`select 1`);
    return result;
  });
}

function transactionStatus(tx: Tx): string | undefined {
  const client = (tx as unknown as { session?: { client?: { getTransactionStatus?: () => string | null } } }).session?.client;
  return typeof client?.getTransactionStatus === "function" ? (client.getTransactionStatus() ?? undefined) : undefined;
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
  // Policies bind only a role that is neither a superuser nor exempt from row-level security.
  const roleResult = await db.execute(sql`select rolsuper, rolbypassrls from pg_roles where rolname = 'gradewatch_app'`);
  const [role] = (roleResult as unknown as { rows: { rolsuper: boolean; rolbypassrls: boolean }[] }).rows;
  if (!role) throw new RowLevelSecurityError("The role gradewatch_app does not exist: refusing to serve student data");
  if (role.rolsuper || role.rolbypassrls) {
    throw new RowLevelSecurityError(
      `The role gradewatch_app is ${role.rolsuper ? "a superuser" : "exempt from row-level security (BYPASSRLS)"}: refusing to serve student data`,
    );
  }
}
