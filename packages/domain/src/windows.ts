import { DISTRICT_TIME_ZONE, localParts } from "./calendar.js";

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
