import { IsOptional, Length, Matches, Max, Min } from "class-validator";
import { Field, ID, InputType, Int } from "type-graphql";
import { SchoolLevel } from "./school.type.js";

@InputType()
export class SchoolCreateInput {
  @Field(() => String)
  @Matches(/^[0-9]{4}$/, { message: "locationCode must be 4 digits" })
  locationCode!: string;

  @Field(() => String)
  @Length(2, 120, { message: "name must be 2 to 120 characters" })
  name!: string;

  @Field(() => SchoolLevel)
  level!: SchoolLevel;

  @Field(() => ID)
  escId!: string;

  @Field(() => ID, { nullable: true })
  principalId?: string | null;

  @Field(() => Int, { defaultValue: 0 })
  @Min(0, { message: "enrollment cannot be negative" })
  @Max(10_000, { message: "enrollment cannot exceed 10,000" })
  enrollment: number = 0;
}

@InputType()
export class SchoolUpdateInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^[0-9]{4}$/, { message: "locationCode must be 4 digits" })
  locationCode?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(2, 120, { message: "name must be 2 to 120 characters" })
  name?: string;

  @Field(() => SchoolLevel, { nullable: true })
  level?: SchoolLevel;

  @Field(() => ID, { nullable: true })
  escId?: string;

  @Field(() => ID, { nullable: true })
  principalId?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(0, { message: "enrollment cannot be negative" })
  @Max(10_000, { message: "enrollment cannot exceed 10,000" })
  enrollment?: number;
}
