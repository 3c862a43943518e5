-- The district's settings hold the key that signs session tokens: only the owner (the API's start-up and
-- its clock) reads or writes them, never a request, so SQL run inside a request cannot forge a token.
REVOKE ALL ON district_setting FROM gradewatch_app;
--> statement-breakpoint
-- The other history tables are append-only against the owner too, as mark_history is (migration 0011).
SELECT gw_make_append_only('deadline_change');--> statement-breakpoint
SELECT gw_make_append_only('operations_change');
