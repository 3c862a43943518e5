-- A stamp that moves whenever anything the risk facts are made of may have changed (counters, deadlines,
-- extensions, outages): the API keeps the present ranking while the stamp stands still. A sequence, so that
-- concurrent saves never wait on each other for it.
CREATE SEQUENCE completion_change_seq;--> statement-breakpoint
GRANT SELECT ON completion_change_seq TO gradewatch_app;--> statement-breakpoint
CREATE FUNCTION gw_completion_stamp() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM nextval('completion_change_seq');
  RETURN NULL;
END
$$;--> statement-breakpoint
-- Saves change value, comment, updated_at and version only: no stamp for them.
CREATE TRIGGER completion_stamp AFTER INSERT OR DELETE ON mark FOR EACH STATEMENT EXECUTE FUNCTION gw_completion_stamp();--> statement-breakpoint
CREATE TRIGGER completion_stamp_moved AFTER UPDATE OF period_id, section_id, student_id, school_id, entered_at ON mark FOR EACH STATEMENT EXECUTE FUNCTION gw_completion_stamp();--> statement-breakpoint
CREATE TRIGGER completion_stamp AFTER INSERT OR UPDATE OR DELETE ON enrollment FOR EACH STATEMENT EXECUTE FUNCTION gw_completion_stamp();--> statement-breakpoint
CREATE TRIGGER completion_stamp AFTER INSERT OR UPDATE OR DELETE ON section FOR EACH STATEMENT EXECUTE FUNCTION gw_completion_stamp();--> statement-breakpoint
CREATE TRIGGER completion_stamp AFTER INSERT OR UPDATE OR DELETE ON school FOR EACH STATEMENT EXECUTE FUNCTION gw_completion_stamp();--> statement-breakpoint
CREATE TRIGGER completion_stamp AFTER INSERT OR UPDATE OR DELETE ON grading_item FOR EACH STATEMENT EXECUTE FUNCTION gw_completion_stamp();--> statement-breakpoint
CREATE TRIGGER completion_stamp AFTER INSERT OR UPDATE OR DELETE ON reporting_period FOR EACH STATEMENT EXECUTE FUNCTION gw_completion_stamp();--> statement-breakpoint
CREATE TRIGGER completion_stamp AFTER INSERT ON deadline_change FOR EACH STATEMENT EXECUTE FUNCTION gw_completion_stamp();--> statement-breakpoint
CREATE TRIGGER completion_stamp AFTER INSERT OR UPDATE OR DELETE ON deadline_extension FOR EACH STATEMENT EXECUTE FUNCTION gw_completion_stamp();--> statement-breakpoint
CREATE TRIGGER completion_stamp AFTER INSERT OR UPDATE OR DELETE ON outage FOR EACH STATEMENT EXECUTE FUNCTION gw_completion_stamp();--> statement-breakpoint
CREATE TRIGGER completion_stamp AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON completion_outage FOR EACH STATEMENT EXECUTE FUNCTION gw_completion_stamp();--> statement-breakpoint
CREATE TRIGGER completion_stamp_truncate AFTER TRUNCATE ON completion_school FOR EACH STATEMENT EXECUTE FUNCTION gw_completion_stamp();
