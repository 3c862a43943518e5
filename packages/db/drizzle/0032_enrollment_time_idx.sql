CREATE INDEX "enrollment_started_at_idx" ON "enrollment" USING btree ("started_at");--> statement-breakpoint
CREATE INDEX "enrollment_ended_at_idx" ON "enrollment" USING btree ("ended_at");