import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";

export enum SchoolLevel {
  ELEMENTARY = "ELEMENTARY",
  MIDDLE = "MIDDLE",
  HIGH = "HIGH",
  SPAN = "SPAN",
}
registerEnumType(SchoolLevel, { name: "SchoolLevel" });

@ObjectType()
export class School {
  @Field(() => ID)
  id!: number;

  @Field(() => String, { description: "The district's 4-digit location code" })
  locationCode!: string;

  @Field(() => String)
  name!: string;

  @Field(() => SchoolLevel)
  level!: SchoolLevel;

  @Field(() => ID)
  escId!: number;

  @Field(() => ID, { nullable: true })
  principalId!: number | null;

  @Field(() => Int, { description: "Students enrolled" })
  enrollment!: number;
}
