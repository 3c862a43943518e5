export const DISTRICT_TIME_ZONE = "America/Los_Angeles";

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      weekday: "short",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export interface LocalParts {
  date: string;
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number;
}

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

export function localParts(instant: Date, timeZone = DISTRICT_TIME_ZONE): LocalParts {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(instant)) parts[p.type] = p.value;
  const year = Number(parts.year);
  const month = Number(parts.month);
  const day = Number(parts.day);
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    year,
    month,
    day,
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: WEEKDAYS.indexOf(parts.weekday ?? ""),
  };
}

// A zone's offset is constant within a quarter hour (every time zone changes its offset on a quarter hour):
// localDate asks Intl once per zone and quarter hour, not once per instant (a risk forecast asks thousands).
const QUARTER_HOUR = 15 * 60_000;
const quarterOffsets = new Map<string, number>();

/** The calendar date (YYYY-MM-DD) of an instant in the district's time zone. */
export function localDate(instant: Date, timeZone = DISTRICT_TIME_ZONE): string {
  const ms = instant.getTime();
  if (!Number.isFinite(ms)) return localParts(instant, timeZone).date;
  const quarter = Math.floor(ms / QUARTER_HOUR) * QUARTER_HOUR;
  const key = `${timeZone}|${quarter}`;
  let offset = quarterOffsets.get(key);
  if (offset === undefined) {
    if (quarterOffsets.size > 50_000) quarterOffsets.clear();
    offset = offsetMs(new Date(quarter), timeZone);
    quarterOffsets.set(key, offset);
  }
  const local = new Date(ms + offset);
  const year = local.getUTCFullYear();
  // Outside 0000-9999 toISOString writes an extended year: leave those to Intl.
  if (year < 0 || year > 9999) return localParts(instant, timeZone).date;
  return local.toISOString().slice(0, 10);
}

function offsetMs(instant: Date, timeZone: string): number {
  const p = localParts(instant, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;

export function isIsoDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

/**
 * The instant at which the wall clock of `timeZone` reads `date time`.
 * A time skipped by a DST change resolves forward; a repeated time resolves to its first occurrence.
 */
export function zonedInstant(date: string, time = "00:00", timeZone = DISTRICT_TIME_ZONE): Date {
  const d = DATE_RE.exec(date);
  const t = TIME_RE.exec(time);
  if (!d || !isIsoDate(date)) throw new RangeError(`Not a date (YYYY-MM-DD): ${date}`);
  if (!t) throw new RangeError(`Not a time (HH:MM[:SS[.mmm]]): ${time}`);
  const ms = Number((t[4] ?? "0").padEnd(3, "0"));
  const wall = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]), Number(t[3] ?? 0), ms);
  const candidates = new Set<number>();
  for (const probe of [wall - 36 * 3600_000, wall, wall + 36 * 3600_000]) {
    candidates.add(wall - offsetMs(new Date(probe), timeZone));
  }
  const exact = [...candidates].filter((c) => c + offsetMs(new Date(c), timeZone) === wall).sort((a, b) => a - b);
  if (exact.length > 0) return new Date(exact[0]!);
  // In a spring-forward gap: use the offset from before the gap.
  return new Date(wall - offsetMs(new Date(wall - 24 * 3600_000), timeZone));
}

/** The last millisecond of a calendar day in the district: "end of the deadline day". */
export function endOfDay(date: string, timeZone = DISTRICT_TIME_ZONE): Date {
  return new Date(zonedInstant(addDays(date, 1), "00:00", timeZone).getTime() - 1);
}

// Calendar arithmetic is asked the same few questions over and over (a forecast walks the same weeks for
// every school): answers are kept.
const addDaysKept = new Map<string, string>();

export function addDays(date: string, days: number): string {
  const key = `${date}|${days}`;
  const kept = addDaysKept.get(key);
  if (kept !== undefined) return kept;
  if (!isIsoDate(date)) throw new RangeError(`Not a date (YYYY-MM-DD): ${date}`);
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const out = new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
  if (addDaysKept.size > 50_000) addDaysKept.clear();
  addDaysKept.set(key, out);
  return out;
}

export function weekday(date: string): number {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** District holidays with schools closed, 2014-15 (the ones that fall in the autumn marking windows). */
export const DISTRICT_HOLIDAYS: ReadonlyMap<string, string> = new Map([
  ["2014-09-01", "Labor Day"],
  ["2014-11-11", "Veterans Day"],
  ["2014-11-27", "Thanksgiving"],
  ["2014-11-28", "Day after Thanksgiving"],
]);

export function isSchoolDay(date: string): boolean {
  const wd = weekday(date);
  return wd !== 0 && wd !== 6 && !DISTRICT_HOLIDAYS.has(date);
}

/** School days from `from` to `to`, both inclusive. */
export function schoolDaysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) if (isSchoolDay(d)) days.push(d);
  return days;
}
