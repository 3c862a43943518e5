-- Name search (ilike '%...%') on the district's 650,000 students cannot use a btree index; trigram GIN
-- indexes (next migration) can. pg_trgm is a trusted extension: the database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
