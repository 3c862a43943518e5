import { ArgsType, Field, ID, InputType, ObjectType } from "type-graphql";
import { ListArgs, Page } from "../../graphql/pagination.js";
import { DateTime } from "../../graphql/scalars/index.js";
import { Outage, OutageKind } from "./outage.type.js";

@InputType()
export class OutageFilter {
  @Field(() => [ID], { nullable: true })
  ids?: string[];

  @Field(() => OutageKind, { nullable: true })
  kind?: OutageKind;

  @Field(() => DateTime, { nullable: true, description: "Outages still going on at or after this instant" })
  endsAfter?: Date;

  @Field(() => DateTime, { nullable: true, description: "Outages starting before this instant" })
  startsBefore?: Date;
}

@ArgsType()
export class OutageListArgs extends ListArgs {
  @Field(() => OutageFilter, { nullable: true })
  filter?: OutageFilter;
}

@ObjectType()
export class OutagePage extends Page(Outage) {}
