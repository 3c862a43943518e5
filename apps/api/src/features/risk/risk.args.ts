import { ArgsType, Field, ID, InputType, ObjectType } from "type-graphql";
import { ListArgs, Page } from "../../graphql/pagination.js";
import { DateTime } from "../../graphql/scalars/index.js";
import { RiskLevel, SchoolRisk } from "./risk.type.js";

@InputType()
export class SchoolRiskFilter {
  @Field(() => ID, { nullable: true, description: "Default: the elementary period whose marking window holds the district clock" })
  periodId?: string;

  @Field(() => ID, { nullable: true })
  escId?: string;

  @Field(() => [RiskLevel], { nullable: true })
  level?: RiskLevel[];

  @Field(() => String, { nullable: true, description: "Part of the school's name" })
  q?: string;

  @Field(() => DateTime, { nullable: true, description: "Replay: the ranking as it stood at this instant" })
  asOf?: Date;
}

@ArgsType()
export class SchoolRiskListArgs extends ListArgs {
  @Field(() => SchoolRiskFilter, { nullable: true })
  filter?: SchoolRiskFilter;
}

@ObjectType()
export class SchoolRiskPage extends Page(SchoolRisk) {}
