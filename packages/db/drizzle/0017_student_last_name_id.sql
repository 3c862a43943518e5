DROP INDEX "student_last_name_idx";--> statement-breakpoint
CREATE INDEX "student_last_name_idx" ON "student" USING btree ("last_name","id");