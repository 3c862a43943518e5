import { COMPENSATION_CATEGORIES, COMPENSATION_STATES, formatHours } from "@gradewatch/domain";

const NAMES: Record<string, string> = {
  RE_ENTERING_LOST_DATA: "Re-entering lost data",
  GRADE_ENTRY_OUTSIDE_WORKDAY: "Grade entry outside the workday",
  SYSTEM_WORKAROUND: "System workaround",
};
const label = (id: string) => NAMES[id] ?? id.charAt(0) + id.slice(1).toLowerCase().replace(/_/g, " ");
export const categoryChoices = COMPENSATION_CATEGORIES.map((id) => ({ id, name: label(id) }));
export const stateChoices = COMPENSATION_STATES.map((id) => ({ id, name: label(id) }));
export const categoryName = (id: string) => label(id);
export const stateName = (id: string) => label(id);
export const hours = (minutes: number) => formatHours(minutes);
export const money = (cents: number) => (cents / 100).toLocaleString("en-US", { style: "currency", currency: "USD" });

const LA_TIME = new Intl.DateTimeFormat("en-US", { timeZone: "America/Los_Angeles", hour: "numeric", minute: "2-digit" });
/** "6:00 PM – 8:00 PM" in Los Angeles time. */
export const span = (r: { startsAt: string; endsAt: string }) => `${LA_TIME.format(new Date(r.startsAt))} – ${LA_TIME.format(new Date(r.endsAt))}`;

export const STATE_COLOR: Record<string, "default" | "info" | "primary" | "success" | "error" | "warning"> = {
  DRAFT: "default",
  SUBMITTED: "info",
  CERTIFIED: "primary",
  APPROVED: "success",
  REJECTED: "error",
  EXPORTED: "success",
};

export interface CompensationLogRecord {
  id: string;
  employeeId: string;
  employeeName: string;
  employeeNumber: string;
  schoolName: string | null;
  escCode: string | null;
  workDate: string;
  startsAt: string;
  endsAt: string;
  minutes: number;
  countedMinutes: number;
  category: string;
  description: string;
  state: string;
  version: number;
  adjustsLogId: string | null;
  flagged: boolean;
  reason: string | null;
  submittedAt: string | null;
}
