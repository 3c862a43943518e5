-- gw_save_marks checks the actor's reach with the scope functions generated from the access policy
-- (migration 0012_row_security_policies) instead of its own role CASE: the rest of the function is unchanged.
CREATE OR REPLACE FUNCTION gw_save_marks(p_now timestamptz, p_source mark_source, p_request_id text, p_items jsonb)
RETURNS SETOF jsonb LANGUAGE plpgsql VOLATILE SECURITY INVOKER
-- Its statements' parameters are the item's fields, so PL/pgSQL would plan them afresh on each call for a
-- while (custom plans, ~0.4 ms each, most of the cost); the generic plan is the same index lookups.
SET plan_cache_mode = force_generic_plan AS $$
DECLARE
  v_actor integer := gw_actor_setting('id');
  -- The actor's reach for changing marks, once per call.
  v_all boolean := gw_reach('mark.update') = 'all';
  v_schools integer[] := gw_scope_school_ids('mark.update');
  v_sections integer[] := gw_scope_section_ids('mark.update');
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
          AND (v_all OR s.school_id = ANY (v_schools) OR s.id = ANY (v_sections))
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
