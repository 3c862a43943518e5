import { Max, Min, ValidateNested } from "class-validator";
import { ArgsType, Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { ListArgs, Page } from "../../graphql/pagination.js";
import { Student } from "./student.type.js";

@InputType()
export class StudentFilter {
  @Field(() => [ID], { nullable: true })
  ids?: string[];

  @Field(() => String, { nullable: true, description: "Matches name or district student id" })
  q?: string;

  @Field(() => ID, { nullable: true })
  schoolId?: string;

  @Field(() => ID, { nullable: true })
  escId?: string;

  @Field(() => Int, { nullable: true })
  @Min(0, { message: "gradeLevel must be 0 (kindergarten) to 12" })
  @Max(12, { message: "gradeLevel must be 0 (kindergarten) to 12" })
  gradeLevel?: number;

  @Field(() => ID, { nullable: true, description: "Students enrolled in this section" })
  sectionId?: string;
}

@ArgsType()
export class StudentListArgs extends ListArgs {
  @Field(() => StudentFilter, { nullable: true })
  @ValidateNested()
  filter?: StudentFilter;
}

@ObjectType()
export class StudentPage extends Page(Student) {}
