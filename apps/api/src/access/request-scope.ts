import { sql } from "drizzle-orm";
import type { Db, Tx } from "@gradewatch/db";
import type { Actor } from "./actor.js";

export const STUDENT_DATA_TABLES = ["student", "enrollment", "mark", "mark_history"] as const;

/**
 * Runs one request's work in a transaction whose identity is the actor's, as the non-superuser
 * gradewatch_app role, so row-level security applies. set_config(..., true) is transaction-local:
 * nothing carries over to the next request on a pooled connection.
 */
export function inActorTransaction<T>(db: Db, actor: Actor | null, work: (tx: Tx) => Promise<T>, rls = true): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select
      set_config('gradewatch.actor_role', ${actor?.role ?? ""}, true),
      set_config('gradewatch.actor_id', ${actor ? String(actor.id) : ""}, true),
      set_config('gradewatch.actor_school', ${actor?.schoolId != null ? String(actor.schoolId) : ""}, true),
      set_config('gradewatch.actor_esc', ${actor?.escId != null ? String(actor.escId) : ""}, true),
      set_config('role', ${rls ? "gradewatch_app" : "none"}, true)`);
    const result = await work(tx);
    // A failed statement leaves the transaction aborted, and PostgreSQL answers COMMIT with a silent
    // ROLLBACK: probe first, so a request never reports success for work that was not committed.
    await tx.execute(sql`select 1`);
    return result;
  });
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
