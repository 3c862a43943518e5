-- As-of-ready data (issue 8, part 5):
-- 1. A period's current_deadline is derived from its deadline changes: the latest row's to_deadline, or the
--    original deadline while it has none. A trigger keeps the column so, and any other write to it is refused.
-- 2. deadline_change is append-only for the application.
-- (Only an open enrollment, ended_at IS NULL, puts a student on a roster: the generated row security of
-- migration 0012 and gw_save_marks in 0013 say so.)
-- Deadlines moved before changes were kept become one change each, dated no later than the demo clock's start.
INSERT INTO deadline_change (period_id, from_deadline, to_deadline, reason, changed_by_id, changed_at)
  SELECT p.id, p.original_deadline, p.current_deadline, 'Recorded before deadline changes were kept', NULL,
         least(now(), coalesce((SELECT s.value::timestamptz FROM district_setting s WHERE s.key = 'clock_start'), now()))
    FROM reporting_period p WHERE p.current_deadline <> p.original_deadline;--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON deadline_change FROM gradewatch_app;--> statement-breakpoint
CREATE FUNCTION gw_latest_deadline(p_period integer) RETURNS date LANGUAGE sql STABLE AS $$
  SELECT c.to_deadline FROM deadline_change c WHERE c.period_id = p_period ORDER BY c.changed_at DESC, c.id DESC LIMIT 1
$$;--> statement-breakpoint
CREATE FUNCTION gw_deadline_change_applied() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE reporting_period SET current_deadline = gw_latest_deadline(NEW.period_id) WHERE id = NEW.period_id;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER deadline_change_applied AFTER INSERT ON deadline_change
  FOR EACH ROW EXECUTE FUNCTION gw_deadline_change_applied();--> statement-breakpoint
CREATE FUNCTION gw_current_deadline_derived() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_expected date := coalesce(gw_latest_deadline(NEW.id), NEW.original_deadline);
BEGIN
  IF NEW.current_deadline IS DISTINCT FROM v_expected THEN
    RAISE EXCEPTION 'reporting_period.current_deadline follows deadline_change: record a change instead of writing % (expected %)',
      NEW.current_deadline, v_expected
      USING ERRCODE = 'check_violation', CONSTRAINT = 'reporting_period_current_deadline_derived';
  END IF;
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER reporting_period_current_deadline_derived BEFORE INSERT OR UPDATE OF current_deadline, original_deadline ON reporting_period
  FOR EACH ROW EXECUTE FUNCTION gw_current_deadline_derived();
