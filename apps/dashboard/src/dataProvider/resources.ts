export interface ResourceConfig {
  /** GraphQL list field, e.g. "schools"; the single field is `one`. */
  list: string;
  one: string;
  /** The GraphQL type name, for create/update/delete mutation names and input types. */
  type: string;
  fields: string;
  writable?: ("create" | "update" | "delete")[];
  /** Input fields sent on create/update; anything else in the form record is dropped. */
  inputFields?: string[];
}

export const resources: Record<string, ResourceConfig> = {
  escs: { list: "escs", one: "esc", type: "Esc", fields: "id code name schoolCount" },
  schools: {
    list: "schools",
    one: "school",
    type: "School",
    fields: "id locationCode name level escId esc { id code name } principalId principal { id fullName } enrollment",
    writable: ["create", "update", "delete"],
    inputFields: ["locationCode", "name", "level", "escId", "principalId", "enrollment"],
  },
  employees: {
    list: "employees",
    one: "employee",
    type: "Employee",
    fields: "id employeeNumber firstName lastName fullName email role schoolId school { id name } escId esc { id name } workdayStart workdayEnd active",
    writable: ["create", "update"],
    inputFields: ["employeeNumber", "firstName", "lastName", "email", "role", "schoolId", "escId", "workdayStart", "workdayEnd", "active"],
  },
  students: {
    list: "students",
    one: "student",
    type: "Student",
    fields: "id districtStudentId firstName lastName fullName gradeLevel schoolId school { id name }",
    writable: ["create", "update"],
    inputFields: ["districtStudentId", "firstName", "lastName", "gradeLevel", "schoolId"],
  },
  sections: {
    list: "sections",
    one: "section",
    type: "Section",
    fields: "id schoolId school { id name } teacherId teacher { id fullName } courseName gradeLevel level enrolledCount",
    writable: ["create", "update"],
    inputFields: ["schoolId", "teacherId", "courseName", "gradeLevel", "level"],
  },
  reportingPeriods: {
    list: "reportingPeriods",
    one: "reportingPeriod",
    type: "ReportingPeriod",
    fields: "id schoolYear name level windowOpensOn originalDeadline currentDeadline deadlineAt gradingItems { id code name scale position }",
    writable: ["create", "update"],
    inputFields: ["schoolYear", "name", "level", "windowOpensOn", "originalDeadline", "currentDeadline"],
  },
  marks: {
    list: "marks",
    one: "mark",
    type: "Mark",
    fields:
      "id periodId period { id name } sectionId section { id courseName } studentId student { id fullName districtStudentId } gradingItemId gradingItem { id code name scale } schoolId school { id name } value comment enteredById enteredBy { id fullName } enteredAt updatedAt version",
  },
  outages: {
    list: "outages",
    one: "outage",
    type: "Outage",
    fields: "id kind startsAt endsAt description durationMinutes",
    writable: ["create", "update", "delete"],
    inputFields: ["kind", "startsAt", "endsAt", "description"],
  },
  maintenanceWindows: {
    list: "maintenanceWindows",
    one: "maintenanceWindow",
    type: "MaintenanceWindow",
    fields: "id name startsAtLocal endsAtLocal timeZone active description",
    writable: ["create", "update", "delete"],
    inputFields: ["name", "startsAtLocal", "endsAtLocal", "timeZone", "active", "description"],
  },
};
