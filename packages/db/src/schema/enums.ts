import { pgEnum } from "drizzle-orm/pg-core";

export const schoolLevel = pgEnum("school_level", ["ELEMENTARY", "MIDDLE", "HIGH", "SPAN"]);
export const employeeRole = pgEnum("employee_role", [
  "TEACHER",
  "PRINCIPAL",
  "ESC_DIRECTOR",
  "INSTRUCTIONAL_SUPERINTENDENT",
  "HR",
  "DISTRICT_ADMIN",
]);
export const periodLevel = pgEnum("period_level", ["ELEMENTARY", "SECONDARY"]);
export const markScale = pgEnum("mark_scale", ["STANDARDS_1_4", "EFFORT_ESU", "LETTER_A_F"]);
export const outageKind = pgEnum("outage_kind", ["UNPLANNED", "MAINTENANCE"]);
