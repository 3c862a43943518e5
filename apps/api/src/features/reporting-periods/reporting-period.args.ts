import { ArgsType, Field, ID, InputType, ObjectType } from "type-graphql";
import { ListArgs, Page } from "../../graphql/pagination.js";
import { PeriodLevel } from "../sections/section.type.js";
import { ReportingPeriod } from "./reporting-period.type.js";

@InputType()
export class ReportingPeriodFilter {
  @Field(() => [ID], { nullable: true })
  ids?: string[];

  @Field(() => String, { nullable: true })
  q?: string;

  @Field(() => PeriodLevel, { nullable: true })
  level?: PeriodLevel;

  @Field(() => String, { nullable: true })
  schoolYear?: string;
}

@ArgsType()
export class ReportingPeriodListArgs extends ListArgs {
  @Field(() => ReportingPeriodFilter, { nullable: true })
  filter?: ReportingPeriodFilter;
}

@ObjectType()
export class ReportingPeriodPage extends Page(ReportingPeriod) {}
