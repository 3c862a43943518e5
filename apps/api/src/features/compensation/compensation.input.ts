import { ArrayMaxSize, ArrayMinSize, IsOptional, Length, Matches } from "class-validator";
import { Field, ID, InputType, Int } from "type-graphql";
import { LocalDate } from "../../graphql/scalars/index.js";
import { CompensationCategory } from "./compensation.type.js";

export const MAX_BULK = 10_000;

@InputType()
export class CompensationLogInput {
  @Field(() => LocalDate)
  workDate!: string;

  @Field(() => String, { description: "Local start time, HH:MM" })
  @Matches(/^\d{2}:\d{2}$/, { message: "startTime must be HH:MM" })
  startTime!: string;

  @Field(() => String, { description: "Local end time, HH:MM; at or before the start means the next day (00:00 is midnight)" })
  @Matches(/^\d{2}:\d{2}$/, { message: "endTime must be HH:MM" })
  endTime!: string;

  @Field(() => CompensationCategory)
  category!: CompensationCategory;

  @Field(() => ID, { nullable: true })
  outageId?: string;

  @Field(() => ID, { nullable: true })
  problemReportId?: string;

  @Field(() => String)
  @Length(3, 1000, { message: "description must be 3 to 1000 characters" })
  description!: string;

  @Field(() => ID, { nullable: true, description: "The approved log this one corrects" })
  adjustsLogId?: string;
}

@InputType({ description: "Logs to decide at once, each with the version the decider saw: all or none are decided" })
export class CompensationDecisionInput {
  @Field(() => [ID])
  @ArrayMinSize(1, { message: "choose at least one log" })
  @ArrayMaxSize(MAX_BULK, { message: `at most ${MAX_BULK} logs at once` })
  ids!: string[];

  @Field(() => [Int], { description: "The version of each log, in the order of ids" })
  versions!: number[];

  @Field(() => String, { nullable: true, description: "Required to reject: the employee sees it" })
  @IsOptional()
  @Length(3, 500, { message: "reason must be 3 to 500 characters" })
  reason?: string;
}

@InputType()
export class CompensationSettingsInput {
  @Field(() => LocalDate, { nullable: true })
  windowStart?: string;

  @Field(() => LocalDate, { nullable: true })
  windowEnd?: string;

  @Field(() => Int, { nullable: true })
  dailyCapMinutes?: number;

  @Field(() => Int, { nullable: true })
  budgetDollars?: number;
}
