CREATE TYPE "public"."compensation_category" AS ENUM('RE_ENTERING_LOST_DATA', 'GRADE_ENTRY_OUTSIDE_WORKDAY', 'SYSTEM_WORKAROUND', 'TRAINING', 'OTHER');--> statement-breakpoint
CREATE TYPE "public"."compensation_state" AS ENUM('DRAFT', 'SUBMITTED', 'CERTIFIED', 'APPROVED', 'REJECTED', 'EXPORTED');--> statement-breakpoint
CREATE TABLE "compensation_log" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "compensation_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"employee_id" integer NOT NULL,
	"school_id" integer,
	"esc_id" integer,
	"work_date" date NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"minutes" integer NOT NULL,
	"counted_minutes" integer NOT NULL,
	"category" "compensation_category" NOT NULL,
	"outage_id" integer,
	"problem_report_id" integer,
	"description" text NOT NULL,
	"state" "compensation_state" DEFAULT 'DRAFT' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"adjusts_log_id" integer,
	"pay_period_id" integer,
	"flagged" boolean DEFAULT false NOT NULL,
	"reason" text,
	"created_at" timestamp with time zone NOT NULL,
	"submitted_at" timestamp with time zone,
	"certified_by_id" integer,
	"certified_at" timestamp with time zone,
	"decided_by_id" integer,
	"decided_at" timestamp with time zone,
	CONSTRAINT "compensation_log_ends_after_start" CHECK ("compensation_log"."ends_at" > "compensation_log"."starts_at"),
	CONSTRAINT "compensation_log_minutes" CHECK ("compensation_log"."counted_minutes" > 0 and "compensation_log"."counted_minutes" <= "compensation_log"."minutes"),
	CONSTRAINT "compensation_log_description_not_blank" CHECK (length(trim("compensation_log"."description")) > 0)
);
--> statement-breakpoint
CREATE TABLE "compensation_log_history" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "compensation_log_history_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"log_id" integer NOT NULL,
	"from_state" "compensation_state",
	"to_state" "compensation_state" NOT NULL,
	"reason" text,
	"changed_by_id" integer NOT NULL,
	"changed_at" timestamp with time zone NOT NULL,
	"source" text NOT NULL,
	"operation_id" text,
	"request_id" text
);
--> statement-breakpoint
CREATE TABLE "compensation_setting" (
	"id" serial PRIMARY KEY NOT NULL,
	"window_start" date NOT NULL,
	"window_end" date NOT NULL,
	"daily_cap_minutes" integer NOT NULL,
	"budget_cents" bigint NOT NULL,
	"rates" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by_id" integer,
	CONSTRAINT "compensation_setting_window" CHECK ("compensation_setting"."window_start" <= "compensation_setting"."window_end"),
	CONSTRAINT "compensation_setting_cap" CHECK ("compensation_setting"."daily_cap_minutes" > 0)
);
--> statement-breakpoint
CREATE TABLE "pay_period" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "pay_period_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"closed_at" timestamp with time zone NOT NULL,
	"closed_by_id" integer NOT NULL,
	"log_count" integer NOT NULL,
	"total_cents" bigint NOT NULL,
	"summary_csv" text NOT NULL,
	"detail_csv" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "compensation_log" ADD CONSTRAINT "compensation_log_employee_id_employee_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employee"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compensation_log" ADD CONSTRAINT "compensation_log_school_id_school_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."school"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compensation_log" ADD CONSTRAINT "compensation_log_esc_id_esc_id_fk" FOREIGN KEY ("esc_id") REFERENCES "public"."esc"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compensation_log" ADD CONSTRAINT "compensation_log_outage_id_outage_id_fk" FOREIGN KEY ("outage_id") REFERENCES "public"."outage"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compensation_log" ADD CONSTRAINT "compensation_log_adjusts_log_id_compensation_log_id_fk" FOREIGN KEY ("adjusts_log_id") REFERENCES "public"."compensation_log"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compensation_log" ADD CONSTRAINT "compensation_log_pay_period_id_pay_period_id_fk" FOREIGN KEY ("pay_period_id") REFERENCES "public"."pay_period"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compensation_log" ADD CONSTRAINT "compensation_log_certified_by_id_employee_id_fk" FOREIGN KEY ("certified_by_id") REFERENCES "public"."employee"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compensation_log" ADD CONSTRAINT "compensation_log_decided_by_id_employee_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."employee"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compensation_log_history" ADD CONSTRAINT "compensation_log_history_log_id_compensation_log_id_fk" FOREIGN KEY ("log_id") REFERENCES "public"."compensation_log"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compensation_log_history" ADD CONSTRAINT "compensation_log_history_changed_by_id_employee_id_fk" FOREIGN KEY ("changed_by_id") REFERENCES "public"."employee"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compensation_setting" ADD CONSTRAINT "compensation_setting_updated_by_id_employee_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."employee"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pay_period" ADD CONSTRAINT "pay_period_closed_by_id_employee_id_fk" FOREIGN KEY ("closed_by_id") REFERENCES "public"."employee"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "compensation_log_employee_idx" ON "compensation_log" USING btree ("employee_id","work_date");--> statement-breakpoint
CREATE INDEX "compensation_log_state_idx" ON "compensation_log" USING btree ("state","submitted_at");--> statement-breakpoint
CREATE INDEX "compensation_log_school_idx" ON "compensation_log" USING btree ("school_id","state");--> statement-breakpoint
CREATE INDEX "compensation_log_esc_idx" ON "compensation_log" USING btree ("esc_id","state");--> statement-breakpoint
CREATE INDEX "compensation_log_history_log_idx" ON "compensation_log_history" USING btree ("log_id","changed_at");