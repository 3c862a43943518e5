-- GENERATED from packages/domain/src/policy.ts by `pnpm --filter @gradewatch/db rls`: do not edit by hand.
-- row-security.test.ts fails when this file and the policy disagree.
-- One request role per employee role, each able to use gradewatch_app's table rights, each only
-- reachable by the authenticator. Roles are cluster-wide: one another database made first is fine.
DO $$
DECLARE
  r text;
BEGIN
  FOREACH r IN ARRAY ARRAY['gradewatch_teacher', 'gradewatch_principal', 'gradewatch_esc_director', 'gradewatch_instructional_superintendent', 'gradewatch_hr', 'gradewatch_district_admin'] LOOP
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
$$;--> statement-breakpoint
-- How far the actor reaches with an operation: none, own, school, esc, all.
-- PL/pgSQL, like the two below: its plans are kept for the session, where a SQL function's are not.
CREATE OR REPLACE FUNCTION gw_reach(p_op text) RETURNS text LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN coalesce(CASE gw_actor_role() || ':' || p_op
    WHEN 'TEACHER:mark.read' THEN 'own'
    WHEN 'TEACHER:mark.update' THEN 'own'
    WHEN 'TEACHER:student.read' THEN 'own'
    WHEN 'PRINCIPAL:mark.read' THEN 'school'
    WHEN 'PRINCIPAL:mark.update' THEN 'school'
    WHEN 'PRINCIPAL:section.update' THEN 'school'
    WHEN 'PRINCIPAL:student.read' THEN 'school'
    WHEN 'PRINCIPAL:student.update' THEN 'school'
    WHEN 'ESC_DIRECTOR:mark.read' THEN 'esc'
    WHEN 'ESC_DIRECTOR:student.read' THEN 'esc'
    WHEN 'INSTRUCTIONAL_SUPERINTENDENT:mark.read' THEN 'esc'
    WHEN 'INSTRUCTIONAL_SUPERINTENDENT:student.read' THEN 'esc'
    WHEN 'DISTRICT_ADMIN:mark.read' THEN 'all'
    WHEN 'DISTRICT_ADMIN:mark.update' THEN 'all'
    WHEN 'DISTRICT_ADMIN:section.update' THEN 'all'
    WHEN 'DISTRICT_ADMIN:student.read' THEN 'all'
    WHEN 'DISTRICT_ADMIN:student.update' THEN 'all'
  END, 'none');
END
$$;--> statement-breakpoint
-- The schools an operation reaches (its ESC's or its own), or none when it reaches further or less far.
CREATE OR REPLACE FUNCTION gw_scope_school_ids(p_op text) RETURNS integer[] LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN CASE gw_reach(p_op)
    WHEN 'esc' THEN ARRAY(SELECT s.id FROM school s WHERE s.esc_id = (SELECT a.home_esc_id FROM gw_actor() a))
    WHEN 'school' THEN ARRAY(SELECT a.school_id FROM gw_actor() a WHERE a.school_id IS NOT NULL)
    ELSE '{}'::integer[]
  END;
END
$$;--> statement-breakpoint
-- The actor's own sections, when the operation reaches only those.
CREATE OR REPLACE FUNCTION gw_scope_section_ids(p_op text) RETURNS integer[] LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN CASE gw_reach(p_op)
    WHEN 'own' THEN ARRAY(SELECT s.id FROM section s WHERE s.teacher_id = (SELECT a.id FROM gw_actor() a))
    ELSE '{}'::integer[]
  END;
END
$$;--> statement-breakpoint
ALTER TABLE student ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE student FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE enrollment ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE enrollment FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE mark ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE mark FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE mark_history ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE mark_history FORCE ROW LEVEL SECURITY;--> statement-breakpoint
DROP POLICY IF EXISTS student_scope ON student;--> statement-breakpoint
DROP POLICY IF EXISTS enrollment_scope ON enrollment;--> statement-breakpoint
DROP POLICY IF EXISTS mark_scope ON mark;--> statement-breakpoint
DROP POLICY IF EXISTS mark_history_scope ON mark_history;--> statement-breakpoint
CREATE POLICY student_teacher_select ON student FOR SELECT TO gradewatch_teacher USING (id IN (SELECT e.student_id FROM enrollment e WHERE e.ended_at IS NULL AND e.section_id = ANY ((SELECT gw_scope_section_ids('student.read'))::integer[])));--> statement-breakpoint
CREATE POLICY student_principal_select ON student FOR SELECT TO gradewatch_principal USING (school_id = ANY ((SELECT gw_scope_school_ids('student.read'))::integer[]));--> statement-breakpoint
CREATE POLICY student_principal_insert ON student FOR INSERT TO gradewatch_principal WITH CHECK (school_id = ANY ((SELECT gw_scope_school_ids('student.update'))::integer[]));--> statement-breakpoint
CREATE POLICY student_principal_update ON student FOR UPDATE TO gradewatch_principal USING (school_id = ANY ((SELECT gw_scope_school_ids('student.update'))::integer[])) WITH CHECK (school_id = ANY ((SELECT gw_scope_school_ids('student.update'))::integer[]));--> statement-breakpoint
CREATE POLICY student_principal_delete ON student FOR DELETE TO gradewatch_principal USING (school_id = ANY ((SELECT gw_scope_school_ids('student.update'))::integer[]));--> statement-breakpoint
CREATE POLICY student_esc_director_select ON student FOR SELECT TO gradewatch_esc_director USING ((SELECT gw_reach('student.read')) = 'esc' AND school_id IN (SELECT sc.id FROM school sc WHERE sc.esc_id = (SELECT a.home_esc_id FROM gw_actor() a)));--> statement-breakpoint
CREATE POLICY student_instructional_superintendent_select ON student FOR SELECT TO gradewatch_instructional_superintendent USING ((SELECT gw_reach('student.read')) = 'esc' AND school_id IN (SELECT sc.id FROM school sc WHERE sc.esc_id = (SELECT a.home_esc_id FROM gw_actor() a)));--> statement-breakpoint
CREATE POLICY student_district_admin_select ON student FOR SELECT TO gradewatch_district_admin USING ((SELECT gw_reach('student.read')) = 'all');--> statement-breakpoint
CREATE POLICY student_district_admin_insert ON student FOR INSERT TO gradewatch_district_admin WITH CHECK ((SELECT gw_reach('student.update')) = 'all');--> statement-breakpoint
CREATE POLICY student_district_admin_update ON student FOR UPDATE TO gradewatch_district_admin USING ((SELECT gw_reach('student.update')) = 'all') WITH CHECK ((SELECT gw_reach('student.update')) = 'all');--> statement-breakpoint
CREATE POLICY student_district_admin_delete ON student FOR DELETE TO gradewatch_district_admin USING ((SELECT gw_reach('student.update')) = 'all');--> statement-breakpoint
CREATE POLICY enrollment_teacher_select ON enrollment FOR SELECT TO gradewatch_teacher USING (section_id = ANY ((SELECT gw_scope_section_ids('student.read'))::integer[]));--> statement-breakpoint
CREATE POLICY enrollment_principal_select ON enrollment FOR SELECT TO gradewatch_principal USING (school_id = ANY ((SELECT gw_scope_school_ids('student.read'))::integer[]));--> statement-breakpoint
CREATE POLICY enrollment_principal_insert ON enrollment FOR INSERT TO gradewatch_principal WITH CHECK (school_id = ANY ((SELECT gw_scope_school_ids('section.update'))::integer[]));--> statement-breakpoint
CREATE POLICY enrollment_principal_update ON enrollment FOR UPDATE TO gradewatch_principal USING (school_id = ANY ((SELECT gw_scope_school_ids('section.update'))::integer[])) WITH CHECK (school_id = ANY ((SELECT gw_scope_school_ids('section.update'))::integer[]));--> statement-breakpoint
CREATE POLICY enrollment_principal_delete ON enrollment FOR DELETE TO gradewatch_principal USING (school_id = ANY ((SELECT gw_scope_school_ids('section.update'))::integer[]));--> statement-breakpoint
CREATE POLICY enrollment_esc_director_select ON enrollment FOR SELECT TO gradewatch_esc_director USING ((SELECT gw_reach('student.read')) = 'esc' AND school_id IN (SELECT sc.id FROM school sc WHERE sc.esc_id = (SELECT a.home_esc_id FROM gw_actor() a)));--> statement-breakpoint
CREATE POLICY enrollment_instructional_superintendent_select ON enrollment FOR SELECT TO gradewatch_instructional_superintendent USING ((SELECT gw_reach('student.read')) = 'esc' AND school_id IN (SELECT sc.id FROM school sc WHERE sc.esc_id = (SELECT a.home_esc_id FROM gw_actor() a)));--> statement-breakpoint
CREATE POLICY enrollment_district_admin_select ON enrollment FOR SELECT TO gradewatch_district_admin USING ((SELECT gw_reach('student.read')) = 'all');--> statement-breakpoint
CREATE POLICY enrollment_district_admin_insert ON enrollment FOR INSERT TO gradewatch_district_admin WITH CHECK ((SELECT gw_reach('section.update')) = 'all');--> statement-breakpoint
CREATE POLICY enrollment_district_admin_update ON enrollment FOR UPDATE TO gradewatch_district_admin USING ((SELECT gw_reach('section.update')) = 'all') WITH CHECK ((SELECT gw_reach('section.update')) = 'all');--> statement-breakpoint
CREATE POLICY enrollment_district_admin_delete ON enrollment FOR DELETE TO gradewatch_district_admin USING ((SELECT gw_reach('section.update')) = 'all');--> statement-breakpoint
CREATE POLICY mark_teacher_select ON mark FOR SELECT TO gradewatch_teacher USING (section_id = ANY ((SELECT gw_scope_section_ids('mark.read'))::integer[]));--> statement-breakpoint
CREATE POLICY mark_teacher_insert ON mark FOR INSERT TO gradewatch_teacher WITH CHECK (section_id = ANY ((SELECT gw_scope_section_ids('mark.update'))::integer[]));--> statement-breakpoint
CREATE POLICY mark_teacher_update ON mark FOR UPDATE TO gradewatch_teacher USING (section_id = ANY ((SELECT gw_scope_section_ids('mark.update'))::integer[])) WITH CHECK (section_id = ANY ((SELECT gw_scope_section_ids('mark.update'))::integer[]));--> statement-breakpoint
CREATE POLICY mark_teacher_delete ON mark FOR DELETE TO gradewatch_teacher USING (section_id = ANY ((SELECT gw_scope_section_ids('mark.update'))::integer[]));--> statement-breakpoint
CREATE POLICY mark_principal_select ON mark FOR SELECT TO gradewatch_principal USING (school_id = ANY ((SELECT gw_scope_school_ids('mark.read'))::integer[]));--> statement-breakpoint
CREATE POLICY mark_principal_insert ON mark FOR INSERT TO gradewatch_principal WITH CHECK (school_id = ANY ((SELECT gw_scope_school_ids('mark.update'))::integer[]));--> statement-breakpoint
CREATE POLICY mark_principal_update ON mark FOR UPDATE TO gradewatch_principal USING (school_id = ANY ((SELECT gw_scope_school_ids('mark.update'))::integer[])) WITH CHECK (school_id = ANY ((SELECT gw_scope_school_ids('mark.update'))::integer[]));--> statement-breakpoint
CREATE POLICY mark_principal_delete ON mark FOR DELETE TO gradewatch_principal USING (school_id = ANY ((SELECT gw_scope_school_ids('mark.update'))::integer[]));--> statement-breakpoint
CREATE POLICY mark_esc_director_select ON mark FOR SELECT TO gradewatch_esc_director USING ((SELECT gw_reach('mark.read')) = 'esc' AND school_id IN (SELECT sc.id FROM school sc WHERE sc.esc_id = (SELECT a.home_esc_id FROM gw_actor() a)));--> statement-breakpoint
CREATE POLICY mark_instructional_superintendent_select ON mark FOR SELECT TO gradewatch_instructional_superintendent USING ((SELECT gw_reach('mark.read')) = 'esc' AND school_id IN (SELECT sc.id FROM school sc WHERE sc.esc_id = (SELECT a.home_esc_id FROM gw_actor() a)));--> statement-breakpoint
CREATE POLICY mark_district_admin_select ON mark FOR SELECT TO gradewatch_district_admin USING ((SELECT gw_reach('mark.read')) = 'all');--> statement-breakpoint
CREATE POLICY mark_district_admin_insert ON mark FOR INSERT TO gradewatch_district_admin WITH CHECK ((SELECT gw_reach('mark.update')) = 'all');--> statement-breakpoint
CREATE POLICY mark_district_admin_update ON mark FOR UPDATE TO gradewatch_district_admin USING ((SELECT gw_reach('mark.update')) = 'all') WITH CHECK ((SELECT gw_reach('mark.update')) = 'all');--> statement-breakpoint
CREATE POLICY mark_district_admin_delete ON mark FOR DELETE TO gradewatch_district_admin USING ((SELECT gw_reach('mark.update')) = 'all');--> statement-breakpoint
CREATE POLICY mark_history_teacher_select ON mark_history FOR SELECT TO gradewatch_teacher USING (section_id = ANY ((SELECT gw_scope_section_ids('mark.read'))::integer[]));--> statement-breakpoint
CREATE POLICY mark_history_teacher_insert ON mark_history FOR INSERT TO gradewatch_teacher WITH CHECK (section_id = ANY ((SELECT gw_scope_section_ids('mark.update'))::integer[]));--> statement-breakpoint
CREATE POLICY mark_history_principal_select ON mark_history FOR SELECT TO gradewatch_principal USING (school_id = ANY ((SELECT gw_scope_school_ids('mark.read'))::integer[]));--> statement-breakpoint
CREATE POLICY mark_history_principal_insert ON mark_history FOR INSERT TO gradewatch_principal WITH CHECK (school_id = ANY ((SELECT gw_scope_school_ids('mark.update'))::integer[]));--> statement-breakpoint
CREATE POLICY mark_history_esc_director_select ON mark_history FOR SELECT TO gradewatch_esc_director USING ((SELECT gw_reach('mark.read')) = 'esc' AND school_id IN (SELECT sc.id FROM school sc WHERE sc.esc_id = (SELECT a.home_esc_id FROM gw_actor() a)));--> statement-breakpoint
CREATE POLICY mark_history_instructional_superintendent_select ON mark_history FOR SELECT TO gradewatch_instructional_superintendent USING ((SELECT gw_reach('mark.read')) = 'esc' AND school_id IN (SELECT sc.id FROM school sc WHERE sc.esc_id = (SELECT a.home_esc_id FROM gw_actor() a)));--> statement-breakpoint
CREATE POLICY mark_history_district_admin_select ON mark_history FOR SELECT TO gradewatch_district_admin USING ((SELECT gw_reach('mark.read')) = 'all');--> statement-breakpoint
CREATE POLICY mark_history_district_admin_insert ON mark_history FOR INSERT TO gradewatch_district_admin WITH CHECK ((SELECT gw_reach('mark.update')) = 'all');
