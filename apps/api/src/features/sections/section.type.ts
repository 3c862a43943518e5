import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";

export enum PeriodLevel {
  ELEMENTARY = "ELEMENTARY",
  SECONDARY = "SECONDARY",
}
registerEnumType(PeriodLevel, { name: "PeriodLevel" });

@ObjectType()
export class Section {
  @Field(() => ID)
  id!: number;

  @Field(() => ID)
  schoolId!: number;

  @Field(() => ID)
  teacherId!: number;

  @Field(() => String)
  courseName!: string;

  @Field(() => Int)
  gradeLevel!: number;

  @Field(() => PeriodLevel, { description: "Which reporting periods mark this section" })
  level!: PeriodLevel;
}
