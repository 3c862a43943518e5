import { addDays, DISTRICT_TIME_ZONE, localDate, localParts, zonedInstant } from "./calendar.js";

export interface DailyWindow {
  startsAtLocal: string;
  endsAtLocal: string;
  timeZone?: string;
}

const seconds = (hms: string) => {
  const [h, m, s] = hms.split(":").map(Number) as [number, number, number?];
  return h * 3600 + m * 60 + (s ?? 0);
};

/** Seconds until a daily window (local wall-clock times) ends, or null when `now` is outside it. */
export function secondsLeftInDailyWindow(now: Date, w: DailyWindow): number | null {
  const p = localParts(now, w.timeZone ?? DISTRICT_TIME_ZONE);
  const t = p.hour * 3600 + p.minute * 60 + p.second;
  const start = seconds(w.startsAtLocal);
  const end = seconds(w.endsAtLocal);
  return t >= start && t < end ? end - t : null;
}

export interface Occurrence {
  startsAt: Date;
  endsAt: Date;
}

/** A daily window's occurrence on a local calendar date. */
export function dailyOccurrence(w: DailyWindow, date: string): Occurrence & { date: string } {
  const tz = w.timeZone ?? DISTRICT_TIME_ZONE;
  return { date, startsAt: zonedInstant(date, w.startsAtLocal, tz), endsAt: zonedInstant(date, w.endsAtLocal, tz) };
}

/** The latest occurrence of a daily window that has ended by `now`. */
export function lastEndedOccurrence(w: DailyWindow, now: Date): Occurrence & { date: string } {
  const today = dailyOccurrence(w, localDate(now, w.timeZone ?? DISTRICT_TIME_ZONE));
  return today.endsAt <= now ? today : dailyOccurrence(w, addDays(today.date, -1));
}

/** Yesterday's, today's and tomorrow's occurrences (local dates): enough to know what is under way and next. */
export function occurrencesAround(w: DailyWindow, now: Date): (Occurrence & { date: string })[] {
  const today = localDate(now, w.timeZone ?? DISTRICT_TIME_ZONE);
  return [addDays(today, -1), today, addDays(today, 1)].map((d) => dailyOccurrence(w, d));
}

/**
 * Of the occurrences, the one under way at `now` (of overlapping ones, the one that keeps writes refused
 * longest) and the next to start after it.
 */
export function maintenanceAt<O extends Occurrence>(occurrences: readonly O[], now: Date): { active: O | null; next: O | null } {
  const sorted = [...occurrences].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || b.endsAt.getTime() - a.endsAt.getTime());
  const active = sorted.filter((o) => o.startsAt <= now && now < o.endsAt).sort((a, b) => b.endsAt.getTime() - a.endsAt.getTime())[0] ?? null;
  const next = sorted.find((o) => o.startsAt > now && (!active || o.startsAt >= active.endsAt)) ?? null;
  return { active, next };
}
