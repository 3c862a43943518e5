import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { DateTime } from "../../graphql/scalars/index.js";
import { Mark } from "./mark.type.js";

export enum SaveStatus {
  SAVED = "SAVED",
  CONFLICT = "CONFLICT",
  REJECTED = "REJECTED",
}
registerEnumType(SaveStatus, { name: "SaveStatus" });

@ObjectType({ description: "The outcome of one change, acknowledged only after it is committed" })
export class SaveMarkResult {
  @Field(() => String)
  operationId!: string;

  @Field(() => SaveStatus)
  status!: SaveStatus;

  @Field(() => String, { nullable: true, description: "For REJECTED: BAD_USER_INPUT, NOT_FOUND or DEADLINE_PASSED" })
  code?: string | null;

  @Field(() => String, { nullable: true })
  reason?: string | null;

  @Field(() => Mark, { nullable: true, description: "SAVED: the stored mark; CONFLICT: the current mark someone else saved" })
  mark?: Mark | null;

  @Field(() => Boolean, { description: "True when this operation id was seen before and nothing changed now" })
  replayed!: boolean;
}

@ObjectType({ description: "One change in a mark's append-only history" })
export class MarkChange {
  @Field(() => ID)
  id!: number;

  @Field(() => Int)
  version!: number;

  @Field(() => String, { nullable: true })
  oldValue!: string | null;

  @Field(() => String)
  newValue!: string;

  @Field(() => String, { nullable: true })
  newComment!: string | null;

  @Field(() => ID)
  changedById!: number;

  @Field(() => DateTime)
  changedAt!: Date;

  @Field(() => DateTime, { nullable: true })
  clientEnteredAt!: Date | null;

  @Field(() => String)
  source!: string;

  @Field(() => String, { nullable: true })
  operationId!: string | null;

  @Field(() => String, { nullable: true })
  requestId!: string | null;
}
