import "reflect-metadata";
import type { GraphQLSchema } from "graphql";
import { type ValidationError, validateOrReject } from "class-validator";
import { ArgumentValidationError, buildSchema, getMetadataStorage, UseMiddleware } from "type-graphql";
import { AuthResolver } from "../features/auth/auth.resolver.js";
import { CompensationResolver } from "../features/compensation/compensation.resolver.js";
import { DistrictResolver } from "../features/district/district.resolver.js";
import { EmployeeResolver } from "../features/employees/employee.resolver.js";
import { EnrollmentResolver } from "../features/enrollments/enrollment.resolver.js";
import { EscResolver } from "../features/escs/esc.resolver.js";
import { MaintenanceStatusResolver } from "../features/maintenance-windows/maintenance-status.resolver.js";
import { MaintenanceWindowResolver } from "../features/maintenance-windows/maintenance-window.resolver.js";
import { MarkImportResolver } from "../features/marks/mark-import.resolver.js";
import { MarkResolver } from "../features/marks/mark.resolver.js";
import { OutageReportResolver } from "../features/outages/outage-report.resolver.js";
import { OutageResolver } from "../features/outages/outage.resolver.js";
import { NotificationResolver } from "../features/notifications/notification.resolver.js";
import { ProblemReportCommentResolver, ProblemReportHistoryResolver, ProblemReportResolver } from "../features/problem-reports/problem-report.resolver.js";
import { ReportingPeriodResolver } from "../features/reporting-periods/reporting-period.resolver.js";
import {
  CompletionRowResolver,
  DeadlineExtensionResolver,
  EscRiskOverviewResolver,
  LevelChangeResolver,
  ReportingPeriodDeadlineResolver,
  RiskReasonResolver,
  SchoolRiskDetailResolver,
  SchoolRiskResolver,
} from "../features/risk/risk.resolver.js";
import { SchoolResolver } from "../features/schools/school.resolver.js";
import { SectionResolver } from "../features/sections/section.resolver.js";
import { StudentResolver } from "../features/students/student.resolver.js";
import { authChecker } from "./auth-checker.js";
import { nullArgumentsAsAbsent } from "./inputs.js";
import { refuseWritesDuringMaintenance } from "./middlewares/maintenance.js";

let schema: Promise<GraphQLSchema> | undefined;

// Filters without decorators are valid objects, not "unknown values".
const VALIDATOR_OPTIONS = { skipMissingProperties: true, forbidUnknownValues: false };
const validatable = (value: unknown): value is object => value !== null && typeof value === "object";

// What type-graphql's built-in validation does with these options, except that it imports class-validator
// dynamically for every argument of every request (a module resolution each time, ~0.2 ms under tsx).
async function validateArgument(value: unknown): Promise<void> {
  if (!validatable(value)) return;
  try {
    if (Array.isArray(value)) await Promise.all(value.filter(validatable).map((item) => validateOrReject(item, VALIDATOR_OPTIONS)));
    else await validateOrReject(value, VALIDATOR_OPTIONS);
  } catch (err) {
    throw new ArgumentValidationError(err as ValidationError[]);
  }
}

// The maintenance check guards writes only: one middleware on each Mutation field, not a global one that
// would wrap every field of every query (and turn each leaf into a promise).
function refuseMutationsDuringMaintenance(): void {
  for (const { target, methodName } of getMetadataStorage().mutations) {
    UseMiddleware(refuseWritesDuringMaintenance)(target.prototype as object, methodName);
  }
}

// A field with no resolver, role or middleware of its own is read straight from its object, as graphql-js
// does by default, instead of through type-graphql's per-field wrapper.
function readPlainFieldsDirectly(): void {
  const storage = getMetadataStorage();
  const guardedClasses = new Set<unknown>([...storage.authorizedResolver, ...storage.resolverMiddlewares].map((m) => m.target));
  const guarded = (target: unknown, name: string) =>
    guardedClasses.has(target) || [...storage.authorizedFields, ...storage.middlewares].some((m) => m.target === target && m.fieldName === name);
  for (const field of storage.fields) {
    if (field.simple === undefined && !guarded(field.target, field.name)) field.simple = true;
  }
}

export function getSchema(): Promise<GraphQLSchema> {
  if (!schema) {
    refuseMutationsDuringMaintenance();
    readPlainFieldsDirectly();
  }
  schema ??= buildSchema({
    resolvers: [
      AuthResolver,
      DistrictResolver,
      EscResolver,
      SchoolResolver,
      EmployeeResolver,
      StudentResolver,
      SectionResolver,
      EnrollmentResolver,
      ReportingPeriodResolver,
      MarkResolver,
      MarkImportResolver,
      OutageResolver,
      MaintenanceWindowResolver,
      OutageReportResolver,
      MaintenanceStatusResolver,
      SchoolRiskResolver,
      RiskReasonResolver,
      LevelChangeResolver,
      CompletionRowResolver,
      SchoolRiskDetailResolver,
      EscRiskOverviewResolver,
      DeadlineExtensionResolver,
      ReportingPeriodDeadlineResolver,
      ProblemReportResolver,
      ProblemReportCommentResolver,
      ProblemReportHistoryResolver,
      NotificationResolver,
      CompensationResolver,
    ],
    validate: { forbidUnknownValues: false },
    validateFn: validateArgument,
    authChecker,
  }).then(nullArgumentsAsAbsent);
  return schema;
}
