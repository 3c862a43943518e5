import { IsOptional, Length, Matches } from "class-validator";
import { Field, InputType } from "type-graphql";

const TIME = /^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$/;

@InputType()
export class MaintenanceWindowCreateInput {
  @Field(() => String)
  @Length(2, 120, { message: "name must be 2 to 120 characters" })
  name!: string;

  @Field(() => String)
  @Matches(TIME, { message: "startsAtLocal must be a time HH:MM" })
  startsAtLocal!: string;

  @Field(() => String)
  @Matches(TIME, { message: "endsAtLocal must be a time HH:MM" })
  endsAtLocal!: string;

  @Field(() => String, { defaultValue: "America/Los_Angeles" })
  timeZone: string = "America/Los_Angeles";

  @Field(() => Boolean, { defaultValue: true })
  active: boolean = true;

  @Field(() => String, { defaultValue: "" })
  @Length(0, 500, { message: "description must be at most 500 characters" })
  description: string = "";
}

@InputType()
export class MaintenanceWindowUpdateInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(2, 120, { message: "name must be 2 to 120 characters" })
  name?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(TIME, { message: "startsAtLocal must be a time HH:MM" })
  startsAtLocal?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(TIME, { message: "endsAtLocal must be a time HH:MM" })
  endsAtLocal?: string;

  @Field(() => String, { nullable: true })
  timeZone?: string;

  @Field(() => Boolean, { nullable: true })
  active?: boolean;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(0, 500, { message: "description must be at most 500 characters" })
  description?: string;
}
