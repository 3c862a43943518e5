CREATE TYPE "public"."mark_source" AS ENUM('GRID', 'IMPORT', 'API', 'RESTORE');--> statement-breakpoint
CREATE TABLE "deadline_extension" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "deadline_extension_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"period_id" integer NOT NULL,
	"school_id" integer NOT NULL,
	"section_id" integer,
	"extended_to" date NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "deadline_extension_reason_not_blank" CHECK (length(trim("deadline_extension"."reason")) > 0)
);
--> statement-breakpoint
CREATE TABLE "mark_history" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "mark_history_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"mark_id" bigint NOT NULL,
	"school_id" integer NOT NULL,
	"section_id" integer NOT NULL,
	"old_value" text,
	"new_value" text NOT NULL,
	"old_comment" text,
	"new_comment" text,
	"version" integer NOT NULL,
	"changed_by_id" integer NOT NULL,
	"changed_at" timestamp with time zone NOT NULL,
	"client_entered_at" timestamp with time zone,
	"source" "mark_source" NOT NULL,
	"operation_id" text,
	"request_id" text
);
--> statement-breakpoint
CREATE TABLE "mark_operation" (
	"actor_id" integer NOT NULL,
	"operation_id" text NOT NULL,
	"payload_hash" text NOT NULL,
	"result" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "mark_operation_actor_id_operation_id_pk" PRIMARY KEY("actor_id","operation_id")
);
--> statement-breakpoint
ALTER TABLE "deadline_extension" ADD CONSTRAINT "deadline_extension_period_id_reporting_period_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."reporting_period"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deadline_extension" ADD CONSTRAINT "deadline_extension_school_id_school_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."school"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deadline_extension" ADD CONSTRAINT "deadline_extension_section_id_section_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."section"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mark_history" ADD CONSTRAINT "mark_history_mark_id_mark_id_fk" FOREIGN KEY ("mark_id") REFERENCES "public"."mark"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mark_history" ADD CONSTRAINT "mark_history_school_id_school_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."school"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mark_history" ADD CONSTRAINT "mark_history_changed_by_id_employee_id_fk" FOREIGN KEY ("changed_by_id") REFERENCES "public"."employee"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mark_operation" ADD CONSTRAINT "mark_operation_actor_id_employee_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."employee"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "deadline_extension_lookup_idx" ON "deadline_extension" USING btree ("period_id","school_id");--> statement-breakpoint
CREATE INDEX "mark_history_mark_idx" ON "mark_history" USING btree ("mark_id","version");--> statement-breakpoint
CREATE INDEX "mark_history_school_idx" ON "mark_history" USING btree ("school_id","changed_at");