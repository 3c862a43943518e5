import { PROBLEM_REPORT_DETAIL, PROBLEM_REPORT_FIELDS } from "./problemReports";

export interface ResourceConfig {
  list: string;
  /** The query for one record; absent when the API has none. */
  one?: string;
  /** GraphQL type name: the filter and input types are `${type}Filter`, `${type}CreateInput`, `${type}UpdateInput`. */
  type: string;
  fields: string;
  create?: string;
  /** The create mutation's input type when it is not `${type}CreateInput`. */
  createInput?: string;
  update?: string;
  delete?: string;
  /** What a list row carries, when less than the record (fields): the record alone is shown with its thread. */
  listFields?: string;
  /** Input fields sent on create/update; anything else in the form record is dropped. */
  inputFields?: string[];
}

import { COMPENSATION_LOG_FIELDS } from "./compensation";

export const resources: Record<string, ResourceConfig> = {
  // Written through named methods (dataProvider.createCompensationLog, ...): they need operation ids and versions.
  compensationLogs: { list: "compensationLogs", one: "compensationLog", type: "CompensationLog", fields: COMPENSATION_LOG_FIELDS },
  escs: { list: "escs", one: "esc", type: "Esc", fields: "id code name schoolCount" },
  schools: {
    list: "schools",
    one: "school",
    type: "School",
    fields: "id locationCode name level escId esc { id code name } principalId principal { id firstName lastName fullName } enrollment",
    create: "createSchool",
    update: "updateSchool",
    delete: "deleteSchool",
    inputFields: ["locationCode", "name", "level", "escId", "principalId", "enrollment"],
  },
  employees: {
    list: "employees",
    one: "employee",
    type: "Employee",
    fields: "id employeeNumber firstName lastName fullName email role schoolId school { id name } escId esc { id code name } workdayStart workdayEnd active",
    create: "createEmployee",
    update: "updateEmployee",
    inputFields: ["employeeNumber", "firstName", "lastName", "email", "role", "schoolId", "escId", "workdayStart", "workdayEnd", "active"],
  },
  students: {
    list: "students",
    one: "student",
    type: "Student",
    fields: "id districtStudentId firstName lastName fullName gradeLevel schoolId school { id name }",
    create: "createStudent",
    update: "updateStudent",
    inputFields: ["districtStudentId", "firstName", "lastName", "gradeLevel", "schoolId"],
  },
  sections: {
    list: "sections",
    one: "section",
    type: "Section",
    fields: "id schoolId school { id name } teacherId teacher { id fullName } courseName gradeLevel level enrolledCount",
    create: "createSection",
    update: "updateSection",
    inputFields: ["schoolId", "teacherId", "courseName", "gradeLevel", "level"],
  },
  reportingPeriods: {
    list: "reportingPeriods",
    one: "reportingPeriod",
    type: "ReportingPeriod",
    fields: "id schoolYear name level windowOpensOn originalDeadline currentDeadline deadlineAt gradingItems { id code name scale position }",
    create: "createReportingPeriod",
    update: "updateReportingPeriod",
    inputFields: ["schoolYear", "name", "level", "windowOpensOn", "originalDeadline", "currentDeadline", "deadlineChangeReason"],
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
    create: "createOutage",
    update: "updateOutage",
    delete: "deleteOutage",
    inputFields: ["kind", "startsAt", "endsAt", "description"],
  },
  schoolRisks: {
    list: "schoolRisks",
    one: "schoolRisk",
    type: "SchoolRisk",
    fields:
      "id schoolId school { id name locationCode } escId esc { id code name } periodId period { id name } level previousLevel expected entered percent remaining schoolDaysLeft deadlineDay deadlineAt extendedTo neededPerDay pacePerDay projectedFinish reasons { code text teachers { id fullName } } asOf",
  },
  // Granted, never edited or deleted: a later extension is a new record.
  deadlineExtensions: {
    list: "deadlineExtensions",
    type: "DeadlineExtension",
    fields: "id periodId schoolId school { id name } sectionId section { id courseName } extendedTo reason grantedBy { id fullName } createdAt",
    create: "grantDeadlineExtension",
    createInput: "GrantDeadlineExtensionInput",
    inputFields: ["periodId", "schoolId", "sectionId", "extendedTo", "reason", "operationId"],
  },
  maintenanceWindows: {
    list: "maintenanceWindows",
    one: "maintenanceWindow",
    type: "MaintenanceWindow",
    fields: "id name startsAtLocal endsAtLocal timeZone active description",
    create: "createMaintenanceWindow",
    update: "updateMaintenanceWindow",
    delete: "deleteMaintenanceWindow",
    inputFields: ["name", "startsAtLocal", "endsAtLocal", "timeZone", "active", "description"],
  },
  problemReports: {
    list: "problemReports",
    one: "problemReport",
    type: "ProblemReport",
    fields: PROBLEM_REPORT_DETAIL,
    listFields: PROBLEM_REPORT_FIELDS,
    create: "fileProblemReport",
    createInput: "FileProblemReportInput",
    inputFields: [
      "operationId",
      "schoolId",
      "category",
      "severity",
      "title",
      "description",
      "outageId",
      "sectionIds",
      "extensionRequestedTo",
      "extensionRequestReason",
      "extensionSectionId",
    ],
  },
};

const MUTATION_OF: Record<string, "create" | "update" | "delete"> = { create: "create", edit: "update", delete: "delete" };

/** Whether the API has the mutation behind a react-admin action; reading is always possible. */
export function apiSupports(resource: string, action: string): boolean {
  const mutation = MUTATION_OF[action];
  return !mutation || !!resources[resource]?.[mutation];
}
