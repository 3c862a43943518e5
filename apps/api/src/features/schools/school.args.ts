import { ArgsType, Field, ID, InputType, ObjectType } from "type-graphql";
import { ListArgs, Page } from "../../graphql/pagination.js";
import { School, SchoolLevel } from "./school.type.js";

@InputType()
export class SchoolFilter {
  @Field(() => [ID], { nullable: true })
  ids?: string[];

  @Field(() => String, { nullable: true, description: "Matches name or location code" })
  q?: string;

  @Field(() => ID, { nullable: true })
  escId?: string;

  @Field(() => SchoolLevel, { nullable: true })
  level?: SchoolLevel;
}

@ArgsType()
export class SchoolListArgs extends ListArgs {
  @Field(() => SchoolFilter, { nullable: true })
  filter?: SchoolFilter;
}

@ObjectType()
export class SchoolPage extends Page(School) {}
