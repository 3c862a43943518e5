import { sql } from "drizzle-orm";
import type { Db } from "../client.js";
import { DEMO_DOMAIN } from "./generate.js";
import type { SeedScale } from "./plan.js";

// Compensation logs for the queues to show something true: teachers and principals who worked evenings
// after the November 4 outage and the weekend of November 8-9, a few straddling the end of their workday,
// some through the 9-10 pm maintenance window, and claims with no recorded activity (flagged, not refused).
// The demo clock starts on the morning of November 5, so the demo holds only the evening of November 4.
// Deterministic: every choice is a hash of the employee's id and the day.

interface Day {
  date: string;
  weekend: boolean;
}

const LAUSD_DAYS: Day[] = ["2014-11-04", "2014-11-05", "2014-11-06", "2014-11-07", "2014-11-08", "2014-11-09", "2014-11-10", "2014-11-12", "2014-11-13", "2014-11-14"].map((date) => ({
  date,
  weekend: date === "2014-11-08" || date === "2014-11-09",
}));

export async function seedCompensation(db: Db, scale: SeedScale, seedNumber: number): Promise<number> {
  await db.execute(sql`insert into compensation_setting (id, window_start, window_end, daily_cap_minutes, budget_cents, rates, updated_at)
    values (1, '2014-11-04', '2014-12-19', 240, ${scale === "demo" ? 2_500_000 : 250_000_000},
      '{"CERTIFICATED": 5046, "ADMINISTRATOR": 6512, "CLASSIFIED": 3480}', '2014-11-05T16:00:00Z')
    on conflict (id) do update set budget_cents = excluded.budget_cents`);
  const days = scale === "demo" ? [{ date: "2014-11-04", weekend: false }] : LAUSD_DAYS;
  // Per mille of the evenings with entries that become a claim, and of those without: lausd about 50,000 logs.
  const activityRate = scale === "demo" ? 700 : 560;
  const quietRate = scale === "demo" ? 60 : 30;
  // States: the later the day, the less far along; in the demo nothing was decided by HR yet.
  const lastDecided = scale === "demo" ? "2014-11-04" : "2014-11-12";
  const daysJson = JSON.stringify(days.map((d, i) => ({ d: d.date, w: d.weekend, i })));
  const seedMix = seedNumber % 997;
  const inserted = (await db.execute(sql`
    with days as (
      select (x->>'d')::date as d, (x->>'w')::boolean as weekend, (x->>'i')::int as i from jsonb_array_elements(${daysJson}::jsonb) as x
    ),
    staff as (
      select e.id, e.school_id, s.esc_id, e.workday_start, e.workday_end, s.principal_id, e.role
      from employee e join school s on s.id = e.school_id
      where e.role in ('TEACHER', 'PRINCIPAL') and e.active and e.email <> ${`teacher@${DEMO_DOMAIN}`}
    ),
    -- What each employee entered outside their workday on each day (Los Angeles time).
    activity as (
      select mh.changed_by_id as id, (mh.changed_at at time zone 'America/Los_Angeles')::date as d,
        min(mh.changed_at at time zone 'America/Los_Angeles') as first_local, max(mh.changed_at at time zone 'America/Los_Angeles') as last_local
      from mark_history mh join employee e on e.id = mh.changed_by_id
      where mh.changed_at >= ${`${days[0]!.date}T00:00:00-08:00`}::timestamptz and mh.changed_at < ${`${days[days.length - 1]!.date}T23:59:59-08:00`}::timestamptz
        and ((mh.changed_at at time zone 'America/Los_Angeles')::time >= e.workday_end or extract(isodow from (mh.changed_at at time zone 'America/Los_Angeles')) >= 6)
      group by 1, 2
    ),
    picked as (
      select st.*, d.d, d.weekend, d.i, a.first_local, a.last_local, ((st.id::bigint * 2654435761 + d.i * 40503 + ${seedMix}) % 1000003)::int as h
      from staff st cross join days d left join activity a on a.id = st.id and a.d = d.d
    ),
    -- Most claims cover the evening's own entries, from a quarter hour before the first to a quarter hour
    -- after the last (at most 4 hours); a few claim time the system saw nothing of (flagged), some of them
    -- straddling the end of the workday.
    spans as (
      select p.*,
        case
          when p.first_local is not null then
            case when p.weekend then q.first_q - interval '15 minutes' else greatest(q.first_q - interval '15 minutes', p.d + p.workday_end) end
          when p.weekend then p.d + time '09:00' + ((p.h / 7) % 12) * interval '15 minutes'
          when p.h % 40 = 0 then p.d + p.workday_end - interval '30 minutes'
          else p.d + time '17:00' + ((p.h / 7) % 14) * interval '15 minutes'
        end as start_ts,
        case
          when p.first_local is not null then q.last_q + interval '30 minutes'
          when p.weekend then p.d + time '09:00' + ((p.h / 7) % 12) * interval '15 minutes' + (90 + ((p.h / 11) % 9) * 15) * interval '1 minute'
          when p.h % 40 = 0 then p.d + p.workday_end + (30 + ((p.h / 11) % 7) * 15) * interval '1 minute'
          else p.d + time '17:00' + ((p.h / 7) % 14) * interval '15 minutes' + (60 + ((p.h / 11) % 7) * 15) * interval '1 minute'
        end as end_wanted
      from picked p
      cross join lateral (select date_trunc('hour', p.first_local) + floor(extract(minute from p.first_local) / 15) * interval '15 minutes' as first_q,
        date_trunc('hour', p.last_local) + floor(extract(minute from p.last_local) / 15) * interval '15 minutes' as last_q) q
      where (p.first_local is not null and p.h % 1000 < ${activityRate}) or (p.first_local is null and p.h % 1000 < ${quietRate})
    ),
    shaped as (
      select sp.*, b.s0::time as start_local,
        (extract(epoch from (least(greatest(sp.end_wanted, b.s0 + interval '30 minutes'), b.s0 + interval '240 minutes', sp.d + interval '1 day') - b.s0)) / 60)::int as minutes,
        (sp.h / 13) % 100 as c,
        (sp.h / 17) % 100 as s
      from spans sp cross join lateral (select greatest(sp.start_ts, sp.d::timestamp) as s0) b
    )
    insert into compensation_log (employee_id, school_id, esc_id, work_date, starts_at, ends_at, minutes, counted_minutes, category, outage_id,
      description, state, version, created_at, submitted_at, certified_by_id, certified_at, decided_by_id, decided_at, reason)
    select x.id, x.school_id, x.esc_id, x.d, x.starts_at, x.starts_at + x.minutes * interval '1 minute', x.minutes,
      case when x.weekend then x.minutes else x.minutes - greatest(0, least(x.minutes, (extract(epoch from (x.workday_end - x.start_local)) / 60)::int)) end,
      x.category::compensation_category,
      case when x.category = 'RE_ENTERING_LOST_DATA' then (select o.id from outage o where o.kind = 'UNPLANNED' order by o.starts_at limit 1) end,
      case x.category
        when 'RE_ENTERING_LOST_DATA' then 'Re-entered grades lost in the November 4 outage'
        when 'GRADE_ENTRY_OUTSIDE_WORKDAY' then 'Report card grades entered at home after the extension'
        when 'SYSTEM_WORKAROUND' then 'Kept paper backups and re-saved every 15 minutes'
        when 'TRAINING' then 'Training on saving work during the maintenance window'
        else 'Parent calls about report cards'
      end,
      x.state::compensation_state,
      case x.state when 'DRAFT' then 1 when 'SUBMITTED' then 2 when 'CERTIFIED' then 3 else 4 end,
      x.starts_at + x.minutes * interval '1 minute',
      case when x.state <> 'DRAFT' then x.starts_at + (x.minutes + 20) * interval '1 minute' end,
      case when x.state in ('CERTIFIED', 'APPROVED', 'REJECTED') then x.certifier end,
      case when x.state in ('CERTIFIED', 'APPROVED', 'REJECTED') then least(x.starts_at + interval '14 hours', timestamptz '2014-11-05T07:40:00-08:00' + (x.i * interval '1 day')) end,
      case when x.state in ('APPROVED', 'REJECTED') then (select min(h.id) from employee h where h.role = 'HR') end,
      case when x.state in ('APPROVED', 'REJECTED') then x.starts_at + interval '2 days' end,
      case when x.state = 'REJECTED' then 'No grade entry recorded and no problem report for this evening' end
    from (
      select sh.*, ((sh.d + sh.start_local) at time zone 'America/Los_Angeles') as starts_at,
        case when sh.role = 'TEACHER' then sh.principal_id end as certifier,
        case
          when sh.c < 50 then 'RE_ENTERING_LOST_DATA'
          when sh.c < 80 then 'GRADE_ENTRY_OUTSIDE_WORKDAY'
          when sh.c < 90 then 'SYSTEM_WORKAROUND'
          when sh.c < 95 then 'TRAINING'
          else 'OTHER'
        end as category,
        case
          when sh.s < 6 then 'DRAFT'
          when sh.s < 40 or sh.d > ${lastDecided}::date or (sh.role = 'TEACHER' and sh.principal_id is null) or sh.role = 'PRINCIPAL' then 'SUBMITTED'
          when sh.s < 85 or ${scale === "demo"} then 'CERTIFIED'
          when sh.s < 95 then 'APPROVED'
          else 'REJECTED'
        end as state
      from shaped sh
    ) x
    returning id`)) as unknown as { rows: unknown[] } | unknown[];
  const count = Array.isArray(inserted) ? inserted.length : inserted.rows.length;
  // A claim with no mark entered or changed by the employee in its span is flagged (some work leaves no trace).
  await db.execute(sql`update compensation_log l set flagged = not exists (
      select 1 from mark_history mh where mh.school_id = l.school_id and mh.changed_by_id = l.employee_id and mh.changed_at >= l.starts_at and mh.changed_at < l.ends_at)
    where l.state <> 'DRAFT'`);
  // Every step each log took, as the history would have recorded it.
  await db.execute(sql`insert into compensation_log_history (log_id, from_state, to_state, reason, changed_by_id, changed_at, source)
    select l.id, null::compensation_state, 'DRAFT'::compensation_state, null, l.employee_id, l.created_at, 'SEED' from compensation_log l
    union all select l.id, 'DRAFT', 'SUBMITTED'::compensation_state, null, l.employee_id, l.submitted_at, 'SEED' from compensation_log l where l.submitted_at is not null
    union all select l.id, 'SUBMITTED', 'CERTIFIED'::compensation_state, null, l.certified_by_id, l.certified_at, 'SEED' from compensation_log l where l.certified_by_id is not null
    union all select l.id, 'CERTIFIED', l.state, l.reason, l.decided_by_id, l.decided_at, 'SEED' from compensation_log l where l.decided_by_id is not null
    order by 1, 6`);
  return count;
}
