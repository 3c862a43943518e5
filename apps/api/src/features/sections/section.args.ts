import { ArgsType, Field, ID, InputType, ObjectType } from "type-graphql";
import { ListArgs, Page } from "../../graphql/pagination.js";
import { PeriodLevel, Section } from "./section.type.js";

@InputType()
export class SectionFilter {
  @Field(() => [ID], { nullable: true })
  ids?: string[];

  @Field(() => String, { nullable: true, description: "Matches course name" })
  q?: string;

  @Field(() => ID, { nullable: true })
  schoolId?: string;

  @Field(() => ID, { nullable: true })
  escId?: string;

  @Field(() => ID, { nullable: true })
  teacherId?: string;

  @Field(() => PeriodLevel, { nullable: true })
  level?: PeriodLevel;
}

@ArgsType()
export class SectionListArgs extends ListArgs {
  @Field(() => SectionFilter, { nullable: true })
  filter?: SectionFilter;
}

@ObjectType()
export class SectionPage extends Page(Section) {}
