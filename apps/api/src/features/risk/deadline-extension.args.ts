import { ArgsType, Field, ID, InputType, ObjectType } from "type-graphql";
import { ListArgs, Page } from "../../graphql/pagination.js";
import { DeadlineExtension } from "./deadline-extension.type.js";

@InputType()
export class DeadlineExtensionFilter {
  @Field(() => ID, { nullable: true })
  periodId?: string;

  @Field(() => ID, { nullable: true })
  schoolId?: string;
}

@ArgsType()
export class DeadlineExtensionListArgs extends ListArgs {
  @Field(() => DeadlineExtensionFilter, { nullable: true })
  filter?: DeadlineExtensionFilter;
}

@ObjectType()
export class DeadlineExtensionPage extends Page(DeadlineExtension) {}

@InputType()
export class GrantDeadlineExtensionInput {
  @Field(() => ID)
  periodId!: string;

  @Field(() => ID)
  schoolId!: string;

  @Field(() => ID, { nullable: true })
  sectionId?: string;

  @Field(() => String, { description: "The new deadline day, YYYY-MM-DD: after the deadline in force" })
  extendedTo!: string;

  @Field(() => String)
  reason!: string;

  @Field(() => String, { description: "The client's id for this grant: a retry with the same id grants nothing more" })
  operationId!: string;
}
