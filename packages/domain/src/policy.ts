// The one access policy: for every operation, which roles may use it and how far each reaches. The API's
// resolvers, list scopes and loaders, the dashboard's menus and buttons, and the database's row-level
// security (generated into a migration by packages/db/src/row-security.ts, `pnpm --filter @gradewatch/db rls`) all read this table.

export const ROLES = ["TEACHER", "PRINCIPAL", "ESC_DIRECTOR", "INSTRUCTIONAL_SUPERINTENDENT", "HR", "DISTRICT_ADMIN"] as const;
export type Role = (typeof ROLES)[number];

/** A target's relation to the actor: their own record or sections, their school, their ESC, anything else. */
export const SCOPES = ["own", "sameSchool", "sameEsc", "otherEsc"] as const;
export type Scope = (typeof SCOPES)[number];

/**
 * How far a role reaches with an operation; each reach includes the narrower ones. "own" is the actor's
 * own record, their sections and the students enrolled in them; "school" and "esc" are the actor's school
 * and ESC (a teacher's or principal's ESC is their school's); "all" is the whole district.
 */
export const REACHES = ["none", "own", "school", "esc", "all"] as const;
export type Reach = (typeof REACHES)[number];

/** Where a role stands in the district: the unit its rows are tied to. */
export const HOME: Record<Role, "school" | "esc" | "district"> = {
  TEACHER: "school",
  PRINCIPAL: "school",
  ESC_DIRECTOR: "esc",
  INSTRUCTIONAL_SUPERINTENDENT: "esc",
  HR: "district",
  DISTRICT_ADMIN: "district",
};

const READ = ["list", "show", "export"] as const;

interface Rule {
  /** Roles absent here may not use the operation at all. */
  reach: Partial<Record<Role, Exclude<Reach, "none">>>;
  /** The dashboard resource and the actions this operation opens there. */
  dashboard?: { resource: string; actions: readonly string[] };
}

const everyone = (reach: Exclude<Reach, "none">) => Object.fromEntries(ROLES.map((r) => [r, reach])) as Rule["reach"];
const ESC_STAFF = { ESC_DIRECTOR: "esc", INSTRUCTIONAL_SUPERINTENDENT: "esc" } as const;

export const POLICY = {
  "esc.read": {
    reach: { TEACHER: "esc", PRINCIPAL: "esc", ...ESC_STAFF, HR: "all", DISTRICT_ADMIN: "all" },
    dashboard: { resource: "escs", actions: READ },
  },
  "school.read": {
    reach: { TEACHER: "school", PRINCIPAL: "school", ...ESC_STAFF, HR: "all", DISTRICT_ADMIN: "all" },
    dashboard: { resource: "schools", actions: READ },
  },
  "employee.read": {
    reach: { TEACHER: "school", PRINCIPAL: "school", ...ESC_STAFF, HR: "all", DISTRICT_ADMIN: "all" },
    dashboard: { resource: "employees", actions: READ },
  },
  "section.read": {
    reach: { TEACHER: "own", PRINCIPAL: "school", ...ESC_STAFF, DISTRICT_ADMIN: "all" },
    dashboard: { resource: "sections", actions: READ },
  },
  "student.read": {
    reach: { TEACHER: "own", PRINCIPAL: "school", ...ESC_STAFF, DISTRICT_ADMIN: "all" },
    dashboard: { resource: "students", actions: READ },
  },
  "mark.read": {
    reach: { TEACHER: "own", PRINCIPAL: "school", ...ESC_STAFF, DISTRICT_ADMIN: "all" },
    dashboard: { resource: "marks", actions: READ },
  },
  "school.update": { reach: { DISTRICT_ADMIN: "all" }, dashboard: { resource: "schools", actions: ["create", "edit", "delete"] } },
  "employee.update": { reach: { HR: "all", DISTRICT_ADMIN: "all" }, dashboard: { resource: "employees", actions: ["create", "edit", "delete"] } },
  "section.update": { reach: { PRINCIPAL: "school", DISTRICT_ADMIN: "all" }, dashboard: { resource: "sections", actions: ["create", "edit", "delete"] } },
  "student.update": { reach: { PRINCIPAL: "school", DISTRICT_ADMIN: "all" }, dashboard: { resource: "students", actions: ["create", "edit", "delete"] } },
  // Marks change through the grid (saveMarks), imports and restores, never an edit form.
  "mark.update": { reach: { TEACHER: "own", PRINCIPAL: "school", DISTRICT_ADMIN: "all" }, dashboard: { resource: "marks", actions: ["enter", "import", "restore"] } },
  // District-wide reference data: everyone reads it, only a district administrator changes it.
  "reportingPeriod.read": { reach: everyone("all"), dashboard: { resource: "reportingPeriods", actions: READ } },
  "reportingPeriod.update": { reach: { DISTRICT_ADMIN: "all" }, dashboard: { resource: "reportingPeriods", actions: ["create", "edit", "delete"] } },
  "outage.read": { reach: everyone("all"), dashboard: { resource: "outages", actions: READ } },
  "outage.update": { reach: { DISTRICT_ADMIN: "all" }, dashboard: { resource: "outages", actions: ["create", "edit", "delete"] } },
  "maintenanceWindow.read": { reach: everyone("all"), dashboard: { resource: "maintenanceWindows", actions: READ } },
  "maintenanceWindow.update": {
    reach: { DISTRICT_ADMIN: "all" },
    dashboard: { resource: "maintenanceWindows", actions: ["create", "edit", "delete"] },
  },
  // issue 9: completion, risk and deadline extensions
  "risk.read": { reach: { PRINCIPAL: "school", ...ESC_STAFF, DISTRICT_ADMIN: "all" }, dashboard: { resource: "schoolRisks", actions: READ } },
  "extension.read": {
    reach: { PRINCIPAL: "school", ...ESC_STAFF, DISTRICT_ADMIN: "all" },
    dashboard: { resource: "deadlineExtensions", actions: READ },
  },
  "extension.grant": { reach: { ...ESC_STAFF, DISTRICT_ADMIN: "all" }, dashboard: { resource: "deadlineExtensions", actions: ["create"] } },
  // issue 10: problem reports
  // A school's reports: the teacher who filed (or whose sections they name), the school, its ESC, the district.
  "problemReport.read": {
    reach: { TEACHER: "own", PRINCIPAL: "school", ...ESC_STAFF, DISTRICT_ADMIN: "all" },
    dashboard: { resource: "problemReports", actions: READ },
  },
  "problemReport.file": { reach: { TEACHER: "own", PRINCIPAL: "school", DISTRICT_ADMIN: "all" }, dashboard: { resource: "problemReports", actions: ["create"] } },
  // Replies and the school's own moves (answer, close, reopen): both sides of the thread.
  "problemReport.respond": {
    reach: { TEACHER: "own", PRINCIPAL: "school", ...ESC_STAFF, DISTRICT_ADMIN: "all" },
    dashboard: { resource: "problemReports", actions: ["comment", "transition"] },
  },
  // The ESC's side: every move of the workflow, assignment, extension decisions, and internal notes (never shown to the school).
  "problemReport.manage": {
    reach: { ...ESC_STAFF, DISTRICT_ADMIN: "all" },
    dashboard: { resource: "problemReports", actions: ["acknowledge", "assign", "resolve", "decideExtension", "internalNote"] },
  },
  "notification.read": { reach: { TEACHER: "own", PRINCIPAL: "own", ESC_DIRECTOR: "own", INSTRUCTIONAL_SUPERINTENDENT: "own", DISTRICT_ADMIN: "own" } },
  "notification.update": { reach: { TEACHER: "own", PRINCIPAL: "own", ESC_DIRECTOR: "own", INSTRUCTIONAL_SUPERINTENDENT: "own", DISTRICT_ADMIN: "own" } },
  // Everyone may read the targets (the queue shows them); the settings page is the district administrators'.
  "slaSetting.read": { reach: { TEACHER: "all", PRINCIPAL: "all", ESC_DIRECTOR: "all", INSTRUCTIONAL_SUPERINTENDENT: "all", DISTRICT_ADMIN: "all" } },
  "slaSetting.update": { reach: { DISTRICT_ADMIN: "all" }, dashboard: { resource: "slaSettings", actions: ["list", "edit"] } },
  // issue 11: compensation
  // Every employee logs their own extra hours; "read" reaches as far as the employee's certifier or HR does.
  "compensation.log": { reach: everyone("own"), dashboard: { resource: "compensationLogs", actions: ["create", "edit", "submit"] } },
  "compensation.read": {
    reach: { TEACHER: "own", PRINCIPAL: "school", ESC_DIRECTOR: "esc", INSTRUCTIONAL_SUPERINTENDENT: "own", HR: "all", DISTRICT_ADMIN: "all" },
    dashboard: { resource: "compensationLogs", actions: READ },
  },
  // A principal certifies their school's; an ESC director their ESC's principals and staff; HR the district office's.
  "compensation.certify": { reach: { PRINCIPAL: "school", ESC_DIRECTOR: "esc", HR: "all" }, dashboard: { resource: "compensationLogs", actions: ["certify"] } },
  "compensation.approve": { reach: { HR: "all" }, dashboard: { resource: "compensationLogs", actions: ["approve", "reject", "export"] } },
  "compensation.manage": { reach: { HR: "all" }, dashboard: { resource: "payPeriods", actions: ["list", "show", "export", "settings"] } },
} as const satisfies Record<string, Rule>;

export type Operation = keyof typeof POLICY;
export const OPERATIONS = Object.keys(POLICY) as Operation[];

/** What a GraphQL root field requires: an operation, any signed-in employee, or nothing. */
export type FieldRule = Operation | "signedIn" | "public";

export function reachOf(role: Role, op: Operation): Reach {
  return (POLICY[op].reach as Rule["reach"])[role] ?? "none";
}

/** The roles that may use an operation in some scope. */
export function rolesFor(op: Operation): Role[] {
  return ROLES.filter((role) => reachOf(role, op) !== "none");
}

// Each scope is reached from this reach on: own from "own", sameSchool from "school", and so on.
const FIRST_REACH: Record<Scope, Reach> = { own: "own", sameSchool: "school", sameEsc: "esc", otherEsc: "all" };

/** Whether the role may use the operation on a target in that scope. */
export function allows(role: Role, op: Operation, scope: Scope): boolean {
  return REACHES.indexOf(reachOf(role, op)) >= REACHES.indexOf(FIRST_REACH[scope]);
}

/** Roles only a district administrator gives, takes away or edits: district-wide access. */
const GIVEN_ONLY_BY_ADMINISTRATORS: readonly Role[] = ["DISTRICT_ADMIN"];

/** May this role give `role` to an employee, or edit one who holds it (HR's form, employee.update)? */
export function mayAssignRole(actor: Role, role: Role): boolean {
  if (reachOf(actor, "employee.update") === "none") return false;
  return !GIVEN_ONLY_BY_ADMINISTRATORS.includes(role) || GIVEN_ONLY_BY_ADMINISTRATORS.includes(actor);
}

/** The dashboard: may this role open this action on this resource (react-admin's canAccess)? */
export function roleMay(role: Role | undefined, resource: string, action: string): boolean {
  if (!role) return false;
  return OPERATIONS.some((op) => {
    const d = (POLICY[op] as Rule).dashboard;
    return d?.resource === resource && d.actions.includes(action) && reachOf(role, op) !== "none";
  });
}

/** Row-level security: which operation decides reading and writing each student-data table. */
export const ROW_SECURITY = {
  student: { read: "student.read", write: "student.update", own: "student" },
  enrollment: { read: "student.read", write: "section.update", own: "section" },
  mark: { read: "mark.read", write: "mark.update", own: "section" },
  mark_history: { read: "mark.read", write: "mark.update", own: "section" },
} as const satisfies Record<string, { read: Operation; write: Operation; own: "student" | "section" }>;

/** The database role a request of this role runs as (generated, with its policies, into a migration). */
export const dbRoleOf = (role: Role) => `gradewatch_${role.toLowerCase()}`;
