-- A held-back mark keeps when it was first saved after the outage, so that an as-of replay counts it from
-- that instant on without scanning the whole mark history (issue 9).
CREATE OR REPLACE VIEW outage_held_mark_recount AS
SELECT o.id AS outage_id, h.mark_id, m.period_id, m.school_id, min(h.changed_at) AS first_changed_at
FROM mark_history h
JOIN outage o ON o.kind = 'UNPLANNED' AND h.client_entered_at >= o.starts_at AND h.client_entered_at < o.ends_at AND h.changed_at > o.ends_at
JOIN mark m ON m.id = h.mark_id
GROUP BY o.id, h.mark_id, m.period_id, m.school_id;--> statement-breakpoint
CREATE OR REPLACE FUNCTION gw_completion_outage_history() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  -- Most saves were typed outside any outage: one look at the (small) outage table and done.
  IF NOT EXISTS (SELECT 1 FROM outage o WHERE o.kind = 'UNPLANNED' AND NEW.client_entered_at >= o.starts_at
                 AND NEW.client_entered_at < o.ends_at AND NEW.changed_at > o.ends_at) THEN
    RETURN NULL;
  END IF;
  WITH held AS (
    INSERT INTO outage_held_mark AS c (outage_id, mark_id, period_id, school_id, first_changed_at)
      SELECT o.id, m.id, m.period_id, m.school_id, NEW.changed_at FROM outage o JOIN mark m ON m.id = NEW.mark_id
      WHERE o.kind = 'UNPLANNED' AND NEW.client_entered_at >= o.starts_at AND NEW.client_entered_at < o.ends_at AND NEW.changed_at > o.ends_at
    ON CONFLICT (outage_id, mark_id) DO UPDATE SET first_changed_at = least(c.first_changed_at, excluded.first_changed_at)
    -- xmax is 0 on a row this statement inserted, not on one it updated: only new marks add to the count.
    RETURNING c.outage_id, c.period_id, c.school_id, (c.xmax = 0) AS inserted)
  INSERT INTO completion_outage AS c (period_id, school_id, outage_id, marks)
    SELECT period_id, school_id, outage_id, count(*)::integer FROM held WHERE inserted GROUP BY 1, 2, 3
  ON CONFLICT (period_id, school_id, outage_id) DO UPDATE SET marks = c.marks + excluded.marks;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION gw_completion_rebuild_outages() RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  DELETE FROM outage_held_mark;
  DELETE FROM completion_outage;
  INSERT INTO outage_held_mark (outage_id, mark_id, period_id, school_id, first_changed_at)
    SELECT outage_id, mark_id, period_id, school_id, first_changed_at FROM outage_held_mark_recount;
  INSERT INTO completion_outage (period_id, school_id, outage_id, marks) SELECT period_id, school_id, outage_id, marks FROM completion_outage_recount;
END
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION gw_rebuild_completion() RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  TRUNCATE completion_section, completion_section_day, completion_school, completion_school_day, completion_teacher, outage_held_mark, completion_outage;
  INSERT INTO completion_section (period_id, section_id, school_id, teacher_id, enrolled, expected, entered, first_entered_at, last_entered_at)
    SELECT period_id, section_id, school_id, teacher_id, enrolled, expected, entered, first_entered_at, last_entered_at FROM completion_section_recount;
  INSERT INTO completion_section_day (period_id, section_id, day, entered)
    SELECT period_id, section_id, day, entered FROM completion_section_day_recount;
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
  -- Fresh statistics: the rebuilt tables' sizes changed by orders of magnitude.
  ANALYZE completion_section, completion_section_day, completion_school, completion_school_day, completion_teacher, outage_held_mark, completion_outage;
END
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION gw_completion_differences() RETURNS TABLE (table_name text, missing integer, extra integer)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  RETURN QUERY
  SELECT 'completion_section', (SELECT count(*)::integer FROM (SELECT period_id, section_id, school_id, teacher_id, enrolled, expected, entered, first_entered_at, last_entered_at FROM completion_section_recount
      EXCEPT ALL SELECT period_id, section_id, school_id, teacher_id, enrolled, expected, entered, first_entered_at, last_entered_at FROM completion_section) x),
    (SELECT count(*)::integer FROM (SELECT period_id, section_id, school_id, teacher_id, enrolled, expected, entered, first_entered_at, last_entered_at FROM completion_section
      EXCEPT ALL SELECT period_id, section_id, school_id, teacher_id, enrolled, expected, entered, first_entered_at, last_entered_at FROM completion_section_recount) x)
  UNION ALL
  SELECT 'completion_section_day', (SELECT count(*)::integer FROM (SELECT period_id, section_id, day, entered FROM completion_section_day_recount EXCEPT ALL SELECT period_id, section_id, day, entered FROM completion_section_day) x),
    (SELECT count(*)::integer FROM (SELECT period_id, section_id, day, entered FROM completion_section_day EXCEPT ALL SELECT period_id, section_id, day, entered FROM completion_section_day_recount) x)
  UNION ALL
  SELECT 'completion_school', (SELECT count(*)::integer FROM (SELECT period_id, school_id, sections, expected, entered FROM completion_school_recount EXCEPT ALL SELECT period_id, school_id, sections, expected, entered FROM completion_school) x),
    (SELECT count(*)::integer FROM (SELECT period_id, school_id, sections, expected, entered FROM completion_school EXCEPT ALL SELECT period_id, school_id, sections, expected, entered FROM completion_school_recount) x)
  UNION ALL
  SELECT 'completion_school_day', (SELECT count(*)::integer FROM (SELECT period_id, school_id, day, entered FROM completion_school_day_recount EXCEPT ALL SELECT period_id, school_id, day, entered FROM completion_school_day) x),
    (SELECT count(*)::integer FROM (SELECT period_id, school_id, day, entered FROM completion_school_day EXCEPT ALL SELECT period_id, school_id, day, entered FROM completion_school_day_recount) x)
  UNION ALL
  SELECT 'completion_teacher', (SELECT count(*)::integer FROM (SELECT period_id, school_id, teacher_id, sections, expected, entered, first_entered_at, last_entered_at FROM completion_teacher_recount
      EXCEPT ALL SELECT period_id, school_id, teacher_id, sections, expected, entered, first_entered_at, last_entered_at FROM completion_teacher) x),
    (SELECT count(*)::integer FROM (SELECT period_id, school_id, teacher_id, sections, expected, entered, first_entered_at, last_entered_at FROM completion_teacher
      EXCEPT ALL SELECT period_id, school_id, teacher_id, sections, expected, entered, first_entered_at, last_entered_at FROM completion_teacher_recount) x)
  UNION ALL
  SELECT 'outage_held_mark', (SELECT count(*)::integer FROM (SELECT outage_id, mark_id, period_id, school_id, first_changed_at FROM outage_held_mark_recount
      EXCEPT ALL SELECT outage_id, mark_id, period_id, school_id, first_changed_at FROM outage_held_mark) x),
    (SELECT count(*)::integer FROM (SELECT outage_id, mark_id, period_id, school_id, first_changed_at FROM outage_held_mark
      EXCEPT ALL SELECT outage_id, mark_id, period_id, school_id, first_changed_at FROM outage_held_mark_recount) x)
  UNION ALL
  SELECT 'completion_outage', (SELECT count(*)::integer FROM (SELECT period_id, school_id, outage_id, marks FROM completion_outage_recount EXCEPT ALL SELECT period_id, school_id, outage_id, marks FROM completion_outage) x),
    (SELECT count(*)::integer FROM (SELECT period_id, school_id, outage_id, marks FROM completion_outage EXCEPT ALL SELECT period_id, school_id, outage_id, marks FROM completion_outage_recount) x);
END
$$;--> statement-breakpoint
SELECT gw_completion_rebuild_outages();
