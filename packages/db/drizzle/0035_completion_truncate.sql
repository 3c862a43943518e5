-- TRUNCATE fires no row or statement DELETE trigger: a truncated mark, enrollment, section or grading_item
-- table left the completion counters counting what was gone (and an "as of" replay reads whole past days from
-- them). A TRUNCATE of any of them now counts them again in the same transaction, and moves the change stamp.
-- The counters are emptied with DELETE there, not TRUNCATE: the same statement may be truncating them too (the
-- seed's reset truncates every table at once). (A TRUNCATE made with session_replication_role = replica skips
-- every trigger, as any write does: whoever does that calls gw_rebuild_completion() afterwards, as the seed does.)
CREATE FUNCTION gw_completion_truncated() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  DELETE FROM completion_section;
  DELETE FROM completion_section_day;
  DELETE FROM completion_school;
  DELETE FROM completion_school_day;
  DELETE FROM completion_teacher;
  DELETE FROM outage_held_mark;
  DELETE FROM completion_outage;
  PERFORM gw_completion_fill();
  PERFORM pg_advisory_xact_lock_shared(7149110201);
  PERFORM nextval('completion_change_seq');
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER completion_truncated AFTER TRUNCATE ON mark FOR EACH STATEMENT EXECUTE FUNCTION gw_completion_truncated();--> statement-breakpoint
CREATE TRIGGER completion_truncated AFTER TRUNCATE ON enrollment FOR EACH STATEMENT EXECUTE FUNCTION gw_completion_truncated();--> statement-breakpoint
CREATE TRIGGER completion_truncated AFTER TRUNCATE ON section FOR EACH STATEMENT EXECUTE FUNCTION gw_completion_truncated();--> statement-breakpoint
CREATE TRIGGER completion_truncated AFTER TRUNCATE ON grading_item FOR EACH STATEMENT EXECUTE FUNCTION gw_completion_truncated();
