import { ArrayMaxSize, ArrayMinSize, IsOptional, Length, Matches, MaxLength, ValidateNested } from "class-validator";
import { Field, InputType } from "type-graphql";
import { LocalDate } from "../../graphql/scalars/index.js";
import { PeriodLevel } from "../sections/section.type.js";
import { MarkScale } from "./reporting-period.type.js";

@InputType({ description: "Something every student is marked on in the period, in the order given" })
export class GradingItemInput {
  @Field(() => String)
  @Matches(/^[A-Z][A-Z0-9_]{1,39}$/, { message: "a grading item code is 2 to 40 capital letters, digits or _ (like READING)" })
  code!: string;

  @Field(() => String)
  @Length(1, 80, { message: "a grading item name is 1 to 80 characters" })
  name!: string;

  @Field(() => MarkScale)
  scale!: MarkScale;
}

@InputType()
export class ReportingPeriodCreateInput {
  @Field(() => String)
  @Matches(/^[0-9]{4}-[0-9]{2}$/, { message: "schoolYear must look like 2014-15" })
  schoolYear!: string;

  @Field(() => String)
  @Length(2, 120, { message: "name must be 2 to 120 characters" })
  name!: string;

  @Field(() => PeriodLevel)
  level!: PeriodLevel;

  @Field(() => LocalDate)
  windowOpensOn!: string;

  @Field(() => LocalDate)
  originalDeadline!: string;

  @Field(() => LocalDate, { nullable: true, description: "Defaults to the original deadline" })
  currentDeadline?: string;

  @Field(() => String, { nullable: true, description: "Why the deadline differs from the original one; required when it does" })
  @IsOptional()
  @MaxLength(500, { message: "deadlineChangeReason is at most 500 characters" })
  deadlineChangeReason?: string;

  @Field(() => [GradingItemInput], { nullable: true, description: "Defaults to the district's standard items for the level" })
  @IsOptional()
  @ArrayMinSize(1, { message: "a reporting period marks at least one grading item" })
  @ArrayMaxSize(30, { message: "a reporting period marks at most 30 grading items" })
  @ValidateNested()
  gradingItems?: GradingItemInput[];
}

@InputType()
export class ReportingPeriodUpdateInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(2, 120, { message: "name must be 2 to 120 characters" })
  name?: string;

  @Field(() => LocalDate, { nullable: true })
  windowOpensOn?: string;

  @Field(() => LocalDate, { nullable: true })
  originalDeadline?: string;

  @Field(() => LocalDate, { nullable: true, description: "Moving it records a deadline change, which needs deadlineChangeReason" })
  currentDeadline?: string;

  @Field(() => String, { nullable: true, description: "Why the deadline moves; required when currentDeadline changes, kept with the change" })
  @IsOptional()
  @MaxLength(500, { message: "deadlineChangeReason is at most 500 characters" })
  deadlineChangeReason?: string;
}
