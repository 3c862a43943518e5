CREATE TABLE "deadline_change" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "deadline_change_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"period_id" integer NOT NULL,
	"from_deadline" date NOT NULL,
	"to_deadline" date NOT NULL,
	"reason" text NOT NULL,
	"changed_by_id" integer,
	"changed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "deadline_change_reason_not_blank" CHECK (length(trim("deadline_change"."reason")) > 0)
);
--> statement-breakpoint
ALTER TABLE "enrollment" DROP CONSTRAINT "enrollment_section_student_key";--> statement-breakpoint
ALTER TABLE "enrollment" ADD COLUMN "started_at" timestamp with time zone;--> statement-breakpoint
-- Enrollments that exist already began no later than the first marking window opened (no mark is older).
UPDATE "enrollment" SET "started_at" = coalesce(
  (SELECT min(p.window_opens_on)::timestamp AT TIME ZONE 'America/Los_Angeles' FROM reporting_period p), now());--> statement-breakpoint
ALTER TABLE "enrollment" ALTER COLUMN "started_at" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "enrollment" ADD COLUMN "ended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "deadline_extension" ADD COLUMN "granted_by_id" integer;--> statement-breakpoint
ALTER TABLE "deadline_change" ADD CONSTRAINT "deadline_change_period_id_reporting_period_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."reporting_period"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deadline_change" ADD CONSTRAINT "deadline_change_changed_by_id_employee_id_fk" FOREIGN KEY ("changed_by_id") REFERENCES "public"."employee"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "deadline_change_period_idx" ON "deadline_change" USING btree ("period_id","changed_at");--> statement-breakpoint
ALTER TABLE "deadline_extension" ADD CONSTRAINT "deadline_extension_granted_by_id_employee_id_fk" FOREIGN KEY ("granted_by_id") REFERENCES "public"."employee"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "enrollment_open_section_student_key" ON "enrollment" USING btree ("section_id","student_id") WHERE "enrollment"."ended_at" is null;--> statement-breakpoint
CREATE INDEX "enrollment_section_student_idx" ON "enrollment" USING btree ("section_id","student_id");--> statement-breakpoint
ALTER TABLE "enrollment" ADD CONSTRAINT "enrollment_ends_after_start" CHECK ("enrollment"."ended_at" is null or "enrollment"."ended_at" >= "enrollment"."started_at");