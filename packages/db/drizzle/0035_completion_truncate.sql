-- TRUNCATE fires no row or statement DELETE trigger: a truncated mark, enrollment, section or grading_item
-- table left the completion counters counting what was gone (and an "as of" replay reads whole past days from
-- them). A TRUNCATE of any of them now rebuilds the counters in the same transaction. (A TRUNCATE made with
-- session_replication_role = replica still skips every trigger, as any write does: whoever does that rebuilds
-- the counters, gw_rebuild_completion(), as the seed does.)
CREATE FUNCTION gw_completion_truncated() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM gw_rebuild_completion();
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER completion_truncated AFTER TRUNCATE ON mark FOR EACH STATEMENT EXECUTE FUNCTION gw_completion_truncated();--> statement-breakpoint
CREATE TRIGGER completion_truncated AFTER TRUNCATE ON enrollment FOR EACH STATEMENT EXECUTE FUNCTION gw_completion_truncated();--> statement-breakpoint
CREATE TRIGGER completion_truncated AFTER TRUNCATE ON section FOR EACH STATEMENT EXECUTE FUNCTION gw_completion_truncated();--> statement-breakpoint
CREATE TRIGGER completion_truncated AFTER TRUNCATE ON grading_item FOR EACH STATEMENT EXECUTE FUNCTION gw_completion_truncated();
