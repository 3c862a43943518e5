-- Stored results of the write kit's operations belong to the employee who sent them, as mark_operation's do
-- (migration 0002): a request sees and claims only its own actor's operation ids.
ALTER TABLE write_operation ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE write_operation FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY write_operation_owner ON write_operation USING (
  (SELECT gw_actor_role()) = 'SYSTEM' OR actor_id = (SELECT gw_actor_setting('id'))
);
