-- Defence in depth for student data: even a query that forgets its scope returns only the rows the
-- request's actor may see. The API runs each request as gradewatch_app (not a superuser) with the actor
-- set by set_config(..., true) inside the request's transaction.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'gradewatch_app') THEN
    CREATE ROLE gradewatch_app NOLOGIN NOSUPERUSER NOBYPASSRLS;
  END IF;
END
$$;--> statement-breakpoint
GRANT gradewatch_app TO CURRENT_USER;--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO gradewatch_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO gradewatch_app;--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO gradewatch_app;--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO gradewatch_app;--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO gradewatch_app;--> statement-breakpoint
-- Policies call these inside scalar subqueries: evaluated once per statement (an InitPlan), not per row.
CREATE FUNCTION gw_actor_role() RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS
  $$ SELECT coalesce(current_setting('gradewatch.actor_role', true), '') $$;--> statement-breakpoint
CREATE FUNCTION gw_actor_setting(name text) RETURNS integer LANGUAGE sql STABLE PARALLEL SAFE AS
  $$ SELECT nullif(current_setting('gradewatch.actor_' || name, true), '')::integer $$;--> statement-breakpoint
ALTER TABLE enrollment ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE enrollment FORCE ROW LEVEL SECURITY;--> statement-breakpoint
-- Each branch is a test on the actor or an uncorrelated subquery: both evaluated once per statement.
CREATE POLICY enrollment_scope ON enrollment USING (
  (SELECT gw_actor_role()) IN ('DISTRICT_ADMIN', 'SYSTEM')
  OR ((SELECT gw_actor_role()) IN ('ESC_DIRECTOR', 'INSTRUCTIONAL_SUPERINTENDENT')
      AND school_id IN (SELECT s.id FROM school s WHERE s.esc_id = (SELECT gw_actor_setting('esc'))))
  OR ((SELECT gw_actor_role()) = 'PRINCIPAL' AND school_id = (SELECT gw_actor_setting('school')))
  OR ((SELECT gw_actor_role()) = 'TEACHER' AND section_id IN (SELECT s.id FROM section s WHERE s.teacher_id = (SELECT gw_actor_setting('id'))))
);--> statement-breakpoint
ALTER TABLE student ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE student FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY student_scope ON student USING (
  (SELECT gw_actor_role()) IN ('DISTRICT_ADMIN', 'SYSTEM')
  OR ((SELECT gw_actor_role()) IN ('ESC_DIRECTOR', 'INSTRUCTIONAL_SUPERINTENDENT')
      AND school_id IN (SELECT s.id FROM school s WHERE s.esc_id = (SELECT gw_actor_setting('esc'))))
  OR ((SELECT gw_actor_role()) = 'PRINCIPAL' AND school_id = (SELECT gw_actor_setting('school')))
  OR ((SELECT gw_actor_role()) = 'TEACHER' AND id IN (
      SELECT e.student_id FROM enrollment e JOIN section s ON s.id = e.section_id WHERE s.teacher_id = (SELECT gw_actor_setting('id'))))
);--> statement-breakpoint
ALTER TABLE mark ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE mark FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY mark_scope ON mark USING (
  (SELECT gw_actor_role()) IN ('DISTRICT_ADMIN', 'SYSTEM')
  OR ((SELECT gw_actor_role()) IN ('ESC_DIRECTOR', 'INSTRUCTIONAL_SUPERINTENDENT')
      AND school_id IN (SELECT s.id FROM school s WHERE s.esc_id = (SELECT gw_actor_setting('esc'))))
  OR ((SELECT gw_actor_role()) = 'PRINCIPAL' AND school_id = (SELECT gw_actor_setting('school')))
  OR ((SELECT gw_actor_role()) = 'TEACHER' AND section_id IN (SELECT s.id FROM section s WHERE s.teacher_id = (SELECT gw_actor_setting('id'))))
);
