import { LA_DATETIME } from "../common/choices";

const DAY = { timeZone: "UTC", weekday: "short", month: "short", day: "numeric" } as const;

/** "Fri, Nov 14" for a calendar day "2014-11-14" (read at UTC midnight so no zone moves it). */
export const dayLabel = (day: string | null | undefined) => (day ? new Date(`${day}T00:00:00Z`).toLocaleDateString("en-US", DAY) : "—");

/** "Nov 5, 2014, 10:03 AM PST": an instant on Los Angeles clocks. */
export const instantLabel = (at: string | Date) => new Date(at).toLocaleString("en-US", LA_DATETIME);

export const count = (n: number) => Math.round(n).toLocaleString("en-US");

/** Never rounds up to a figure not yet reached: 99.7 reads "99.7%", not "100%"; 88.6 reads "88%". */
export const percentLabel = (p: number) => {
  if (p >= 100) return "100%";
  const tenths = Math.floor(p * 10) / 10;
  return `${p >= 99 || (p > 0 && p < 10) ? tenths.toFixed(1) : Math.floor(p).toFixed(0)}%`;
};

export const plural = (n: number, one: string, many = `${one}s`) => `${count(n)} ${n === 1 ? one : many}`;

/** The deadline a school works to: its extension if it has one, else the period's. */
export const workingDeadline = (r: { deadlineDay: string; extendedTo: string | null }) => r.extendedTo ?? r.deadlineDay;

/** The STALLED reason of a school that has no projected finish because teachers have stopped entering marks, if so. */
export const stoppedReason = <R extends { code: string }>(r: { level: string; projectedFinish: string | null; reasons: readonly R[] }) =>
  r.level !== "COMPLETE" && !r.projectedFinish ? r.reasons.find((x) => x.code === "STALLED") : undefined;
