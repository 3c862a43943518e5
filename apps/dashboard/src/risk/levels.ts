import { RISK_LEVELS, type RiskLevel } from "@gradewatch/domain";

export { RISK_LEVELS, type RiskLevel };

export const LEVEL_LABEL: Record<RiskLevel, string> = { COMPLETE: "Complete", ON_TRACK: "On track", AT_RISK: "At risk", CRITICAL: "Critical" };

/** MUI palette colour of each level: green done, blue fine, orange at risk, red critical. */
export const LEVEL_COLOR: Record<RiskLevel, "success" | "info" | "warning" | "error"> = {
  COMPLETE: "success",
  ON_TRACK: "info",
  AT_RISK: "warning",
  CRITICAL: "error",
};

/** The same colours as hex, for charts and bars drawn outside MUI's palette. */
export const LEVEL_HEX: Record<RiskLevel, string> = { COMPLETE: "#2e7d32", ON_TRACK: "#0288d1", AT_RISK: "#ed6c02", CRITICAL: "#d32f2f" };

/** Worst first, as a director reads them. */
export const LEVELS_WORST_FIRST = [...RISK_LEVELS].reverse() as RiskLevel[];

export const levelChoices = LEVELS_WORST_FIRST.map((id) => ({ id, name: LEVEL_LABEL[id] }));
