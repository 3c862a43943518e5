-- TRUNCATE fires no row or statement DELETE trigger: a truncated mark, enrollment, section or grading_item
-- table left the completion counters counting what was gone (and an "as of" replay reads whole past days from
-- them). A TRUNCATE of any of them now counts them again in the same transaction, and moves the change stamp.
-- The counters are emptied with DELETE there, not TRUNCATE: the same statement may be truncating them too (the
-- seed's reset truncates every table at once). (A TRUNCATE made with session_replication_role = replica skips
-- every trigger, as any write does: whoever does that calls gw_rebuild_completion() afterwards, as the seed does.)
CREATE FUNCTION gw_completion_fill() RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  INSERT INTO completion_section (period_id, section_id, school_id, teacher_id, enrolled, expected, entered, first_entered_at, last_entered_at)
    SELECT period_id, section_id, school_id, teacher_id, enrolled, expected, entered, first_entered_at, last_entered_at FROM completion_section_recount;
  INSERT INTO completion_section_day (period_id, section_id, day, entered, first_entered_at, last_entered_at)
    SELECT period_id, section_id, day, entered, first_entered_at, last_entered_at FROM completion_section_day_recount;
  INSERT INTO completion_school (period_id, school_id, sections, expected, entered)
    SELECT period_id, school_id, count(*)::integer, sum(expected)::integer, sum(entered)::integer FROM completion_section GROUP BY 1, 2;
  INSERT INTO completion_school_day (period_id, school_id, day, entered)
    SELECT d.period_id, c.school_id, d.day, sum(d.entered)::integer
    FROM completion_section_day d JOIN completion_section c ON c.period_id = d.period_id AND c.section_id = d.section_id GROUP BY 1, 2, 3;
  INSERT INTO completion_teacher (period_id, school_id, teacher_id, sections, expected, entered, first_entered_at, last_entered_at)
    SELECT period_id, school_id, teacher_id, count(*)::integer, sum(expected)::integer, sum(entered)::integer, min(first_entered_at), max(last_entered_at)
    FROM completion_section GROUP BY 1, 2, 3;
  INSERT INTO outage_held_mark (outage_id, mark_id, period_id, school_id, first_changed_at)
    SELECT outage_id, mark_id, period_id, school_id, first_changed_at FROM outage_held_mark_recount;
  INSERT INTO completion_outage (period_id, school_id, outage_id, marks) SELECT period_id, school_id, outage_id, marks FROM completion_outage_recount;
END
$$;--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION gw_completion_fill() FROM PUBLIC;--> statement-breakpoint
CREATE OR REPLACE FUNCTION gw_rebuild_completion() RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  TRUNCATE completion_section, completion_section_day, completion_school, completion_school_day, completion_teacher, outage_held_mark, completion_outage;
  PERFORM gw_completion_fill();
  -- Fresh statistics: the rebuilt tables' sizes changed by orders of magnitude.
  ANALYZE completion_section, completion_section_day, completion_school, completion_school_day, completion_teacher, outage_held_mark, completion_outage;
END
$$;--> statement-breakpoint
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
