import { formatSchoolMinutes, REPORT_CATEGORIES, REPORT_SEVERITIES, REPORT_STATES } from "@gradewatch/domain";

const words = (id: string) => id.charAt(0) + id.slice(1).toLowerCase().replace(/_/g, " ");
export const reportCategories = REPORT_CATEGORIES.map((id) => ({ id, name: id === "DATA_LOSS" ? "Data loss" : words(id) }));
export const reportSeverities = [...REPORT_SEVERITIES].reverse().map((id) => ({ id, name: words(id) }));
export const reportStates = REPORT_STATES.map((id) => ({ id, name: words(id) }));

export const ACTION_LABELS: Record<string, string> = {
  acknowledge: "Acknowledge",
  start: "Start work",
  waitOnSchool: "Wait on school",
  resume: "Resume",
  resolve: "Resolve",
  close: "Close",
  reopen: "Reopen",
};

export const SEVERITY_COLOR: Record<string, "error" | "warning" | "info" | "default"> = { CRITICAL: "error", HIGH: "warning", MEDIUM: "info", LOW: "default" };

export interface SlaView {
  current: "acknowledge" | "resolve" | null;
  dueAt: string | null;
  overdue: boolean;
  paused: boolean;
  remainingMinutes: number | null;
}

/** "Acknowledge: overdue by 1 h 30 min", "Resolve: due in 6 h", "Paused (waiting on the school)", "Met". */
export function slaText(sla: SlaView | undefined): string {
  if (!sla) return "";
  if (sla.current === null) return "Done";
  const clock = sla.current === "acknowledge" ? "Acknowledge" : "Resolve";
  if (sla.paused) return `${clock}: paused, waiting on the school (${formatSchoolMinutes(sla.remainingMinutes ?? 0)} left)`;
  const left = sla.remainingMinutes ?? 0;
  return left < 0 ? `${clock}: overdue by ${formatSchoolMinutes(-left)}` : `${clock}: due in ${formatSchoolMinutes(left)}`;
}
