import { Field, ID, Int, ObjectType } from "type-graphql";
import { DateTime } from "../../graphql/scalars/index.js";

@ObjectType({ description: "One student's mark on one grading item of one section in one reporting period" })
export class Mark {
  @Field(() => ID)
  id!: number;

  @Field(() => ID)
  periodId!: number;

  @Field(() => ID)
  sectionId!: number;

  @Field(() => ID)
  studentId!: number;

  @Field(() => ID)
  gradingItemId!: number;

  @Field(() => ID)
  schoolId!: number;

  @Field(() => String)
  value!: string;

  @Field(() => String, { nullable: true })
  comment!: string | null;

  @Field(() => ID)
  enteredById!: number;

  @Field(() => DateTime, { description: "When the mark was first entered" })
  enteredAt!: Date;

  @Field(() => DateTime)
  updatedAt!: Date;

  @Field(() => Int, { description: "Increases by one on every change; send it back to detect stale edits" })
  version!: number;
}
