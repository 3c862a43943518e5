-- issue 11: compensation logs under row-level security, as a second wall behind the services' scope. A
-- request reads and decides the logs compensation.read reaches (packages/domain/src/policy.ts): its own,
-- a principal their school's, an ESC director their ESC's, HR and the district administrator all; it
-- files logs only as itself. One policy per request role (the style of 0012_row_security_policies): a role
-- that reaches everything gets `true`, which the planner drops, so HR's queue keeps its index scans.
ALTER TABLE compensation_log ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY compensation_log_teacher ON compensation_log FOR ALL TO gradewatch_teacher, gradewatch_instructional_superintendent
  USING (employee_id = (SELECT gw_actor_setting('id'))) WITH CHECK (employee_id = (SELECT gw_actor_setting('id')));--> statement-breakpoint
CREATE POLICY compensation_log_principal ON compensation_log FOR ALL TO gradewatch_principal
  USING (employee_id = (SELECT gw_actor_setting('id')) OR school_id = (SELECT gw_actor_setting('school')))
  WITH CHECK (employee_id = (SELECT gw_actor_setting('id')) OR school_id = (SELECT gw_actor_setting('school')));--> statement-breakpoint
CREATE POLICY compensation_log_esc_director ON compensation_log FOR ALL TO gradewatch_esc_director
  USING (employee_id = (SELECT gw_actor_setting('id')) OR esc_id = (SELECT a.home_esc_id FROM gw_actor() a))
  WITH CHECK (employee_id = (SELECT gw_actor_setting('id')) OR esc_id = (SELECT a.home_esc_id FROM gw_actor() a));--> statement-breakpoint
CREATE POLICY compensation_log_district ON compensation_log FOR ALL TO gradewatch_hr, gradewatch_district_admin USING (true) WITH CHECK (true);
