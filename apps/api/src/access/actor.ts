import type { EmployeeRole } from "../features/employees/employee.type.js";

/** The signed-in employee a request acts for; decided once per request. */
export interface Actor {
  id: number;
  role: `${EmployeeRole}`;
  schoolId: number | null;
  escId: number | null;
  sessionId: string;
}
