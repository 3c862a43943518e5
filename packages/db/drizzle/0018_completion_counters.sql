CREATE TABLE "completion_outage" (
	"period_id" integer NOT NULL,
	"school_id" integer NOT NULL,
	"outage_id" integer NOT NULL,
	"marks" integer NOT NULL,
	CONSTRAINT "completion_outage_period_id_school_id_outage_id_pk" PRIMARY KEY("period_id","school_id","outage_id")
);
--> statement-breakpoint
CREATE TABLE "completion_school" (
	"period_id" integer NOT NULL,
	"school_id" integer NOT NULL,
	"sections" integer NOT NULL,
	"expected" integer NOT NULL,
	"entered" integer NOT NULL,
	CONSTRAINT "completion_school_period_id_school_id_pk" PRIMARY KEY("period_id","school_id")
);
--> statement-breakpoint
CREATE TABLE "completion_school_day" (
	"period_id" integer NOT NULL,
	"school_id" integer NOT NULL,
	"day" date NOT NULL,
	"entered" integer NOT NULL,
	CONSTRAINT "completion_school_day_period_id_school_id_day_pk" PRIMARY KEY("period_id","school_id","day")
);
--> statement-breakpoint
CREATE TABLE "completion_section" (
	"period_id" integer NOT NULL,
	"section_id" integer NOT NULL,
	"school_id" integer NOT NULL,
	"teacher_id" integer NOT NULL,
	"enrolled" integer NOT NULL,
	"expected" integer NOT NULL,
	"entered" integer NOT NULL,
	"first_entered_at" timestamp with time zone,
	"last_entered_at" timestamp with time zone,
	CONSTRAINT "completion_section_period_id_section_id_pk" PRIMARY KEY("period_id","section_id")
);
--> statement-breakpoint
CREATE TABLE "completion_section_day" (
	"period_id" integer NOT NULL,
	"section_id" integer NOT NULL,
	"day" date NOT NULL,
	"entered" integer NOT NULL,
	CONSTRAINT "completion_section_day_period_id_section_id_day_pk" PRIMARY KEY("period_id","section_id","day")
);
--> statement-breakpoint
CREATE TABLE "completion_teacher" (
	"period_id" integer NOT NULL,
	"school_id" integer NOT NULL,
	"teacher_id" integer NOT NULL,
	"sections" integer NOT NULL,
	"expected" integer NOT NULL,
	"entered" integer NOT NULL,
	"first_entered_at" timestamp with time zone,
	"last_entered_at" timestamp with time zone,
	CONSTRAINT "completion_teacher_period_id_school_id_teacher_id_pk" PRIMARY KEY("period_id","school_id","teacher_id")
);
--> statement-breakpoint
CREATE TABLE "outage_held_mark" (
	"outage_id" integer NOT NULL,
	"mark_id" bigint NOT NULL,
	"period_id" integer NOT NULL,
	"school_id" integer NOT NULL,
	CONSTRAINT "outage_held_mark_outage_id_mark_id_pk" PRIMARY KEY("outage_id","mark_id")
);
--> statement-breakpoint
CREATE INDEX "completion_section_school_idx" ON "completion_section" USING btree ("period_id","school_id");--> statement-breakpoint
CREATE INDEX "completion_section_teacher_idx" ON "completion_section" USING btree ("period_id","teacher_id");--> statement-breakpoint
CREATE INDEX "outage_held_mark_mark_idx" ON "outage_held_mark" USING btree ("mark_id");