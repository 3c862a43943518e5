CREATE TYPE "public"."employee_role" AS ENUM('TEACHER', 'PRINCIPAL', 'ESC_DIRECTOR', 'INSTRUCTIONAL_SUPERINTENDENT', 'HR', 'DISTRICT_ADMIN');--> statement-breakpoint
CREATE TYPE "public"."mark_scale" AS ENUM('STANDARDS_1_4', 'EFFORT_ESU', 'LETTER_A_F');--> statement-breakpoint
CREATE TYPE "public"."outage_kind" AS ENUM('UNPLANNED', 'MAINTENANCE');--> statement-breakpoint
CREATE TYPE "public"."period_level" AS ENUM('ELEMENTARY', 'SECONDARY');--> statement-breakpoint
CREATE TYPE "public"."school_level" AS ENUM('ELEMENTARY', 'MIDDLE', 'HIGH', 'SPAN');--> statement-breakpoint
CREATE TABLE "employee" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "employee_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"employee_number" text NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"email" text NOT NULL,
	"role" "employee_role" NOT NULL,
	"school_id" integer,
	"esc_id" integer,
	"workday_start" time DEFAULT '07:30' NOT NULL,
	"workday_end" time DEFAULT '15:30' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"password_hash" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "employee_employeeNumber_unique" UNIQUE("employee_number"),
	CONSTRAINT "employee_email_unique" UNIQUE("email"),
	CONSTRAINT "employee_scope_matches_role" CHECK (("employee"."role" not in ('TEACHER', 'PRINCIPAL') or "employee"."school_id" is not null)
        and ("employee"."role" not in ('ESC_DIRECTOR', 'INSTRUCTIONAL_SUPERINTENDENT') or "employee"."esc_id" is not null)),
	CONSTRAINT "employee_workday_order" CHECK ("employee"."workday_start" < "employee"."workday_end")
);
--> statement-breakpoint
CREATE TABLE "esc" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "esc_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "esc_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "school" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "school_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"location_code" text NOT NULL,
	"name" text NOT NULL,
	"level" "school_level" NOT NULL,
	"esc_id" integer NOT NULL,
	"principal_id" integer,
	"enrollment" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "school_locationCode_unique" UNIQUE("location_code"),
	CONSTRAINT "school_enrollment_nonnegative" CHECK ("school"."enrollment" >= 0),
	CONSTRAINT "school_location_code_format" CHECK ("school"."location_code" ~ '^[0-9]{4}$')
);
--> statement-breakpoint
CREATE TABLE "enrollment" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "enrollment_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"school_id" integer NOT NULL,
	"section_id" integer NOT NULL,
	"student_id" integer NOT NULL,
	CONSTRAINT "enrollment_section_student_key" UNIQUE("section_id","student_id")
);
--> statement-breakpoint
CREATE TABLE "section" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "section_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"school_id" integer NOT NULL,
	"teacher_id" integer NOT NULL,
	"course_name" text NOT NULL,
	"grade_level" smallint NOT NULL,
	"level" "period_level" NOT NULL,
	CONSTRAINT "section_grade_level_range" CHECK ("section"."grade_level" between 0 and 12)
);
--> statement-breakpoint
CREATE TABLE "student" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "student_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"district_student_id" text NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"grade_level" smallint NOT NULL,
	"school_id" integer NOT NULL,
	CONSTRAINT "student_districtStudentId_unique" UNIQUE("district_student_id"),
	CONSTRAINT "student_grade_level_range" CHECK ("student"."grade_level" between 0 and 12)
);
--> statement-breakpoint
CREATE TABLE "grading_item" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "grading_item_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"period_id" integer NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"scale" "mark_scale" NOT NULL,
	"position" smallint NOT NULL,
	CONSTRAINT "grading_item_period_code_key" UNIQUE("period_id","code")
);
--> statement-breakpoint
CREATE TABLE "mark" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "mark_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"school_id" integer NOT NULL,
	"period_id" integer NOT NULL,
	"section_id" integer NOT NULL,
	"student_id" integer NOT NULL,
	"grading_item_id" integer NOT NULL,
	"value" text NOT NULL,
	"comment" text,
	"entered_by_id" integer NOT NULL,
	"entered_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "mark_period_section_student_item_key" UNIQUE("period_id","section_id","student_id","grading_item_id"),
	CONSTRAINT "mark_version_positive" CHECK ("mark"."version" >= 1),
	CONSTRAINT "mark_value_not_blank" CHECK (length(trim("mark"."value")) > 0)
);
--> statement-breakpoint
CREATE TABLE "reporting_period" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "reporting_period_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"school_year" text NOT NULL,
	"name" text NOT NULL,
	"level" "period_level" NOT NULL,
	"window_opens_on" date NOT NULL,
	"original_deadline" date NOT NULL,
	"current_deadline" date NOT NULL,
	CONSTRAINT "reporting_period_year_name_key" UNIQUE("school_year","name"),
	CONSTRAINT "reporting_period_school_year_format" CHECK ("reporting_period"."school_year" ~ '^[0-9]{4}-[0-9]{2}$'),
	CONSTRAINT "reporting_period_window_order" CHECK ("reporting_period"."window_opens_on" <= "reporting_period"."original_deadline"),
	CONSTRAINT "reporting_period_deadline_not_earlier" CHECK ("reporting_period"."current_deadline" >= "reporting_period"."original_deadline")
);
--> statement-breakpoint
CREATE TABLE "district_setting" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "maintenance_window" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "maintenance_window_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"starts_at_local" time NOT NULL,
	"ends_at_local" time NOT NULL,
	"time_zone" text DEFAULT 'America/Los_Angeles' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	CONSTRAINT "maintenance_window_order" CHECK ("maintenance_window"."starts_at_local" < "maintenance_window"."ends_at_local")
);
--> statement-breakpoint
CREATE TABLE "outage" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "outage_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kind" "outage_kind" NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"description" text NOT NULL,
	CONSTRAINT "outage_ends_after_start" CHECK ("outage"."ends_at" > "outage"."starts_at")
);
--> statement-breakpoint
ALTER TABLE "employee" ADD CONSTRAINT "employee_school_id_school_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."school"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employee" ADD CONSTRAINT "employee_esc_id_esc_id_fk" FOREIGN KEY ("esc_id") REFERENCES "public"."esc"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school" ADD CONSTRAINT "school_esc_id_esc_id_fk" FOREIGN KEY ("esc_id") REFERENCES "public"."esc"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school" ADD CONSTRAINT "school_principal_id_employee_id_fk" FOREIGN KEY ("principal_id") REFERENCES "public"."employee"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrollment" ADD CONSTRAINT "enrollment_school_id_school_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."school"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrollment" ADD CONSTRAINT "enrollment_section_id_section_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."section"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrollment" ADD CONSTRAINT "enrollment_student_id_student_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."student"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "section" ADD CONSTRAINT "section_school_id_school_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."school"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "section" ADD CONSTRAINT "section_teacher_id_employee_id_fk" FOREIGN KEY ("teacher_id") REFERENCES "public"."employee"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "student" ADD CONSTRAINT "student_school_id_school_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."school"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grading_item" ADD CONSTRAINT "grading_item_period_id_reporting_period_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."reporting_period"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mark" ADD CONSTRAINT "mark_school_id_school_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."school"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mark" ADD CONSTRAINT "mark_period_id_reporting_period_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."reporting_period"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mark" ADD CONSTRAINT "mark_section_id_section_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."section"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mark" ADD CONSTRAINT "mark_student_id_student_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."student"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mark" ADD CONSTRAINT "mark_grading_item_id_grading_item_id_fk" FOREIGN KEY ("grading_item_id") REFERENCES "public"."grading_item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mark" ADD CONSTRAINT "mark_entered_by_id_employee_id_fk" FOREIGN KEY ("entered_by_id") REFERENCES "public"."employee"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "employee_school_idx" ON "employee" USING btree ("school_id");--> statement-breakpoint
CREATE INDEX "employee_esc_idx" ON "employee" USING btree ("esc_id");--> statement-breakpoint
CREATE INDEX "employee_role_idx" ON "employee" USING btree ("role");--> statement-breakpoint
CREATE INDEX "employee_last_name_idx" ON "employee" USING btree ("last_name","first_name");--> statement-breakpoint
CREATE INDEX "school_esc_idx" ON "school" USING btree ("esc_id");--> statement-breakpoint
CREATE INDEX "school_principal_idx" ON "school" USING btree ("principal_id");--> statement-breakpoint
CREATE INDEX "school_name_idx" ON "school" USING btree ("name");--> statement-breakpoint
CREATE INDEX "enrollment_student_idx" ON "enrollment" USING btree ("student_id");--> statement-breakpoint
CREATE INDEX "enrollment_school_idx" ON "enrollment" USING btree ("school_id");--> statement-breakpoint
CREATE INDEX "section_school_idx" ON "section" USING btree ("school_id");--> statement-breakpoint
CREATE INDEX "section_teacher_idx" ON "section" USING btree ("teacher_id");--> statement-breakpoint
CREATE INDEX "student_school_idx" ON "student" USING btree ("school_id");--> statement-breakpoint
CREATE INDEX "student_last_name_idx" ON "student" USING btree ("last_name","first_name");--> statement-breakpoint
CREATE INDEX "mark_school_period_idx" ON "mark" USING btree ("school_id","period_id");--> statement-breakpoint
CREATE INDEX "mark_section_idx" ON "mark" USING btree ("section_id");--> statement-breakpoint
CREATE INDEX "mark_student_idx" ON "mark" USING btree ("student_id");--> statement-breakpoint
CREATE INDEX "mark_updated_at_idx" ON "mark" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "outage_starts_at_idx" ON "outage" USING btree ("starts_at");