import { Field, ID, ObjectType } from "type-graphql";

@ObjectType({ description: "A recurring daily window, in the wall-clock time of its time zone, when writes are refused" })
export class MaintenanceWindow {
  @Field(() => ID)
  id!: number;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: "HH:MM:SS local time" })
  startsAtLocal!: string;

  @Field(() => String, { description: "HH:MM:SS local time" })
  endsAtLocal!: string;

  @Field(() => String)
  timeZone!: string;

  @Field(() => Boolean)
  active!: boolean;

  @Field(() => String)
  description!: string;
}
