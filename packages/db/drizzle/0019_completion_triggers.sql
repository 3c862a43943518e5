-- Completion counters (issue 9): the recount as views, the refresh of a set of (period, section) rows,
-- the triggers that keep the counters in the transaction of every change, and the full rebuild (seed, repair).
-- The trigger functions are SECURITY DEFINER (the owner's): a teacher saving a mark cannot read other
-- sections' enrollments or write the counters, but the counters must still be complete. Requests only read them.
-- Expected = open enrollments x the period's grading items, for sections whose level is the period's level;
-- entered = marks of students whose enrollment in the mark's section is open. Days are Los Angeles days.
CREATE VIEW completion_section_recount AS
SELECT p.id AS period_id, s.id AS section_id, s.school_id, s.teacher_id,
       coalesce(en.n, 0) AS enrolled, coalesce(en.n, 0) * gi.n AS expected, coalesce(mk.n, 0) AS entered,
       mk.first_at AS first_entered_at, mk.last_at AS last_entered_at
FROM section s
JOIN reporting_period p ON p.level = s.level
JOIN (SELECT p2.id AS period_id, count(g.id)::integer AS n FROM reporting_period p2 LEFT JOIN grading_item g ON g.period_id = p2.id GROUP BY p2.id) gi
  ON gi.period_id = p.id
LEFT JOIN (SELECT e.section_id, count(*)::integer AS n FROM enrollment e WHERE e.ended_at IS NULL GROUP BY e.section_id) en ON en.section_id = s.id
LEFT JOIN (SELECT m.period_id, m.section_id, count(*)::integer AS n, min(m.entered_at) AS first_at, max(m.entered_at) AS last_at
           FROM mark m JOIN enrollment e ON e.section_id = m.section_id AND e.student_id = m.student_id AND e.ended_at IS NULL
           GROUP BY m.period_id, m.section_id) mk ON mk.period_id = p.id AND mk.section_id = s.id;--> statement-breakpoint
CREATE VIEW completion_section_day_recount AS
SELECT m.period_id, m.section_id, (m.entered_at AT TIME ZONE 'America/Los_Angeles')::date AS day, count(*)::integer AS entered
FROM mark m
JOIN enrollment e ON e.section_id = m.section_id AND e.student_id = m.student_id AND e.ended_at IS NULL
JOIN section s ON s.id = m.section_id
JOIN reporting_period p ON p.id = m.period_id AND p.level = s.level
GROUP BY 1, 2, 3;--> statement-breakpoint
CREATE VIEW completion_school_recount AS
SELECT period_id, school_id, count(*)::integer AS sections, sum(expected)::integer AS expected, sum(entered)::integer AS entered
FROM completion_section_recount GROUP BY 1, 2;--> statement-breakpoint
CREATE VIEW completion_school_day_recount AS
SELECT d.period_id, s.school_id, d.day, sum(d.entered)::integer AS entered
FROM completion_section_day_recount d JOIN section s ON s.id = d.section_id GROUP BY 1, 2, 3;--> statement-breakpoint
CREATE VIEW completion_teacher_recount AS
SELECT period_id, school_id, teacher_id, count(*)::integer AS sections, sum(expected)::integer AS expected, sum(entered)::integer AS entered,
       min(first_entered_at) AS first_entered_at, max(last_entered_at) AS last_entered_at
FROM completion_section_recount GROUP BY 1, 2, 3;--> statement-breakpoint
-- A mark typed while an unplanned outage was under way (client_entered_at) and saved after it ended.
CREATE VIEW outage_held_mark_recount AS
SELECT DISTINCT o.id AS outage_id, h.mark_id, m.period_id, m.school_id
FROM mark_history h
JOIN outage o ON o.kind = 'UNPLANNED' AND h.client_entered_at >= o.starts_at AND h.client_entered_at < o.ends_at AND h.changed_at > o.ends_at
JOIN mark m ON m.id = h.mark_id;--> statement-breakpoint
CREATE VIEW completion_outage_recount AS
SELECT period_id, school_id, outage_id, count(*)::integer AS marks FROM outage_held_mark_recount GROUP BY 1, 2, 3;--> statement-breakpoint
-- Requests read the counters; only the owner's functions below write them.
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON completion_section, completion_section_day, completion_school, completion_school_day,
  completion_teacher, outage_held_mark, completion_outage FROM gradewatch_app;--> statement-breakpoint
REVOKE ALL ON completion_section_recount, completion_section_day_recount, completion_school_recount, completion_school_day_recount,
  completion_teacher_recount, outage_held_mark_recount, completion_outage_recount FROM gradewatch_app;--> statement-breakpoint
-- Recomputes the counters of the (period, section) pairs in p_periods x p_sections from scratch and moves
-- the rollups (school, school day, teacher) by the difference. Locks the sections' rows first, as the mark
-- trigger does, so the two meet in the same order.
CREATE FUNCTION gw_completion_refresh(p_periods integer[], p_sections integer[]) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  v_teachers integer[];
  v_schools integer[];
BEGIN
  IF coalesce(cardinality(p_periods), 0) = 0 OR coalesce(cardinality(p_sections), 0) = 0 THEN
    RETURN;
  END IF;
  SELECT coalesce(array_agg(DISTINCT c.teacher_id), '{}'), coalesce(array_agg(DISTINCT c.school_id), '{}') INTO v_teachers, v_schools
    FROM (SELECT * FROM completion_section WHERE period_id = ANY (p_periods) AND section_id = ANY (p_sections) ORDER BY period_id, section_id FOR UPDATE) c;
  INSERT INTO completion_school AS c (period_id, school_id, sections, expected, entered)
    SELECT period_id, school_id, -count(*)::integer, -sum(expected)::integer, -sum(entered)::integer FROM completion_section
    WHERE period_id = ANY (p_periods) AND section_id = ANY (p_sections) GROUP BY 1, 2 ORDER BY 1, 2
  ON CONFLICT (period_id, school_id) DO UPDATE SET sections = c.sections + excluded.sections, expected = c.expected + excluded.expected, entered = c.entered + excluded.entered;
  INSERT INTO completion_school_day AS c (period_id, school_id, day, entered)
    SELECT d.period_id, s.school_id, d.day, -sum(d.entered)::integer
    FROM completion_section_day d JOIN completion_section s ON s.period_id = d.period_id AND s.section_id = d.section_id
    WHERE d.period_id = ANY (p_periods) AND d.section_id = ANY (p_sections) GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (period_id, school_id, day) DO UPDATE SET entered = c.entered + excluded.entered;
  DELETE FROM completion_section_day WHERE period_id = ANY (p_periods) AND section_id = ANY (p_sections);
  DELETE FROM completion_section WHERE period_id = ANY (p_periods) AND section_id = ANY (p_sections);
  INSERT INTO completion_section (period_id, section_id, school_id, teacher_id, enrolled, expected, entered, first_entered_at, last_entered_at)
    SELECT p.id, s.id, s.school_id, s.teacher_id, en.n, en.n * gi.n, mk.n, mk.first_at, mk.last_at
    FROM section s
    JOIN reporting_period p ON p.level = s.level
    CROSS JOIN LATERAL (SELECT count(*)::integer AS n FROM grading_item g WHERE g.period_id = p.id) gi
    CROSS JOIN LATERAL (SELECT count(*)::integer AS n FROM enrollment e WHERE e.section_id = s.id AND e.ended_at IS NULL) en
    CROSS JOIN LATERAL (SELECT count(*)::integer AS n, min(m.entered_at) AS first_at, max(m.entered_at) AS last_at
                        FROM mark m JOIN enrollment e ON e.section_id = m.section_id AND e.student_id = m.student_id AND e.ended_at IS NULL
                        WHERE m.section_id = s.id AND m.period_id = p.id) mk
    WHERE p.id = ANY (p_periods) AND s.id = ANY (p_sections);
  INSERT INTO completion_section_day (period_id, section_id, day, entered)
    SELECT m.period_id, m.section_id, (m.entered_at AT TIME ZONE 'America/Los_Angeles')::date, count(*)::integer
    FROM completion_section c
    JOIN mark m ON m.section_id = c.section_id AND m.period_id = c.period_id
    JOIN enrollment e ON e.section_id = m.section_id AND e.student_id = m.student_id AND e.ended_at IS NULL
    WHERE c.period_id = ANY (p_periods) AND c.section_id = ANY (p_sections)
    GROUP BY 1, 2, 3;
  INSERT INTO completion_school AS c (period_id, school_id, sections, expected, entered)
    SELECT period_id, school_id, count(*)::integer, sum(expected)::integer, sum(entered)::integer FROM completion_section
    WHERE period_id = ANY (p_periods) AND section_id = ANY (p_sections) GROUP BY 1, 2 ORDER BY 1, 2
  ON CONFLICT (period_id, school_id) DO UPDATE SET sections = c.sections + excluded.sections, expected = c.expected + excluded.expected, entered = c.entered + excluded.entered;
  INSERT INTO completion_school_day AS c (period_id, school_id, day, entered)
    SELECT d.period_id, s.school_id, d.day, sum(d.entered)::integer
    FROM completion_section_day d JOIN completion_section s ON s.period_id = d.period_id AND s.section_id = d.section_id
    WHERE d.period_id = ANY (p_periods) AND d.section_id = ANY (p_sections) GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (period_id, school_id, day) DO UPDATE SET entered = c.entered + excluded.entered;
  SELECT v_teachers || coalesce(array_agg(DISTINCT teacher_id), '{}'), v_schools || coalesce(array_agg(DISTINCT school_id), '{}') INTO v_teachers, v_schools
    FROM completion_section WHERE period_id = ANY (p_periods) AND section_id = ANY (p_sections);
  DELETE FROM completion_school WHERE period_id = ANY (p_periods) AND school_id = ANY (v_schools) AND sections = 0;
  DELETE FROM completion_school_day WHERE period_id = ANY (p_periods) AND school_id = ANY (v_schools) AND entered = 0;
  DELETE FROM completion_teacher WHERE period_id = ANY (p_periods) AND teacher_id = ANY (v_teachers);
  INSERT INTO completion_teacher (period_id, school_id, teacher_id, sections, expected, entered, first_entered_at, last_entered_at)
    SELECT period_id, school_id, teacher_id, count(*)::integer, sum(expected)::integer, sum(entered)::integer, min(first_entered_at), max(last_entered_at)
    FROM completion_section WHERE period_id = ANY (p_periods) AND teacher_id = ANY (v_teachers) GROUP BY 1, 2, 3;
END
$$;--> statement-breakpoint
CREATE FUNCTION gw_completion_refresh_sections(p_sections integer[]) RETURNS void
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT gw_completion_refresh(ARRAY(SELECT id FROM reporting_period), p_sections)
$$;--> statement-breakpoint
CREATE FUNCTION gw_completion_refresh_periods(p_periods integer[]) RETURNS void
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT gw_completion_refresh(p_periods, ARRAY(SELECT id FROM section UNION SELECT section_id FROM completion_section WHERE period_id = ANY (p_periods)))
$$;--> statement-breakpoint
-- New marks, the common case: add them to the counts (a mark counts when its student's enrollment in its
-- section is open and the section has a row for the period, i.e. its level is the period's).
CREATE FUNCTION gw_completion_marks_inserted() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  -- An insert that inserted nothing (ON CONFLICT DO NOTHING) costs one look at an empty table.
  IF NOT EXISTS (SELECT 1 FROM new_marks) THEN
    RETURN NULL;
  END IF;
  UPDATE completion_section c SET entered = c.entered + x.n, first_entered_at = least(c.first_entered_at, x.first_at), last_entered_at = greatest(c.last_entered_at, x.last_at)
    FROM (SELECT period_id, section_id, count(*)::integer AS n, min(entered_at) AS first_at, max(entered_at) AS last_at FROM (SELECT m.period_id, m.section_id, c.school_id, c.teacher_id, m.entered_at, (m.entered_at AT TIME ZONE 'America/Los_Angeles')::date AS day
      FROM new_marks m JOIN completion_section c ON c.period_id = m.period_id AND c.section_id = m.section_id
      WHERE EXISTS (SELECT 1 FROM enrollment e WHERE e.section_id = m.section_id AND e.student_id = m.student_id AND e.ended_at IS NULL)) k GROUP BY 1, 2) x
    WHERE c.period_id = x.period_id AND c.section_id = x.section_id;
  UPDATE completion_school c SET entered = c.entered + x.n
    FROM (SELECT period_id, school_id, count(*)::integer AS n FROM (SELECT m.period_id, m.section_id, c.school_id, c.teacher_id, m.entered_at, (m.entered_at AT TIME ZONE 'America/Los_Angeles')::date AS day
      FROM new_marks m JOIN completion_section c ON c.period_id = m.period_id AND c.section_id = m.section_id
      WHERE EXISTS (SELECT 1 FROM enrollment e WHERE e.section_id = m.section_id AND e.student_id = m.student_id AND e.ended_at IS NULL)) k GROUP BY 1, 2) x
    WHERE c.period_id = x.period_id AND c.school_id = x.school_id;
  INSERT INTO completion_section_day AS c (period_id, section_id, day, entered)
    SELECT period_id, section_id, day, count(*)::integer FROM (SELECT m.period_id, m.section_id, c.school_id, c.teacher_id, m.entered_at, (m.entered_at AT TIME ZONE 'America/Los_Angeles')::date AS day
      FROM new_marks m JOIN completion_section c ON c.period_id = m.period_id AND c.section_id = m.section_id
      WHERE EXISTS (SELECT 1 FROM enrollment e WHERE e.section_id = m.section_id AND e.student_id = m.student_id AND e.ended_at IS NULL)) k GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (period_id, section_id, day) DO UPDATE SET entered = c.entered + excluded.entered;
  INSERT INTO completion_school_day AS c (period_id, school_id, day, entered)
    SELECT period_id, school_id, day, count(*)::integer FROM (SELECT m.period_id, m.section_id, c.school_id, c.teacher_id, m.entered_at, (m.entered_at AT TIME ZONE 'America/Los_Angeles')::date AS day
      FROM new_marks m JOIN completion_section c ON c.period_id = m.period_id AND c.section_id = m.section_id
      WHERE EXISTS (SELECT 1 FROM enrollment e WHERE e.section_id = m.section_id AND e.student_id = m.student_id AND e.ended_at IS NULL)) k GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (period_id, school_id, day) DO UPDATE SET entered = c.entered + excluded.entered;
  UPDATE completion_teacher c SET entered = c.entered + x.n, first_entered_at = least(c.first_entered_at, x.first_at), last_entered_at = greatest(c.last_entered_at, x.last_at)
    FROM (SELECT period_id, school_id, teacher_id, count(*)::integer AS n, min(entered_at) AS first_at, max(entered_at) AS last_at FROM (SELECT m.period_id, m.section_id, c.school_id, c.teacher_id, m.entered_at, (m.entered_at AT TIME ZONE 'America/Los_Angeles')::date AS day
      FROM new_marks m JOIN completion_section c ON c.period_id = m.period_id AND c.section_id = m.section_id
      WHERE EXISTS (SELECT 1 FROM enrollment e WHERE e.section_id = m.section_id AND e.student_id = m.student_id AND e.ended_at IS NULL)) k GROUP BY 1, 2, 3) x
    WHERE c.period_id = x.period_id AND c.school_id = x.school_id AND c.teacher_id = x.teacher_id;
  RETURN NULL;
END
$$;--> statement-breakpoint
-- Rare changes (a mark deleted or moved, an enrollment started, ended or removed, a section's teacher,
-- level or school changed): recount the sections concerned.
CREATE FUNCTION gw_completion_marks_deleted() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM gw_completion_refresh_sections(ARRAY(SELECT DISTINCT section_id FROM old_marks));
  WITH gone AS (DELETE FROM outage_held_mark h USING old_marks o WHERE h.mark_id = o.id RETURNING h.period_id, h.school_id, h.outage_id)
  INSERT INTO completion_outage AS c (period_id, school_id, outage_id, marks)
    SELECT period_id, school_id, outage_id, -count(*)::integer FROM gone GROUP BY 1, 2, 3
  ON CONFLICT (period_id, school_id, outage_id) DO UPDATE SET marks = c.marks + excluded.marks;
  DELETE FROM completion_outage WHERE marks = 0;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE FUNCTION gw_completion_mark_moved() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM gw_completion_refresh_sections(ARRAY[OLD.section_id, NEW.section_id]);
  IF OLD.period_id <> NEW.period_id OR OLD.school_id <> NEW.school_id THEN
    PERFORM gw_completion_rebuild_outages();
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE FUNCTION gw_completion_rows_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  -- enrollment and section rows: the sections they touch; grading_item and reporting_period rows: the periods.
  IF TG_TABLE_NAME = 'enrollment' THEN
    IF TG_OP = 'INSERT' THEN
      PERFORM gw_completion_refresh_sections(ARRAY(SELECT DISTINCT section_id FROM new_rows));
    ELSIF TG_OP = 'DELETE' THEN
      PERFORM gw_completion_refresh_sections(ARRAY(SELECT DISTINCT section_id FROM old_rows));
    ELSE
      PERFORM gw_completion_refresh_sections(ARRAY(
        SELECT o.section_id FROM old_rows o JOIN new_rows n ON n.id = o.id
          WHERE o.ended_at IS DISTINCT FROM n.ended_at OR o.section_id <> n.section_id OR o.student_id <> n.student_id
        UNION SELECT n.section_id FROM old_rows o JOIN new_rows n ON n.id = o.id
          WHERE o.ended_at IS DISTINCT FROM n.ended_at OR o.section_id <> n.section_id OR o.student_id <> n.student_id));
    END IF;
  ELSIF TG_TABLE_NAME = 'section' THEN
    IF TG_OP = 'INSERT' THEN
      PERFORM gw_completion_refresh_sections(ARRAY(SELECT id FROM new_rows));
    ELSIF TG_OP = 'DELETE' THEN
      PERFORM gw_completion_refresh_sections(ARRAY(SELECT id FROM old_rows));
    ELSE
      PERFORM gw_completion_refresh_sections(ARRAY(
        SELECT n.id FROM old_rows o JOIN new_rows n ON n.id = o.id
        WHERE o.teacher_id <> n.teacher_id OR o.level <> n.level OR o.school_id <> n.school_id));
    END IF;
  ELSIF TG_TABLE_NAME = 'grading_item' THEN
    IF TG_OP = 'INSERT' THEN
      PERFORM gw_completion_refresh_periods(ARRAY(SELECT DISTINCT period_id FROM new_rows));
    ELSIF TG_OP = 'DELETE' THEN
      PERFORM gw_completion_refresh_periods(ARRAY(SELECT DISTINCT period_id FROM old_rows));
    ELSE
      PERFORM gw_completion_refresh_periods(ARRAY(SELECT period_id FROM old_rows UNION SELECT period_id FROM new_rows));
    END IF;
  ELSIF TG_TABLE_NAME = 'reporting_period' THEN
    IF TG_OP = 'DELETE' THEN
      PERFORM gw_completion_refresh_periods(ARRAY(SELECT id FROM old_rows));
    ELSE
      PERFORM gw_completion_refresh_periods(ARRAY(SELECT n.id FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE o.level <> n.level));
    END IF;
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE FUNCTION gw_completion_outage_history() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  WITH held AS (
    INSERT INTO outage_held_mark (outage_id, mark_id, period_id, school_id)
      SELECT o.id, m.id, m.period_id, m.school_id FROM outage o JOIN mark m ON m.id = NEW.mark_id
      WHERE o.kind = 'UNPLANNED' AND NEW.client_entered_at >= o.starts_at AND NEW.client_entered_at < o.ends_at AND NEW.changed_at > o.ends_at
    ON CONFLICT DO NOTHING
    RETURNING outage_id, period_id, school_id)
  INSERT INTO completion_outage AS c (period_id, school_id, outage_id, marks)
    SELECT period_id, school_id, outage_id, count(*)::integer FROM held GROUP BY 1, 2, 3
  ON CONFLICT (period_id, school_id, outage_id) DO UPDATE SET marks = c.marks + excluded.marks;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE FUNCTION gw_completion_rebuild_outages() RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  DELETE FROM outage_held_mark;
  DELETE FROM completion_outage;
  INSERT INTO outage_held_mark (outage_id, mark_id, period_id, school_id) SELECT outage_id, mark_id, period_id, school_id FROM outage_held_mark_recount;
  INSERT INTO completion_outage (period_id, school_id, outage_id, marks) SELECT period_id, school_id, outage_id, marks FROM completion_outage_recount;
END
$$;--> statement-breakpoint
CREATE FUNCTION gw_completion_outages_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM gw_completion_rebuild_outages();
  RETURN NULL;
END
$$;--> statement-breakpoint
-- The whole of the counters from scratch: the end of a seed written with triggers off, and the repair of
-- `pnpm reconcile`.
CREATE FUNCTION gw_rebuild_completion() RETURNS void
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
  INSERT INTO outage_held_mark (outage_id, mark_id, period_id, school_id) SELECT outage_id, mark_id, period_id, school_id FROM outage_held_mark_recount;
  INSERT INTO completion_outage (period_id, school_id, outage_id, marks) SELECT period_id, school_id, outage_id, marks FROM completion_outage_recount;
END
$$;--> statement-breakpoint
-- What `pnpm reconcile` reports: per counters table, rows the recount has that the table lacks or holds
-- differently (missing) and rows the table has that the recount does not (extra).
CREATE FUNCTION gw_completion_differences() RETURNS TABLE (table_name text, missing integer, extra integer)
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
  SELECT 'outage_held_mark', (SELECT count(*)::integer FROM (SELECT outage_id, mark_id, period_id, school_id FROM outage_held_mark_recount EXCEPT ALL SELECT outage_id, mark_id, period_id, school_id FROM outage_held_mark) x),
    (SELECT count(*)::integer FROM (SELECT outage_id, mark_id, period_id, school_id FROM outage_held_mark EXCEPT ALL SELECT outage_id, mark_id, period_id, school_id FROM outage_held_mark_recount) x)
  UNION ALL
  SELECT 'completion_outage', (SELECT count(*)::integer FROM (SELECT period_id, school_id, outage_id, marks FROM completion_outage_recount EXCEPT ALL SELECT period_id, school_id, outage_id, marks FROM completion_outage) x),
    (SELECT count(*)::integer FROM (SELECT period_id, school_id, outage_id, marks FROM completion_outage EXCEPT ALL SELECT period_id, school_id, outage_id, marks FROM completion_outage_recount) x);
END
$$;--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION gw_completion_refresh(integer[], integer[]), gw_completion_refresh_sections(integer[]), gw_completion_refresh_periods(integer[]),
  gw_completion_rebuild_outages(), gw_rebuild_completion(), gw_completion_differences() FROM PUBLIC;--> statement-breakpoint
CREATE TRIGGER completion_marks_inserted AFTER INSERT ON mark REFERENCING NEW TABLE AS new_marks FOR EACH STATEMENT EXECUTE FUNCTION gw_completion_marks_inserted();--> statement-breakpoint
CREATE TRIGGER completion_marks_deleted AFTER DELETE ON mark REFERENCING OLD TABLE AS old_marks FOR EACH STATEMENT EXECUTE FUNCTION gw_completion_marks_deleted();--> statement-breakpoint
-- A save changes value, comment, updated_at and version: none of these columns, so this never fires for it.
CREATE TRIGGER completion_mark_moved AFTER UPDATE OF period_id, section_id, student_id, school_id, entered_at ON mark FOR EACH ROW
  WHEN (OLD.period_id IS DISTINCT FROM NEW.period_id OR OLD.section_id IS DISTINCT FROM NEW.section_id OR OLD.student_id IS DISTINCT FROM NEW.student_id
        OR OLD.school_id IS DISTINCT FROM NEW.school_id OR OLD.entered_at IS DISTINCT FROM NEW.entered_at)
  EXECUTE FUNCTION gw_completion_mark_moved();--> statement-breakpoint
CREATE TRIGGER completion_enrollments_inserted AFTER INSERT ON enrollment REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION gw_completion_rows_changed();--> statement-breakpoint
CREATE TRIGGER completion_enrollments_updated AFTER UPDATE ON enrollment REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION gw_completion_rows_changed();--> statement-breakpoint
CREATE TRIGGER completion_enrollments_deleted AFTER DELETE ON enrollment REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION gw_completion_rows_changed();--> statement-breakpoint
CREATE TRIGGER completion_sections_inserted AFTER INSERT ON section REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION gw_completion_rows_changed();--> statement-breakpoint
CREATE TRIGGER completion_sections_updated AFTER UPDATE ON section REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION gw_completion_rows_changed();--> statement-breakpoint
CREATE TRIGGER completion_sections_deleted AFTER DELETE ON section REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION gw_completion_rows_changed();--> statement-breakpoint
CREATE TRIGGER completion_grading_items_inserted AFTER INSERT ON grading_item REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION gw_completion_rows_changed();--> statement-breakpoint
CREATE TRIGGER completion_grading_items_updated AFTER UPDATE ON grading_item REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION gw_completion_rows_changed();--> statement-breakpoint
CREATE TRIGGER completion_grading_items_deleted AFTER DELETE ON grading_item REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION gw_completion_rows_changed();--> statement-breakpoint
CREATE TRIGGER completion_periods_updated AFTER UPDATE ON reporting_period REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION gw_completion_rows_changed();--> statement-breakpoint
CREATE TRIGGER completion_periods_deleted AFTER DELETE ON reporting_period REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION gw_completion_rows_changed();--> statement-breakpoint
CREATE TRIGGER completion_outage_held AFTER INSERT ON mark_history FOR EACH ROW WHEN (NEW.client_entered_at IS NOT NULL) EXECUTE FUNCTION gw_completion_outage_history();--> statement-breakpoint
CREATE TRIGGER completion_outages_inserted AFTER INSERT ON outage FOR EACH STATEMENT EXECUTE FUNCTION gw_completion_outages_changed();--> statement-breakpoint
CREATE TRIGGER completion_outages_updated AFTER UPDATE ON outage FOR EACH STATEMENT EXECUTE FUNCTION gw_completion_outages_changed();--> statement-breakpoint
CREATE TRIGGER completion_outages_deleted AFTER DELETE ON outage FOR EACH STATEMENT EXECUTE FUNCTION gw_completion_outages_changed();--> statement-breakpoint
SELECT gw_rebuild_completion();
