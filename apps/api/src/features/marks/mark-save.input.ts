import { IsOptional, Length, Matches, Max, Min } from "class-validator";
import { Field, ID, InputType, Int, registerEnumType } from "type-graphql";
import { MAX_VERSION } from "../../graphql/inputs.js";
import { DateTime } from "../../graphql/scalars/index.js";

/** Where a change was typed, as its history records it; imports and restores have mutations of their own. */
export enum EntrySource {
  GRID = "GRID",
  API = "API",
}
registerEnumType(EntrySource, { name: "EntrySource" });

@InputType({ description: "One mark change; operationId makes a retry safe" })
export class SaveMarkInput {
  @Field(() => String, { description: "Client-generated, unique per change (a UUID); a replay returns the first result" })
  @Matches(/^[A-Za-z0-9_-]{8,64}$/, { message: "operationId must be 8 to 64 letters, digits, - or _" })
  operationId!: string;

  @Field(() => ID)
  periodId!: string;

  @Field(() => ID)
  sectionId!: string;

  @Field(() => ID)
  studentId!: string;

  @Field(() => ID)
  gradingItemId!: string;

  @Field(() => String)
  @Length(1, 8, { message: "value must be 1 to 8 characters" })
  value!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(0, 500, { message: "comment must be at most 500 characters" })
  comment?: string | null;

  @Field(() => Int, { nullable: true, description: "The version the client last saw; null for a mark it has not seen" })
  @IsOptional()
  @Min(1, { message: "baseVersion must be 1 or more, or null for a new mark" })
  @Max(MAX_VERSION, { message: `baseVersion must be at most ${MAX_VERSION}` })
  baseVersion?: number | null;

  @Field(() => DateTime, { nullable: true, description: "When the teacher typed it, by the client's clock" })
  clientEnteredAt?: Date | null;
}
