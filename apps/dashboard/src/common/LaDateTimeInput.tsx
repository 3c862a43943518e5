import { localParts, zonedInstant } from "@gradewatch/domain";
import { DateTimeInput, type DateTimeInputProps } from "react-admin";

const pad = (n: number) => String(n).padStart(2, "0");

const WALL_CLOCK = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/** "2014-11-05T17:00" on Los Angeles clocks for an instant (a wall-clock value passes through). */
export const toWallClock = (value: string | null | undefined) => {
  if (!value) return "";
  if (WALL_CLOCK.test(value)) return value;
  const p = localParts(new Date(value));
  return `${p.date}T${pad(p.hour)}:${pad(p.minute)}`;
};

/** The instant of a Los Angeles wall-clock value "2014-11-05T17:00"; null when empty. */
export const toInstant = (wallClock: string) => (wallClock ? zonedInstant(wallClock.slice(0, 10), wallClock.slice(11)).toISOString() : null);

/** An instant typed and shown on Los Angeles clocks, whatever the browser's time zone. */
export const LaDateTimeInput = (props: DateTimeInputProps) => (
  <DateTimeInput format={toWallClock} parse={toInstant} helperText="Los Angeles time" {...props} />
);
