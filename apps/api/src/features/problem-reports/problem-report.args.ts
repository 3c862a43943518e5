import { ArgsType, Field, ID, InputType, ObjectType } from "type-graphql";
import { ListArgs, Page } from "../../graphql/pagination.js";
import { ProblemReport, ReportCategory, ReportSeverity, ReportState } from "./problem-report.type.js";

@InputType()
export class ProblemReportFilter {
  @Field(() => [ID], { nullable: true })
  ids?: string[];

  @Field(() => [ReportState], { nullable: true })
  state?: ReportState[];

  @Field(() => ReportSeverity, { nullable: true })
  severity?: ReportSeverity;

  @Field(() => ReportCategory, { nullable: true })
  category?: ReportCategory;

  @Field(() => ID, { nullable: true })
  schoolId?: string;

  @Field(() => ID, { nullable: true })
  escId?: string;

  @Field(() => ID, { nullable: true })
  assigneeId?: string;

  @Field(() => Boolean, { nullable: true, description: "Open reports only (not resolved or closed)" })
  open?: boolean;

  @Field(() => Boolean, { nullable: true, description: "Reports whose current SLA clock is past due" })
  overdue?: boolean;
}

@ArgsType()
export class ProblemReportListArgs extends ListArgs {
  @Field(() => ProblemReportFilter, { nullable: true })
  filter?: ProblemReportFilter;
}

@ObjectType()
export class ProblemReportPage extends Page(ProblemReport) {}
