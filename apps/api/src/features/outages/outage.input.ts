import { IsOptional, Length } from "class-validator";
import { Field, InputType } from "type-graphql";
import { DateTime } from "../../graphql/scalars/index.js";
import { OutageKind } from "./outage.type.js";

@InputType()
export class OutageCreateInput {
  @Field(() => OutageKind)
  kind!: OutageKind;

  @Field(() => DateTime)
  startsAt!: Date;

  @Field(() => DateTime)
  endsAt!: Date;

  @Field(() => String)
  @Length(3, 500, { message: "description must be 3 to 500 characters" })
  description!: string;
}

@InputType()
export class OutageUpdateInput {
  @Field(() => OutageKind, { nullable: true })
  kind?: OutageKind;

  @Field(() => DateTime, { nullable: true })
  startsAt?: Date;

  @Field(() => DateTime, { nullable: true })
  endsAt?: Date;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(3, 500, { message: "description must be 3 to 500 characters" })
  description?: string;
}
