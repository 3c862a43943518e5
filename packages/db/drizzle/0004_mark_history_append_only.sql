-- History is evidence: the application may add to it and read it, never change or remove it.
REVOKE UPDATE, DELETE, TRUNCATE ON mark_history FROM gradewatch_app;--> statement-breakpoint
ALTER TABLE mark_history ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE mark_history FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY mark_history_scope ON mark_history USING (
  (SELECT gw_actor_role()) IN ('DISTRICT_ADMIN', 'SYSTEM')
  OR ((SELECT gw_actor_role()) IN ('ESC_DIRECTOR', 'INSTRUCTIONAL_SUPERINTENDENT')
      AND school_id IN (SELECT s.id FROM school s WHERE s.esc_id = (SELECT gw_actor_setting('esc'))))
  OR ((SELECT gw_actor_role()) = 'PRINCIPAL' AND school_id = (SELECT gw_actor_setting('school')))
  OR ((SELECT gw_actor_role()) = 'TEACHER' AND section_id IN (SELECT s.id FROM section s WHERE s.teacher_id = (SELECT gw_actor_setting('id'))))
);--> statement-breakpoint
-- Stored results of mark operations belong to the employee who sent them.
ALTER TABLE mark_operation ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE mark_operation FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY mark_operation_owner ON mark_operation USING (
  (SELECT gw_actor_role()) = 'SYSTEM' OR actor_id = (SELECT gw_actor_setting('id'))
);
