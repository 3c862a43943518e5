-- As-of-ready data (issue 8, part 5). Three things, each kept to the rule it changes:
-- 1. A period's current_deadline is derived from its deadline changes: the latest row's to_deadline, or the
--    original deadline while it has none. A trigger keeps the column so, and any other write to it is refused.
-- 2. deadline_change is append-only for the application.
-- 3. Only an open enrollment (ended_at IS NULL) makes a student a teacher's or puts them on a roster:
--    the student policy's teacher branch and gw_save_marks' enrollment check, otherwise unchanged.
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
  FOR EACH ROW EXECUTE FUNCTION gw_current_deadline_derived();--> statement-breakpoint
ALTER POLICY student_scope ON student USING (
  (SELECT gw_actor_role()) IN ('DISTRICT_ADMIN', 'SYSTEM')
  OR ((SELECT gw_actor_role()) IN ('ESC_DIRECTOR', 'INSTRUCTIONAL_SUPERINTENDENT')
      AND school_id IN (SELECT s.id FROM school s WHERE s.esc_id = (SELECT gw_actor_setting('esc'))))
  OR ((SELECT gw_actor_role()) = 'PRINCIPAL' AND school_id = (SELECT gw_actor_setting('school')))
  OR ((SELECT gw_actor_role()) = 'TEACHER' AND id IN (
      SELECT e.student_id FROM enrollment e JOIN section s ON s.id = e.section_id
      WHERE s.teacher_id = (SELECT gw_actor_setting('id')) AND e.ended_at IS NULL))
);--> statement-breakpoint
CREATE OR REPLACE FUNCTION gw_save_marks(p_now timestamptz, p_source mark_source, p_request_id text, p_items jsonb)
RETURNS SETOF jsonb LANGUAGE plpgsql VOLATILE SECURITY INVOKER
-- Its statements' parameters are the item's fields, so PL/pgSQL would plan them afresh on each call for a
-- while (custom plans, ~0.4 ms each, most of the cost); the generic plan is the same index lookups.
SET plan_cache_mode = force_generic_plan AS $$
DECLARE
  v_role text := gw_actor_role();
  v_actor integer := gw_actor_setting('id');
  v_school integer := gw_actor_setting('school');
  v_esc integer := gw_actor_setting('esc');
  it jsonb;
  op record;
  v record;
  cur mark%ROWTYPE;
  saved mark%ROWTYPE;
  v_value text;
  v_comment text;
  v_base integer;
  v_result jsonb;
  v_constraint text;
BEGIN
  FOR it IN SELECT e FROM jsonb_array_elements(p_items) AS t(e) LOOP
    -- A retried operation is answered from what was stored for it (the service compares the hash).
    SELECT o.payload_hash, o.result INTO op FROM mark_operation o
      WHERE o.actor_id = v_actor AND o.operation_id = it->>'operationId';
    IF FOUND THEN
      RETURN NEXT jsonb_build_object('kind', 'STORED', 'payloadHash', op.payload_hash, 'result', op.result);
      CONTINUE;
    END IF;
    BEGIN
      -- The service's validate(): the section under the actor's scope, the period, the grading item of
      -- that period, the enrollment and the latest deadline extension.
      SELECT s.school_id, s.level::text AS section_level, p.level::text AS period_level, p.window_opens_on,
             p.current_deadline, g.scale::text AS scale, e.id AS enrolled_id,
             (SELECT max(x.extended_to) FROM deadline_extension x
               WHERE x.period_id = p.id AND x.school_id = s.school_id AND (x.section_id IS NULL OR x.section_id = s.id)) AS extended_to
        INTO v
        FROM section s
        LEFT JOIN reporting_period p ON p.id = (it->>'periodId')::integer
        LEFT JOIN grading_item g ON g.id = (it->>'gradingItemId')::integer AND g.period_id = p.id
        LEFT JOIN enrollment e ON e.section_id = s.id AND e.student_id = (it->>'studentId')::integer AND e.ended_at IS NULL
        WHERE s.id = (it->>'sectionId')::integer
          AND CASE v_role
                WHEN 'DISTRICT_ADMIN' THEN true
                WHEN 'ESC_DIRECTOR' THEN s.school_id IN (SELECT sc.id FROM school sc WHERE sc.esc_id = coalesce(v_esc, -1))
                WHEN 'INSTRUCTIONAL_SUPERINTENDENT' THEN s.school_id IN (SELECT sc.id FROM school sc WHERE sc.esc_id = coalesce(v_esc, -1))
                WHEN 'PRINCIPAL' THEN s.school_id = coalesce(v_school, -1)
                WHEN 'TEACHER' THEN s.teacher_id = v_actor
                ELSE false
              END
        LIMIT 1;
      -- The window opens at midnight and the deadline is the end (last millisecond) of the later of the
      -- period's deadline day and the school's or section's extension, on the Los Angeles clock.
      IF NOT FOUND OR v.period_level IS NULL OR v.period_level <> v.section_level OR v.scale IS NULL
         OR v.enrolled_id IS NULL
         OR p_now < (v.window_opens_on::timestamp AT TIME ZONE 'America/Los_Angeles')
         OR p_now > ((greatest(v.current_deadline, v.extended_to) + 1)::timestamp AT TIME ZONE 'America/Los_Angeles') - interval '1 millisecond'
         OR NOT coalesce((it->'scales') ? v.scale, false) THEN
        RETURN NEXT jsonb_build_object('kind', 'FALLBACK');
        RETURN;
      END IF;
      v_value := it->>'value';
      v_comment := it->>'comment';
      v_base := (it->>'baseVersion')::integer;
      v_result := NULL;
      SELECT * INTO cur FROM mark m
        WHERE m.period_id = (it->>'periodId')::integer AND m.section_id = (it->>'sectionId')::integer
          AND m.student_id = (it->>'studentId')::integer AND m.grading_item_id = (it->>'gradingItemId')::integer
        FOR UPDATE;
      IF NOT FOUND THEN
        IF v_base IS NOT NULL THEN
          RETURN NEXT jsonb_build_object('kind', 'FALLBACK');
          RETURN;
        END IF;
        INSERT INTO mark (school_id, period_id, section_id, student_id, grading_item_id, value, comment, entered_by_id, entered_at, updated_at, version)
          VALUES (v.school_id, (it->>'periodId')::integer, (it->>'sectionId')::integer, (it->>'studentId')::integer,
                  (it->>'gradingItemId')::integer, v_value, v_comment, v_actor, p_now, p_now, 1)
          ON CONFLICT DO NOTHING
          RETURNING * INTO saved;
        IF NOT FOUND THEN
          SELECT * INTO cur FROM mark m
            WHERE m.period_id = (it->>'periodId')::integer AND m.section_id = (it->>'sectionId')::integer
              AND m.student_id = (it->>'studentId')::integer AND m.grading_item_id = (it->>'gradingItemId')::integer;
          v_result := jsonb_build_object('operationId', it->>'operationId', 'status', 'CONFLICT',
            'reason', format('Someone saved version %s of this mark since you last saw it', cur.version),
            'mark', gw_mark_json(cur), 'replayed', false);
        END IF;
      ELSIF coalesce(v_base, 0) <> cur.version THEN
        v_result := jsonb_build_object('operationId', it->>'operationId', 'status', 'CONFLICT',
          'reason', format('Someone saved version %s of this mark since you last saw it', cur.version),
          'mark', gw_mark_json(cur), 'replayed', false);
      ELSIF cur.value = v_value AND cur.comment IS NOT DISTINCT FROM v_comment THEN
        v_result := jsonb_build_object('operationId', it->>'operationId', 'status', 'SAVED', 'mark', gw_mark_json(cur), 'replayed', false);
      ELSE
        UPDATE mark SET value = v_value, comment = v_comment, updated_at = p_now, version = cur.version + 1
          WHERE id = cur.id AND version = cur.version
          RETURNING * INTO saved;
      END IF;
      IF v_result IS NULL THEN
        INSERT INTO mark_history (mark_id, school_id, section_id, old_value, new_value, old_comment, new_comment, version,
                                  changed_by_id, changed_at, client_entered_at, source, operation_id, request_id)
          VALUES (saved.id, saved.school_id, saved.section_id, cur.value, saved.value, cur.comment, saved.comment, saved.version,
                  v_actor, p_now, (it->>'clientEnteredAt')::timestamptz, p_source, it->>'operationId', p_request_id);
        v_result := jsonb_build_object('operationId', it->>'operationId', 'status', 'SAVED', 'mark', gw_mark_json(saved), 'replayed', false);
      END IF;
      INSERT INTO mark_operation (actor_id, operation_id, payload_hash, result, created_at)
        VALUES (v_actor, it->>'operationId', it->>'payloadHash', v_result, p_now);
      RETURN NEXT jsonb_build_object('kind', 'DONE', 'result', v_result);
    EXCEPTION WHEN unique_violation THEN
      -- The same operation arrived at the same moment on another connection: answer as its replay.
      GET STACKED DIAGNOSTICS v_constraint = CONSTRAINT_NAME;
      IF v_constraint IS DISTINCT FROM 'mark_operation_actor_id_operation_id_pk' THEN
        RAISE;
      END IF;
      SELECT o.payload_hash, o.result INTO op FROM mark_operation o
        WHERE o.actor_id = v_actor AND o.operation_id = it->>'operationId';
      RETURN NEXT jsonb_build_object('kind', 'STORED', 'payloadHash', op.payload_hash, 'result', op.result);
    END;
  END LOOP;
END
$$;
