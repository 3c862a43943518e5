import { Field, ID, Int, ObjectType } from "type-graphql";

@ObjectType()
export class Student {
  @Field(() => ID)
  id!: number;

  @Field(() => String, { description: "The district's 10-digit student id" })
  districtStudentId!: string;

  @Field(() => String)
  firstName!: string;

  @Field(() => String)
  lastName!: string;

  @Field(() => Int, { description: "0 = kindergarten" })
  gradeLevel!: number;

  @Field(() => ID)
  schoolId!: number;
}
