-- issue 11: compensation logs. The history of every log is evidence: rows are added, never changed.
SELECT gw_make_append_only('compensation_log_history');--> statement-breakpoint
-- Request roles use gradewatch_app's rights (migration 0012); say them here rather than rely on default privileges.
GRANT SELECT, INSERT, UPDATE ON compensation_log, pay_period, compensation_setting TO gradewatch_app;--> statement-breakpoint
GRANT SELECT, INSERT ON compensation_log_history TO gradewatch_app;--> statement-breakpoint
REVOKE DELETE ON compensation_log, compensation_log_history, pay_period, compensation_setting FROM gradewatch_app;--> statement-breakpoint
INSERT INTO compensation_setting (id, window_start, window_end, daily_cap_minutes, budget_cents, rates, updated_at)
VALUES (1, '2014-11-04', '2014-12-19', 240, 250000000, '{"CERTIFICATED": 5046, "ADMINISTRATOR": 6512, "CLASSIFIED": 3480}', '2014-11-05T16:00:00Z')
ON CONFLICT (id) DO NOTHING;--> statement-breakpoint
-- Evidence beside a claim: what the system recorded of the employee in the claimed span, as counts and
-- times only. It reads mark_history with the owner's rights, so HR (who may not read marks) sees the
-- aggregates and never a mark or a student. It answers only for logs the actor may read (the reach of
-- compensation.read in packages/domain/src/policy.ts); with no actor (the owner: seed, measurements) for all.
CREATE FUNCTION gw_compensation_evidence(p_log_ids integer[])
RETURNS TABLE (log_id integer, mark_changes integer, first_change_at timestamptz, last_change_at timestamptz, sections text[])
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  a record;
BEGIN
  SELECT * INTO a FROM gw_actor();
  RETURN QUERY
  SELECT l.id, coalesce(e.n, 0)::integer, e.first_at, e.last_at, coalesce(e.sections, '{}'::text[])
  FROM compensation_log l
  LEFT JOIN LATERAL (
    SELECT count(*) AS n, min(mh.changed_at) AS first_at, max(mh.changed_at) AS last_at,
      (SELECT array_agg(s.course_name || ' (' || s.id || ')' ORDER BY s.id) FROM section s WHERE s.id = ANY (array_agg(DISTINCT mh.section_id))) AS sections
    FROM mark_history mh
    WHERE mh.school_id = l.school_id AND mh.changed_by_id = l.employee_id AND mh.changed_at >= l.starts_at AND mh.changed_at < l.ends_at
  ) e ON true
  WHERE l.id = ANY (p_log_ids)
    AND (a.id IS NULL
      OR a.role IN ('HR', 'DISTRICT_ADMIN')
      OR l.employee_id = a.id
      OR (a.role = 'PRINCIPAL' AND l.school_id = a.school_id)
      OR (a.role = 'ESC_DIRECTOR' AND l.esc_id = a.home_esc_id));
END
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION gw_compensation_evidence(integer[]) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION gw_compensation_evidence(integer[]) TO gradewatch_app;
