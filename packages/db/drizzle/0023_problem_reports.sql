CREATE TYPE "public"."extension_request_status" AS ENUM('PENDING', 'APPROVED', 'DECLINED');--> statement-breakpoint
CREATE TYPE "public"."report_category" AS ENUM('SYSTEM_OUTAGE', 'DATA_LOSS', 'ROSTER_ERROR', 'ACCESS', 'PERFORMANCE', 'TRAINING', 'STAFFING', 'OTHER');--> statement-breakpoint
CREATE TYPE "public"."report_severity" AS ENUM('LOW', 'MEDIUM', 'HIGH', 'CRITICAL');--> statement-breakpoint
CREATE TYPE "public"."report_state" AS ENUM('NEW', 'ACKNOWLEDGED', 'IN_PROGRESS', 'WAITING_ON_SCHOOL', 'RESOLVED', 'CLOSED');--> statement-breakpoint
CREATE TABLE "notification" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "notification_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"recipient_id" integer NOT NULL,
	"report_id" integer,
	"kind" text NOT NULL,
	"message" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "problem_report" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "problem_report_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"school_id" integer NOT NULL,
	"period_id" integer,
	"filed_by_id" integer NOT NULL,
	"category" "report_category" NOT NULL,
	"severity" "report_severity" NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"outage_id" integer,
	"section_ids" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"teacher_ids" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"extension_requested_to" date,
	"extension_request_reason" text,
	"extension_section_id" integer,
	"extension_status" "extension_request_status",
	"extension_decision_reason" text,
	"extension_decided_by_id" integer,
	"extension_decided_at" timestamp with time zone,
	"deadline_extension_id" integer,
	"state" "report_state" DEFAULT 'NEW' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"assignee_id" integer,
	"filed_at" timestamp with time zone NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"sla_due_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "problem_report_title_not_blank" CHECK (length(trim("problem_report"."title")) > 0),
	CONSTRAINT "problem_report_extension_request_complete" CHECK (("problem_report"."extension_requested_to" is null) = ("problem_report"."extension_status" is null) and ("problem_report"."extension_requested_to" is null or length(trim(coalesce("problem_report"."extension_request_reason", ''))) > 0)),
	CONSTRAINT "problem_report_decline_has_reason" CHECK ("problem_report"."extension_status" is distinct from 'DECLINED' or length(trim(coalesce("problem_report"."extension_decision_reason", ''))) > 0)
);
--> statement-breakpoint
CREATE TABLE "problem_report_comment" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "problem_report_comment_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"report_id" integer NOT NULL,
	"school_id" integer NOT NULL,
	"author_id" integer NOT NULL,
	"body" text NOT NULL,
	"internal" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "problem_report_comment_not_blank" CHECK (length(trim("problem_report_comment"."body")) > 0)
);
--> statement-breakpoint
CREATE TABLE "problem_report_history" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "problem_report_history_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"report_id" integer NOT NULL,
	"school_id" integer NOT NULL,
	"action" text NOT NULL,
	"from_state" "report_state",
	"to_state" "report_state" NOT NULL,
	"version" integer NOT NULL,
	"detail" jsonb,
	"changed_by_id" integer NOT NULL,
	"changed_at" timestamp with time zone NOT NULL,
	"source" text NOT NULL,
	"operation_id" text,
	"request_id" text
);
--> statement-breakpoint
CREATE TABLE "sla_setting" (
	"severity" "report_severity" PRIMARY KEY NOT NULL,
	"acknowledge_minutes" integer NOT NULL,
	"resolve_minutes" integer NOT NULL,
	"updated_by_id" integer,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "sla_setting_positive" CHECK ("sla_setting"."acknowledge_minutes" > 0 and "sla_setting"."resolve_minutes" >= "sla_setting"."acknowledge_minutes")
);
--> statement-breakpoint
ALTER TABLE "deadline_extension" ADD COLUMN "problem_report_id" integer;--> statement-breakpoint
ALTER TABLE "notification" ADD CONSTRAINT "notification_recipient_id_employee_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."employee"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification" ADD CONSTRAINT "notification_report_id_problem_report_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."problem_report"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_report" ADD CONSTRAINT "problem_report_school_id_school_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."school"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_report" ADD CONSTRAINT "problem_report_period_id_reporting_period_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."reporting_period"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_report" ADD CONSTRAINT "problem_report_filed_by_id_employee_id_fk" FOREIGN KEY ("filed_by_id") REFERENCES "public"."employee"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_report" ADD CONSTRAINT "problem_report_outage_id_outage_id_fk" FOREIGN KEY ("outage_id") REFERENCES "public"."outage"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_report" ADD CONSTRAINT "problem_report_extension_section_id_section_id_fk" FOREIGN KEY ("extension_section_id") REFERENCES "public"."section"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_report" ADD CONSTRAINT "problem_report_extension_decided_by_id_employee_id_fk" FOREIGN KEY ("extension_decided_by_id") REFERENCES "public"."employee"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_report" ADD CONSTRAINT "problem_report_deadline_extension_id_deadline_extension_id_fk" FOREIGN KEY ("deadline_extension_id") REFERENCES "public"."deadline_extension"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_report" ADD CONSTRAINT "problem_report_assignee_id_employee_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."employee"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_report_comment" ADD CONSTRAINT "problem_report_comment_report_id_problem_report_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."problem_report"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_report_comment" ADD CONSTRAINT "problem_report_comment_school_id_school_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."school"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_report_comment" ADD CONSTRAINT "problem_report_comment_author_id_employee_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."employee"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_report_history" ADD CONSTRAINT "problem_report_history_report_id_problem_report_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."problem_report"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_report_history" ADD CONSTRAINT "problem_report_history_school_id_school_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."school"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_report_history" ADD CONSTRAINT "problem_report_history_changed_by_id_employee_id_fk" FOREIGN KEY ("changed_by_id") REFERENCES "public"."employee"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_setting" ADD CONSTRAINT "sla_setting_updated_by_id_employee_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."employee"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notification_recipient_idx" ON "notification" USING btree ("recipient_id","read_at","created_at");--> statement-breakpoint
CREATE INDEX "problem_report_school_idx" ON "problem_report" USING btree ("school_id","state");--> statement-breakpoint
CREATE INDEX "problem_report_sla_due_idx" ON "problem_report" USING btree ("sla_due_at","id");--> statement-breakpoint
CREATE INDEX "problem_report_assignee_idx" ON "problem_report" USING btree ("assignee_id");--> statement-breakpoint
CREATE INDEX "problem_report_comment_report_idx" ON "problem_report_comment" USING btree ("report_id","created_at");--> statement-breakpoint
CREATE INDEX "problem_report_history_report_idx" ON "problem_report_history" USING btree ("report_id","version");--> statement-breakpoint
ALTER TABLE "deadline_extension" ADD CONSTRAINT "deadline_extension_problem_report_id_problem_report_id_fk" FOREIGN KEY ("problem_report_id") REFERENCES "public"."problem_report"("id") ON DELETE no action ON UPDATE no action;