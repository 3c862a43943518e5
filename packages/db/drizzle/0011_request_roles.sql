-- Requests log in as gradewatch_authenticator (PostgREST's authenticator, PostGraphile's owner vs
-- authenticator): no table rights of its own, NOINHERIT, and it can only become the request roles that
-- migration 0012_row_security_policies generates from the access policy. Migrations and seeds run as the owner. Roles are
-- cluster-wide and many databases migrate at once on one server: a role another database made first is fine.
DO $$
BEGIN
  CREATE ROLE gradewatch_authenticator LOGIN NOINHERIT NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END
$$;--> statement-breakpoint
-- The only tables it reads, before the request's role is set: the maintenance state that rides on the
-- statement setting the identity. Neither holds anything private.
GRANT SELECT ON maintenance_window, outage TO gradewatch_authenticator;--> statement-breakpoint
-- A request must never read a session id: the id is what the identity is derived from below.
REVOKE ALL ON session FROM gradewatch_app;--> statement-breakpoint
GRANT SELECT (employee_id, created_at, expires_at, revoked_at), UPDATE (revoked_at) ON session TO gradewatch_app;--> statement-breakpoint
-- The session id a request set (transaction-local), or null when it is not one.
CREATE FUNCTION gw_session_id() RETURNS uuid LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN s ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN s::uuid END
  FROM coalesce(current_setting('gradewatch.session', true), '') AS s
$$;--> statement-breakpoint
-- The request's actor, derived from its session id by a lookup the request itself cannot make (it may not
-- read session ids): setting another identity means knowing another live session's unguessable id.
-- Expiry is the API's check (its clock may be simulated); a revoked session or inactive employee is nobody.
CREATE FUNCTION gw_actor() RETURNS TABLE (id integer, role text, school_id integer, esc_id integer, home_esc_id integer)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  -- PL/pgSQL keeps this plan for the session; a SQL function would be planned again on every call.
  RETURN QUERY SELECT e.id, e.role::text, e.school_id, e.esc_id, coalesce(e.esc_id, sc.esc_id)
    FROM session s JOIN employee e ON e.id = s.employee_id LEFT JOIN school sc ON sc.id = e.school_id
    WHERE s.id = gw_session_id() AND s.revoked_at IS NULL AND e.active;
END
$$;--> statement-breakpoint
-- The identity statement's lookup (the authenticator's only way to a session): live at the API's "now".
CREATE FUNCTION gw_session_actor(p_session uuid, p_now timestamptz) RETURNS TABLE (id integer, role text, school_id integer, esc_id integer)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT e.id, e.role::text, e.school_id, e.esc_id FROM session s JOIN employee e ON e.id = s.employee_id
  WHERE s.id = p_session AND s.revoked_at IS NULL AND s.expires_at > p_now AND e.active
  LIMIT 1
$$;--> statement-breakpoint
-- The helpers that policies and gw_save_marks already call now answer from the session, not from
-- settings a request could overwrite.
CREATE OR REPLACE FUNCTION gw_actor_role() RETURNS text LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN coalesce((SELECT a.role FROM gw_actor() a), '');
END
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION gw_actor_setting(name text) RETURNS integer LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN (SELECT CASE name WHEN 'id' THEN a.id WHEN 'school' THEN a.school_id WHEN 'esc' THEN a.esc_id END FROM gw_actor() a);
END
$$;--> statement-breakpoint
-- History is evidence, against the owner too: rows are added, never changed or removed. A future history
-- table calls gw_make_append_only('<table>') in its migration. Only a deliberate reset of the whole
-- database (the seed's --reset, which sets gradewatch.history_reset in its transaction) may truncate.
CREATE FUNCTION gw_refuse_history_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' AND current_setting('gradewatch.history_reset', true) = 'on' THEN
    RETURN NULL;
  END IF;
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;--> statement-breakpoint
CREATE FUNCTION gw_make_append_only(t regclass) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('CREATE TRIGGER append_only BEFORE UPDATE OR DELETE ON %s FOR EACH ROW EXECUTE FUNCTION gw_refuse_history_change()', t);
  EXECUTE format('CREATE TRIGGER append_only_truncate BEFORE TRUNCATE ON %s FOR EACH STATEMENT EXECUTE FUNCTION gw_refuse_history_change()', t);
END
$$;--> statement-breakpoint
SELECT gw_make_append_only('mark_history');
