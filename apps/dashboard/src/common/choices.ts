import { DISTRICT_TIME_ZONE, MARK_SCALE_LABELS } from "@gradewatch/domain";
import { ROLES } from "@gradewatch/domain/policy";

const choices = <T extends string>(ids: readonly T[], label: (id: string) => string = (id) => id.charAt(0) + id.slice(1).toLowerCase().replace(/_/g, " ")) =>
  ids.map((id) => ({ id, name: label(id) }));

export const schoolLevels = choices(["ELEMENTARY", "MIDDLE", "HIGH", "SPAN"]);
export const periodLevels = choices(["ELEMENTARY", "SECONDARY"]);
/** A section is marked on one of the two report cards; "Marked in: Secondary" read like a place. */
export const sectionReportCards = choices(["ELEMENTARY", "SECONDARY"], (id) => `${id.charAt(0)}${id.slice(1).toLowerCase()} report card`);
export const roles = choices(ROLES, (id) =>
  id === "ESC_DIRECTOR" ? "ESC director" : id === "HR" ? "HR" : id.charAt(0) + id.slice(1).toLowerCase().replace(/_/g, " "),
);
export const markScales = Object.entries(MARK_SCALE_LABELS).map(([id, name]) => ({ id, name }));
export const outageKinds = choices(["UNPLANNED", "MAINTENANCE"]);
export const gradeLevels = Array.from({ length: 13 }, (_, g) => ({ id: g, name: g === 0 ? "Kindergarten" : `Grade ${g}` }));

/** Every instant in the district is read in Los Angeles time. */
export const LA_DATETIME = { timeZone: DISTRICT_TIME_ZONE, year: "numeric", month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZoneName: "short" } as const;
/** A LocalDate ("2014-11-14") is a calendar day: read at UTC midnight so no time zone shifts it to the day before. */
export const CALENDAR_DAY = { timeZone: "UTC", weekday: "short", year: "numeric", month: "short", day: "numeric" } as const;

/** A wall-clock time as stored ("21:00:00") as a person reads it ("9:00 PM"). */
export const clockTime = (t: string | null | undefined) => {
  if (!t) return "—";
  const [h = 0, m = 0] = t.split(":").map(Number);
  return new Date(Date.UTC(2000, 0, 1, h, m)).toLocaleTimeString("en-US", { timeZone: "UTC", hour: "numeric", minute: "2-digit" });
};

export const TIME = /^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$/;
