import { ArgsType, Field, ID, InputType, ObjectType } from "type-graphql";
import { ListArgs, Page } from "../../graphql/pagination.js";
import { Mark } from "./mark.type.js";

@InputType()
export class MarkFilter {
  @Field(() => [ID], { nullable: true })
  ids?: string[];

  @Field(() => ID, { nullable: true })
  periodId?: string;

  @Field(() => ID, { nullable: true })
  sectionId?: string;

  @Field(() => ID, { nullable: true })
  studentId?: string;

  @Field(() => ID, { nullable: true })
  schoolId?: string;

  @Field(() => ID, { nullable: true })
  escId?: string;

  @Field(() => ID, { nullable: true })
  gradingItemId?: string;
}

@ArgsType()
export class MarkListArgs extends ListArgs {
  @Field(() => MarkFilter, { nullable: true })
  filter?: MarkFilter;
}

@ObjectType()
export class MarkPage extends Page(Mark) {}
