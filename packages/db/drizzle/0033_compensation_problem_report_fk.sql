-- A compensation log names the problem report its hours were spent on: the report must exist (a log naming a
-- report that does not exist was stored as given before). NOT VALID: rows written before are not checked, so
-- the migration cannot fail on them; every insert and update from now on is.
ALTER TABLE "compensation_log" ADD CONSTRAINT "compensation_log_problem_report_id_problem_report_id_fk" FOREIGN KEY ("problem_report_id") REFERENCES "public"."problem_report"("id") ON DELETE no action ON UPDATE no action NOT VALID;
