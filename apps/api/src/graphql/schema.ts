import "reflect-metadata";
import type { GraphQLSchema } from "graphql";
import { buildSchema } from "type-graphql";
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
import { refuseWritesDuringMaintenance } from "./middlewares/maintenance.js";

let schema: Promise<GraphQLSchema> | undefined;

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
    // Filters without decorators are valid objects, not "unknown values".
    validate: { forbidUnknownValues: false },
    authChecker,
    globalMiddlewares: [refuseWritesDuringMaintenance],
  });
  return schema;
}
