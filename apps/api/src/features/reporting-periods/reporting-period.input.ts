import { IsOptional, Length, Matches } from "class-validator";
import { Field, InputType } from "type-graphql";
import { LocalDate } from "../../graphql/scalars/index.js";
import { PeriodLevel } from "../sections/section.type.js";

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

  @Field(() => LocalDate, { nullable: true })
  currentDeadline?: string;
}
