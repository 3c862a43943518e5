import { addDays, DISTRICT_TIME_ZONE, isSchoolDay, localDate, zonedInstant } from "./calendar.js";

/** The hours of a school day, local wall-clock time: the only hours an SLA clock counts. */
export interface SchoolHours {
  start: string;
  end: string;
  timeZone?: string;
}

/** The district's regular teacher work day. */
export const DISTRICT_SCHOOL_HOURS: SchoolHours = { start: "07:30", end: "15:30" };

const MINUTE = 60_000;

function window(day: string, hours: SchoolHours): { start: number; end: number } {
  const tz = hours.timeZone ?? DISTRICT_TIME_ZONE;
  return { start: zonedInstant(day, hours.start, tz).getTime(), end: zonedInstant(day, hours.end, tz).getTime() };
}

/** The school minutes between two instants: school days only, inside the school day only. */
export function schoolMinutesBetween(from: Date, to: Date, hours: SchoolHours = DISTRICT_SCHOOL_HOURS): number {
  if (to.getTime() <= from.getTime()) return 0;
  const tz = hours.timeZone ?? DISTRICT_TIME_ZONE;
  let ms = 0;
  for (let day = localDate(from, tz), last = localDate(to, tz); day <= last; day = addDays(day, 1)) {
    if (!isSchoolDay(day)) continue;
    const w = window(day, hours);
    ms += Math.max(0, Math.min(w.end, to.getTime()) - Math.max(w.start, from.getTime()));
  }
  return ms / MINUTE;
}

/** The first instant at which `minutes` school minutes have passed since `from`. */
export function addSchoolMinutes(from: Date, minutes: number, hours: SchoolHours = DISTRICT_SCHOOL_HOURS): Date {
  if (minutes <= 0) return new Date(from);
  const tz = hours.timeZone ?? DISTRICT_TIME_ZONE;
  let left = minutes * MINUTE;
  // A year of calendar days is far more than any SLA; the bound only guards against a calendar with no school days.
  for (let day = localDate(from, tz), i = 0; i < 366; day = addDays(day, 1), i++) {
    if (!isSchoolDay(day)) continue;
    const w = window(day, hours);
    const start = Math.max(w.start, from.getTime());
    const available = w.end - start;
    if (available <= 0) continue;
    if (left <= available) return new Date(start + left);
    left -= available;
  }
  throw new RangeError("No school day within a year");
}
