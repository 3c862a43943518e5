-- The row-security functions only read (the actor's session and employee row, schools, sections): declared
-- PARALLEL SAFE, so that a request's large read (an "as of" replay of the whole district: 2 million marks)
-- may run in parallel workers under row security, as the owner's would. A function left PARALLEL UNSAFE in a
-- policy makes every statement on that table run in one process. Workers get the leader's settings
-- (gradewatch.session), so gw_actor() answers the same in each.
ALTER FUNCTION gw_actor() PARALLEL SAFE;--> statement-breakpoint
ALTER FUNCTION gw_actor_role() PARALLEL SAFE;--> statement-breakpoint
ALTER FUNCTION gw_actor_setting(text) PARALLEL SAFE;--> statement-breakpoint
ALTER FUNCTION gw_reach(text) PARALLEL SAFE;--> statement-breakpoint
ALTER FUNCTION gw_scope_school_ids(text) PARALLEL SAFE;--> statement-breakpoint
ALTER FUNCTION gw_scope_section_ids(text) PARALLEL SAFE;--> statement-breakpoint
ALTER FUNCTION gw_report_visible(integer, integer, integer[]) PARALLEL SAFE;--> statement-breakpoint
ALTER FUNCTION gw_reads_internal_notes() PARALLEL SAFE;
