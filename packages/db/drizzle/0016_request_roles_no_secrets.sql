-- The district's settings hold the key that signs session tokens: only the owner (the API's start-up and
-- its clock) reads or writes them, never a request, so SQL run inside a request cannot forge a token.
REVOKE ALL ON district_setting FROM gradewatch_app;
