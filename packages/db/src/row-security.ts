import { dbRoleOf, type Operation, REACHES, type Reach, ROLES, ROW_SECURITY, reachOf } from "@gradewatch/domain/policy";

/** The migration that holds the generated SQL, by its name without the number (the number may change). */
export const ROW_SECURITY_MIGRATION = "row_security_policies";

const OLD_POLICIES = ["student_scope", "enrollment_scope", "mark_scope", "mark_history_scope"];
const TABLES = Object.keys(ROW_SECURITY) as (keyof typeof ROW_SECURITY)[];

// One branch per policy, chosen by the database role: an index can answer each of them. The arrays come
// from the session-derived actor (migration 0011_request_roles), so a request that sets another role gets that role's
// shape filled with its own, true, reach.
function body(reach: Reach, op: Operation, own: "student" | "section"): string {
  switch (reach) {
    case "all":
      return `(SELECT gw_reach('${op}')) = 'all'`;
    case "esc":
      // A subquery on school, not an array: the planner sizes it from the table and keeps a list's sort index.
      return `(SELECT gw_reach('${op}')) = 'esc' AND school_id IN (SELECT sc.id FROM school sc WHERE sc.esc_id = (SELECT a.home_esc_id FROM gw_actor() a))`;
    case "school":
      return `school_id = ANY ((SELECT gw_scope_school_ids('${op}'))::integer[])`;
    case "own":
      return own === "section"
        ? `section_id = ANY ((SELECT gw_scope_section_ids('${op}'))::integer[])`
        : `id IN (SELECT e.student_id FROM enrollment e WHERE e.ended_at IS NULL AND e.section_id = ANY ((SELECT gw_scope_section_ids('${op}'))::integer[]))`;
    case "none":
      throw new Error("no policy for no reach");
  }
}

function policies(): string[] {
  const out: string[] = [];
  for (const table of TABLES) {
    const { read, write, own } = ROW_SECURITY[table];
    for (const role of ROLES) {
      const dbRole = dbRoleOf(role);
      const name = `${table}_${role.toLowerCase()}`;
      const r = reachOf(role, read);
      if (r !== "none") out.push(`CREATE POLICY ${name}_select ON ${table} FOR SELECT TO ${dbRole} USING (${body(r, read, own)});`);
      const w = reachOf(role, write);
      if (w === "none") continue;
      const check = body(w, write, own);
      out.push(`CREATE POLICY ${name}_insert ON ${table} FOR INSERT TO ${dbRole} WITH CHECK (${check});`);
      // History is appended only (migration 0011_request_roles's trigger refuses the rest, even to the owner).
      if (table === "mark_history") continue;
      out.push(`CREATE POLICY ${name}_update ON ${table} FOR UPDATE TO ${dbRole} USING (${check}) WITH CHECK (${check});`);
      out.push(`CREATE POLICY ${name}_delete ON ${table} FOR DELETE TO ${dbRole} USING (${check});`);
    }
  }
  return out;
}

function reachCase(): string {
  const ops = [...new Set(TABLES.flatMap((t) => [ROW_SECURITY[t].read, ROW_SECURITY[t].write]))].sort();
  const arms = ROLES.flatMap((role) =>
    ops.filter((op) => reachOf(role, op) !== "none").map((op) => `    WHEN '${role}:${op}' THEN '${reachOf(role, op)}'`),
  );
  return arms.join("\n");
}

/** The SQL of the row-security migration, generated from the access policy (packages/domain/src/policy.ts). */
export function rowSecuritySql(): string {
  const roles = ROLES.map((r) => `'${dbRoleOf(r)}'`).join(", ");
  const statements = [
    `-- GENERATED from packages/domain/src/policy.ts by \`pnpm --filter @gradewatch/db rls\`: do not edit by hand.
-- row-security.test.ts fails when this file and the policy disagree.
-- One request role per employee role, each able to use gradewatch_app's table rights, each only
-- reachable by the authenticator. Roles are cluster-wide: one another database made first is fine.
DO $$
DECLARE
  r text;
BEGIN
  FOREACH r IN ARRAY ARRAY[${roles}] LOOP
    BEGIN
      EXECUTE format('CREATE ROLE %I NOLOGIN INHERIT NOSUPERUSER NOBYPASSRLS', r);
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END;
    BEGIN
      EXECUTE format('GRANT gradewatch_app TO %I', r);
      EXECUTE format('GRANT %I TO gradewatch_authenticator', r);
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END;
  END LOOP;
END
$$;`,
    `-- How far the actor reaches with an operation: ${REACHES.join(", ")}.
-- PL/pgSQL, like the two below: its plans are kept for the session, where a SQL function's are not.
CREATE OR REPLACE FUNCTION gw_reach(p_op text) RETURNS text LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN coalesce(CASE gw_actor_role() || ':' || p_op
${reachCase()}
  END, 'none');
END
$$;`,
    `-- The schools an operation reaches (its ESC's or its own), or none when it reaches further or less far.
CREATE OR REPLACE FUNCTION gw_scope_school_ids(p_op text) RETURNS integer[] LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN CASE gw_reach(p_op)
    WHEN 'esc' THEN ARRAY(SELECT s.id FROM school s WHERE s.esc_id = (SELECT a.home_esc_id FROM gw_actor() a))
    WHEN 'school' THEN ARRAY(SELECT a.school_id FROM gw_actor() a WHERE a.school_id IS NOT NULL)
    ELSE '{}'::integer[]
  END;
END
$$;`,
    `-- The actor's own sections, when the operation reaches only those.
CREATE OR REPLACE FUNCTION gw_scope_section_ids(p_op text) RETURNS integer[] LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN CASE gw_reach(p_op)
    WHEN 'own' THEN ARRAY(SELECT s.id FROM section s WHERE s.teacher_id = (SELECT a.id FROM gw_actor() a))
    ELSE '{}'::integer[]
  END;
END
$$;`,
    ...TABLES.flatMap((t) => [`ALTER TABLE ${t} ENABLE ROW LEVEL SECURITY;`, `ALTER TABLE ${t} FORCE ROW LEVEL SECURITY;`]),
    ...OLD_POLICIES.map((p) => `DROP POLICY IF EXISTS ${p} ON ${p.replace(/_scope$/, "")};`),
    ...policies(),
  ];
  return `${statements.join("--> statement-breakpoint\n")}\n`;
}
