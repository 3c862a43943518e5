import { Field, ID, ObjectType } from "type-graphql";
import { DateTime } from "../../graphql/scalars/index.js";

@ObjectType({ description: "A later deadline for one school, or one section of it, with who granted it and why" })
export class DeadlineExtension {
  @Field(() => ID)
  id!: number;

  @Field(() => ID)
  periodId!: number;

  @Field(() => ID)
  schoolId!: number;

  @Field(() => ID, { nullable: true })
  sectionId!: number | null;

  @Field(() => String, { description: "YYYY-MM-DD" })
  extendedTo!: string;

  @Field(() => String)
  reason!: string;

  grantedById!: number | null;

  @Field(() => DateTime)
  createdAt!: Date;
}
