import { IsOptional, Length, Max, Min } from "class-validator";
import { Field, ID, InputType, Int } from "type-graphql";
import { PeriodLevel } from "./section.type.js";

@InputType()
export class SectionCreateInput {
  @Field(() => ID)
  schoolId!: string;

  @Field(() => ID)
  teacherId!: string;

  @Field(() => String)
  @Length(2, 120, { message: "courseName must be 2 to 120 characters" })
  courseName!: string;

  @Field(() => Int)
  @Min(0, { message: "gradeLevel must be 0 (kindergarten) to 12" })
  @Max(12, { message: "gradeLevel must be 0 (kindergarten) to 12" })
  gradeLevel!: number;

  @Field(() => PeriodLevel)
  level!: PeriodLevel;
}

@InputType()
export class SectionUpdateInput {
  @Field(() => ID, { nullable: true })
  teacherId?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(2, 120, { message: "courseName must be 2 to 120 characters" })
  courseName?: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(0, { message: "gradeLevel must be 0 (kindergarten) to 12" })
  @Max(12, { message: "gradeLevel must be 0 (kindergarten) to 12" })
  gradeLevel?: number;

  @Field(() => PeriodLevel, { nullable: true })
  level?: PeriodLevel;
}
