-- The present ranking is kept while completion_change_seq stands still. A sequence is not transactional: a
-- reader could read the number a change had already drawn, compute the facts before that change committed,
-- and keep them under that number after it did (stale until the next change). Each change now also holds a
-- shared advisory lock until it commits or rolls back, taken before it draws its number; the API keeps what it
-- computed only if it could take that lock exclusively for an instant (no change in flight), and otherwise
-- computes again next time. Shared locks never wait on each other: concurrent saves still do not.
CREATE OR REPLACE FUNCTION gw_completion_stamp() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM pg_advisory_xact_lock_shared(7149110201);
  PERFORM nextval('completion_change_seq');
  RETURN NULL;
END
$$;
