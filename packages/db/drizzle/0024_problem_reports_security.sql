-- Problem reports (issue 10) are school data: the school, its ESC's staff and the district administrators
-- see them; a teacher the reports they filed or that name their sections. The reach repeats the access
-- policy's "problemReport.read" (packages/domain/src/policy.ts); the API's matrix and property tests run
-- with and without row security, so the two cannot drift apart unseen.
CREATE FUNCTION gw_report_visible(p_school integer, p_filed_by integer, p_sections integer[]) RETURNS boolean
LANGUAGE plpgsql STABLE AS $$
DECLARE
  a record;
BEGIN
  SELECT * INTO a FROM gw_actor() LIMIT 1;
  IF a.id IS NULL THEN
    RETURN false;
  END IF;
  RETURN CASE a.role
    WHEN 'DISTRICT_ADMIN' THEN true
    WHEN 'ESC_DIRECTOR' THEN p_school IN (SELECT s.id FROM school s WHERE s.esc_id = a.home_esc_id)
    WHEN 'INSTRUCTIONAL_SUPERINTENDENT' THEN p_school IN (SELECT s.id FROM school s WHERE s.esc_id = a.home_esc_id)
    WHEN 'PRINCIPAL' THEN p_school = a.school_id
    WHEN 'TEACHER' THEN p_filed_by = a.id OR p_sections && ARRAY(SELECT s.id FROM section s WHERE s.teacher_id = a.id)
    ELSE false
  END;
END
$$;--> statement-breakpoint
-- Internal notes: the ESC's side only ("problemReport.manage"), never the school.
CREATE FUNCTION gw_reads_internal_notes() RETURNS boolean LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN gw_actor_role() IN ('ESC_DIRECTOR', 'INSTRUCTIONAL_SUPERINTENDENT', 'DISTRICT_ADMIN');
END
$$;--> statement-breakpoint
ALTER TABLE problem_report ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE problem_report_comment ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE problem_report_history ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE notification ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY problem_report_scope ON problem_report TO gradewatch_app
  USING (gw_report_visible(school_id, filed_by_id, section_ids))
  WITH CHECK (gw_report_visible(school_id, filed_by_id, section_ids));--> statement-breakpoint
CREATE POLICY problem_report_comment_scope ON problem_report_comment TO gradewatch_app
  USING (report_id IN (SELECT r.id FROM problem_report r) AND (NOT internal OR (SELECT gw_reads_internal_notes())))
  WITH CHECK (report_id IN (SELECT r.id FROM problem_report r) AND (NOT internal OR (SELECT gw_reads_internal_notes())));--> statement-breakpoint
CREATE POLICY problem_report_history_scope ON problem_report_history TO gradewatch_app
  USING (report_id IN (SELECT r.id FROM problem_report r))
  WITH CHECK (report_id IN (SELECT r.id FROM problem_report r));--> statement-breakpoint
-- A notification is its recipient's; a request may notify anyone about a report it sees.
CREATE POLICY notification_read ON notification FOR SELECT TO gradewatch_app USING (recipient_id = (SELECT gw_actor_setting('id')));--> statement-breakpoint
CREATE POLICY notification_mark_read ON notification FOR UPDATE TO gradewatch_app USING (recipient_id = (SELECT gw_actor_setting('id')));--> statement-breakpoint
CREATE POLICY notification_send ON notification FOR INSERT TO gradewatch_app WITH CHECK (report_id IN (SELECT r.id FROM problem_report r));--> statement-breakpoint
SELECT gw_make_append_only('problem_report_history');--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON problem_report_history FROM gradewatch_app;--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON problem_report, problem_report_comment, notification FROM gradewatch_app;
