CREATE INDEX "student_last_name_trgm_idx" ON "student" USING gin ("last_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "student_first_name_trgm_idx" ON "student" USING gin ("first_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "student_district_student_id_trgm_idx" ON "student" USING gin ("district_student_id" gin_trgm_ops);