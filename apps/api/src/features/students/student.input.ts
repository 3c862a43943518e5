import { IsOptional, Length, Matches, Max, Min } from "class-validator";
import { Field, ID, InputType, Int } from "type-graphql";

@InputType()
export class StudentCreateInput {
  @Field(() => String)
  @Matches(/^[0-9]{10}$/, { message: "districtStudentId must be 10 digits" })
  districtStudentId!: string;

  @Field(() => String)
  @Length(1, 80, { message: "firstName must be 1 to 80 characters" })
  firstName!: string;

  @Field(() => String)
  @Length(1, 80, { message: "lastName must be 1 to 80 characters" })
  lastName!: string;

  @Field(() => Int)
  @Min(0, { message: "gradeLevel must be 0 (kindergarten) to 12" })
  @Max(12, { message: "gradeLevel must be 0 (kindergarten) to 12" })
  gradeLevel!: number;

  @Field(() => ID)
  schoolId!: string;
}

@InputType()
export class StudentUpdateInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^[0-9]{10}$/, { message: "districtStudentId must be 10 digits" })
  districtStudentId?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 80, { message: "firstName must be 1 to 80 characters" })
  firstName?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 80, { message: "lastName must be 1 to 80 characters" })
  lastName?: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(0, { message: "gradeLevel must be 0 (kindergarten) to 12" })
  @Max(12, { message: "gradeLevel must be 0 (kindergarten) to 12" })
  gradeLevel?: number;

  @Field(() => ID, { nullable: true })
  schoolId?: string;
}
