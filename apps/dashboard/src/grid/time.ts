const CLOCK = new Intl.DateTimeFormat("en-US", {
  timeZone: "America/Los_Angeles",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});
const DAY_CLOCK = new Intl.DateTimeFormat("en-US", {
  timeZone: "America/Los_Angeles",
  weekday: "short",
  month: "short",
  day: "numeric",
  hour: "numeric",
  minute: "2-digit",
});

/** hh:mm:ss in Los Angeles, the district's time. */
export const laTime = (iso: string | Date) => CLOCK.format(new Date(iso));
export const laDayTime = (iso: string | Date) => DAY_CLOCK.format(new Date(iso));
