import "reflect-metadata";
import type { GraphQLSchema } from "graphql";
import { type ValidationError, validateOrReject } from "class-validator";
import { ArgumentValidationError, buildSchema } from "type-graphql";
import { AuthResolver } from "../features/auth/auth.resolver.js";
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
import { ReportingPeriodResolver } from "../features/reporting-periods/reporting-period.resolver.js";
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

export function getSchema(): Promise<GraphQLSchema> {
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
    ],
    validate: { forbidUnknownValues: false },
    validateFn: validateArgument,
    authChecker,
    globalMiddlewares: [refuseWritesDuringMaintenance],
  }).then(nullArgumentsAsAbsent);
  return schema;
}
