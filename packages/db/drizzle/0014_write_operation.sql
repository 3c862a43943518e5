CREATE TABLE "write_operation" (
	"kind" text NOT NULL,
	"actor_id" integer NOT NULL,
	"operation_id" text NOT NULL,
	"payload_hash" text NOT NULL,
	"result" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "write_operation_kind_actor_id_operation_id_pk" PRIMARY KEY("kind","actor_id","operation_id")
);
--> statement-breakpoint
ALTER TABLE "write_operation" ADD CONSTRAINT "write_operation_actor_id_employee_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."employee"("id") ON DELETE no action ON UPDATE no action;