import { Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { DateTime } from "../../graphql/scalars/index.js";

export enum OutageKind {
  UNPLANNED = "UNPLANNED",
  MAINTENANCE = "MAINTENANCE",
}
registerEnumType(OutageKind, { name: "OutageKind" });

@ObjectType()
export class Outage {
  @Field(() => ID)
  id!: number;

  @Field(() => OutageKind)
  kind!: OutageKind;

  @Field(() => DateTime)
  startsAt!: Date;

  @Field(() => DateTime)
  endsAt!: Date;

  @Field(() => String)
  description!: string;

}
