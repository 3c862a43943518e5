CREATE TABLE "operations_change" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "operations_change_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"entity" text NOT NULL,
	"entity_id" integer NOT NULL,
	"from_state" jsonb,
	"to_state" jsonb,
	"changed_by_id" integer NOT NULL,
	"changed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "operations_change_entity_known" CHECK ("operations_change"."entity" in ('outage', 'maintenance_window')),
	CONSTRAINT "operations_change_has_state" CHECK ("operations_change"."from_state" is not null or "operations_change"."to_state" is not null)
);
--> statement-breakpoint
ALTER TABLE "operations_change" ADD CONSTRAINT "operations_change_changed_by_id_employee_id_fk" FOREIGN KEY ("changed_by_id") REFERENCES "public"."employee"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "operations_change_entity_idx" ON "operations_change" USING btree ("entity","entity_id","changed_at");--> statement-breakpoint
-- History is evidence: the application may add to it and read it, never change or remove it.
REVOKE UPDATE, DELETE, TRUNCATE ON "operations_change" FROM gradewatch_app;
