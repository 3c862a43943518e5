import { ArgsType, Field, ID, InputType, ObjectType } from "type-graphql";
import { ListArgs, Page } from "../../graphql/pagination.js";
import { Esc } from "./esc.type.js";

@InputType()
export class EscFilter {
  @Field(() => [ID], { nullable: true })
  ids?: string[];

  @Field(() => String, { nullable: true, description: "Matches code or name" })
  q?: string;
}

@ArgsType()
export class EscListArgs extends ListArgs {
  @Field(() => EscFilter, { nullable: true })
  filter?: EscFilter;
}

@ObjectType()
export class EscPage extends Page(Esc) {}
