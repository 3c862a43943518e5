ALTER TABLE "completion_section_day" ADD COLUMN "first_entered_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "completion_section_day" ADD COLUMN "last_entered_at" timestamp with time zone;--> statement-breakpoint
-- Each (section, day) counter keeps the day's first and last counted mark (issue 9): an "as of" replay then reads
-- every whole day before its instant from the counters and scans only the marks of its own day, instead of
-- every mark entered by the instant (2 million late in the lausd window). The recount, the refresh, the insert
-- trigger, the rebuild (its counting now in gw_completion_fill, which migration 0035's TRUNCATE trigger calls too) and the
-- reconciliation follow; the new columns are filled by a rebuild.
CREATE OR REPLACE VIEW completion_section_day_recount AS
SELECT m.period_id, m.section_id, (m.entered_at AT TIME ZONE 'America/Los_Angeles')::date AS day, count(*)::integer AS entered,
       min(m.entered_at) AS first_entered_at, max(m.entered_at) AS last_entered_at
FROM mark m
JOIN enrollment e ON e.section_id = m.section_id AND e.student_id = m.student_id AND e.ended_at IS NULL
JOIN section s ON s.id = m.section_id
JOIN reporting_period p ON p.id = m.period_id AND p.level = s.level
GROUP BY 1, 2, 3;--> statement-breakpoint
CREATE OR REPLACE FUNCTION gw_completion_refresh(p_periods integer[], p_sections integer[]) RETURNS void
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
  INSERT INTO completion_section_day (period_id, section_id, day, entered, first_entered_at, last_entered_at)
    SELECT m.period_id, m.section_id, (m.entered_at AT TIME ZONE 'America/Los_Angeles')::date, count(*)::integer, min(m.entered_at), max(m.entered_at)
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
CREATE OR REPLACE FUNCTION gw_completion_marks_inserted() RETURNS trigger
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
  INSERT INTO completion_section_day AS c (period_id, section_id, day, entered, first_entered_at, last_entered_at)
    SELECT period_id, section_id, day, count(*)::integer, min(entered_at), max(entered_at) FROM (SELECT m.period_id, m.section_id, c.school_id, c.teacher_id, m.entered_at, (m.entered_at AT TIME ZONE 'America/Los_Angeles')::date AS day
      FROM new_marks m JOIN completion_section c ON c.period_id = m.period_id AND c.section_id = m.section_id
      WHERE EXISTS (SELECT 1 FROM enrollment e WHERE e.section_id = m.section_id AND e.student_id = m.student_id AND e.ended_at IS NULL)) k GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (period_id, section_id, day) DO UPDATE SET entered = c.entered + excluded.entered,
    first_entered_at = least(c.first_entered_at, excluded.first_entered_at), last_entered_at = greatest(c.last_entered_at, excluded.last_entered_at);
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
CREATE OR REPLACE FUNCTION gw_completion_differences() RETURNS TABLE (table_name text, missing integer, extra integer)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  RETURN QUERY
  SELECT 'completion_section', (SELECT count(*)::integer FROM (SELECT period_id, section_id, school_id, teacher_id, enrolled, expected, entered, first_entered_at, last_entered_at FROM completion_section_recount
      EXCEPT ALL SELECT period_id, section_id, school_id, teacher_id, enrolled, expected, entered, first_entered_at, last_entered_at FROM completion_section) x),
    (SELECT count(*)::integer FROM (SELECT period_id, section_id, school_id, teacher_id, enrolled, expected, entered, first_entered_at, last_entered_at FROM completion_section
      EXCEPT ALL SELECT period_id, section_id, school_id, teacher_id, enrolled, expected, entered, first_entered_at, last_entered_at FROM completion_section_recount) x)
  UNION ALL
  SELECT 'completion_section_day', (SELECT count(*)::integer FROM (SELECT period_id, section_id, day, entered, first_entered_at, last_entered_at FROM completion_section_day_recount EXCEPT ALL SELECT period_id, section_id, day, entered, first_entered_at, last_entered_at FROM completion_section_day) x),
    (SELECT count(*)::integer FROM (SELECT period_id, section_id, day, entered, first_entered_at, last_entered_at FROM completion_section_day EXCEPT ALL SELECT period_id, section_id, day, entered, first_entered_at, last_entered_at FROM completion_section_day_recount) x)
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
SELECT gw_rebuild_completion();
