-- Open problem reports feed each school's risk reasons (issue 9 reads what issue 10 records). The risk views
-- keep the present ranking while completion_change_seq stands still, so a report's changes move the stamp too.
CREATE TRIGGER completion_stamp AFTER INSERT OR UPDATE OR DELETE ON problem_report FOR EACH STATEMENT EXECUTE FUNCTION gw_completion_stamp();--> statement-breakpoint
-- The ranking is computed once for every school and kept for every reader, like the completion counters, so the
-- report facts it reads must not depend on who asked first: counts by severity and category only (never a title,
-- a description or a comment), read past row security; the risk service shows each reader only the schools in
-- their reach. As of an instant, a report's state is the last one its history had reached by then.
CREATE FUNCTION gw_open_report_facts(p_at timestamptz, p_school_ids integer[])
RETURNS TABLE (school_id integer, severity text, category text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT r.school_id, r.severity::text, r.category::text
  FROM problem_report r
  WHERE (p_school_ids IS NULL OR r.school_id = ANY (p_school_ids))
    AND (p_at IS NULL OR r.filed_at <= p_at)
    AND coalesce(
          CASE WHEN p_at IS NULL THEN r.state
               ELSE (SELECT h.to_state FROM problem_report_history h
                     WHERE h.report_id = r.id AND h.changed_at <= p_at
                     ORDER BY h.changed_at DESC, h.version DESC LIMIT 1) END,
          'NEW') NOT IN ('RESOLVED', 'CLOSED')
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION gw_open_report_facts(timestamptz, integer[]) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION gw_open_report_facts(timestamptz, integer[]) TO gradewatch_app;
