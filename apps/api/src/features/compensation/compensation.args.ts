import { ArgsType, Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { ListArgs, Page } from "../../graphql/pagination.js";
import { CompensationCategory, CompensationLog, CompensationState, PayPeriod } from "./compensation.type.js";

@InputType()
export class CompensationLogFilter {
  @Field(() => [ID], { nullable: true })
  ids?: string[];

  @Field(() => Boolean, { nullable: true, description: "Only the signed-in employee's own logs" })
  mine?: boolean;

  @Field(() => Boolean, { nullable: true, description: "Only submitted logs the signed-in employee certifies" })
  toCertify?: boolean;

  @Field(() => [CompensationState], { nullable: true })
  states?: CompensationState[];

  @Field(() => ID, { nullable: true })
  escId?: string;

  @Field(() => ID, { nullable: true })
  schoolId?: string;

  @Field(() => ID, { nullable: true })
  employeeId?: string;

  @Field(() => CompensationCategory, { nullable: true })
  category?: CompensationCategory;

  @Field(() => Boolean, { nullable: true })
  flagged?: boolean;

  @Field(() => Int, { nullable: true, description: "Submitted at least this many days ago" })
  olderThanDays?: number;
}

@ArgsType()
export class CompensationLogListArgs extends ListArgs {
  @Field(() => CompensationLogFilter, { nullable: true })
  filter?: CompensationLogFilter;
}

@ObjectType()
export class CompensationLogPage extends Page(CompensationLog) {}

@ObjectType()
export class PayPeriodPage extends Page(PayPeriod) {}
