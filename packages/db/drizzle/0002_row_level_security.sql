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
CREATE FUNCTION gw_actor_role() RETURNS text LANGUAGE sql STABLE AS
  $$ SELECT coalesce(current_setting('gradewatch.actor_role', true), '') $$;--> statement-breakpoint
CREATE FUNCTION gw_actor_setting(name text) RETURNS integer LANGUAGE sql STABLE AS
  $$ SELECT nullif(current_setting('gradewatch.actor_' || name, true), '')::integer $$;--> statement-breakpoint
-- Whether the actor oversees the whole school (not only some of its sections).
CREATE FUNCTION gw_school_visible(target integer) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT CASE gw_actor_role()
    WHEN 'DISTRICT_ADMIN' THEN true
    WHEN 'SYSTEM' THEN true
    WHEN 'ESC_DIRECTOR' THEN EXISTS (SELECT 1 FROM school s WHERE s.id = target AND s.esc_id = gw_actor_setting('esc'))
    WHEN 'INSTRUCTIONAL_SUPERINTENDENT' THEN EXISTS (SELECT 1 FROM school s WHERE s.id = target AND s.esc_id = gw_actor_setting('esc'))
    WHEN 'PRINCIPAL' THEN target = gw_actor_setting('school')
    ELSE false
  END
$$;--> statement-breakpoint
CREATE FUNCTION gw_teaches(target_section integer) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT gw_actor_role() = 'TEACHER'
    AND EXISTS (SELECT 1 FROM section s WHERE s.id = target_section AND s.teacher_id = gw_actor_setting('id'))
$$;--> statement-breakpoint
ALTER TABLE enrollment ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE enrollment FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY enrollment_scope ON enrollment USING (gw_school_visible(school_id) OR gw_teaches(section_id));--> statement-breakpoint
ALTER TABLE student ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE student FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY student_scope ON student USING (
  gw_school_visible(school_id)
  OR (gw_actor_role() = 'TEACHER' AND EXISTS (SELECT 1 FROM enrollment e WHERE e.student_id = student.id))
);--> statement-breakpoint
ALTER TABLE mark ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE mark FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY mark_scope ON mark USING (gw_school_visible(school_id) OR gw_teaches(section_id));
