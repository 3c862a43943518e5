import { Field, ID, ObjectType } from "type-graphql";

@ObjectType({ description: "Educational Service Center: oversees a group of schools" })
export class Esc {
  @Field(() => ID)
  id!: number;

  @Field(() => String)
  code!: string;

  @Field(() => String)
  name!: string;
}
