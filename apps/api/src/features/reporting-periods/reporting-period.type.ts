import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { DateTime, LocalDate } from "../../graphql/scalars/index.js";
import { PeriodLevel } from "../sections/section.type.js";

export enum MarkScale {
  STANDARDS_1_4 = "STANDARDS_1_4",
  EFFORT_ESU = "EFFORT_ESU",
  LETTER_A_F = "LETTER_A_F",
}
registerEnumType(MarkScale, { name: "MarkScale" });

@ObjectType({ description: "Something every student of a section is marked on in a reporting period" })
export class GradingItem {
  @Field(() => ID)
  id!: number;

  @Field(() => ID)
  periodId!: number;

  @Field(() => String)
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => MarkScale)
  scale!: MarkScale;

  @Field(() => Int)
  position!: number;
}

@ObjectType()
export class ReportingPeriod {
  @Field(() => ID)
  id!: number;

  @Field(() => String, { description: "e.g. 2014-15" })
  schoolYear!: string;

  @Field(() => String)
  name!: string;

  @Field(() => PeriodLevel)
  level!: PeriodLevel;

  @Field(() => LocalDate, { description: "First day marks may be entered" })
  windowOpensOn!: string;

  @Field(() => LocalDate)
  originalDeadline!: string;

  @Field(() => LocalDate, { description: "Marks are due by the end of this day, Los Angeles time" })
  currentDeadline!: string;
}

@ObjectType({ description: "One move of a period's deadline: kept for good, so the deadline of any past moment can be told" })
export class DeadlineChange {
  @Field(() => ID)
  id!: number;

  @Field(() => ID)
  periodId!: number;

  @Field(() => LocalDate)
  fromDeadline!: string;

  @Field(() => LocalDate)
  toDeadline!: string;

  @Field(() => String)
  reason!: string;

  @Field(() => ID, { nullable: true, description: "Who moved it; empty for changes made before that was kept" })
  changedById!: number | null;

  @Field(() => DateTime, { description: "When, on the district clock" })
  changedAt!: Date;
}
