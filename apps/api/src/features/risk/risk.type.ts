import { Field, Float, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { DateTime } from "../../graphql/scalars/index.js";
import { DeadlineExtension } from "./deadline-extension.type.js";

export enum RiskLevel {
  COMPLETE = "COMPLETE",
  ON_TRACK = "ON_TRACK",
  AT_RISK = "AT_RISK",
  CRITICAL = "CRITICAL",
}
registerEnumType(RiskLevel, { name: "RiskLevel", description: "From best to worst" });

@ObjectType({ description: "Why a school is at its level, in words a director can act on" })
export class RiskReason {
  @Field(() => String)
  code!: string;

  @Field(() => String)
  text!: string;

  teacherIds!: number[];
}

@ObjectType({ description: "A school's completion and forecast for a reporting period; id is the school's id" })
export class SchoolRisk {
  @Field(() => ID)
  id!: number;

  @Field(() => ID)
  schoolId!: number;

  @Field(() => ID)
  escId!: number;

  @Field(() => ID)
  periodId!: number;

  @Field(() => RiskLevel)
  level!: RiskLevel;

  @Field(() => RiskLevel, { nullable: true, description: "The level as of the end of the previous school day" })
  previousLevel!: RiskLevel | null;

  @Field(() => Int)
  expected!: number;

  @Field(() => Int)
  entered!: number;

  @Field(() => Float)
  percent!: number;

  @Field(() => Int)
  remaining!: number;

  @Field(() => Int)
  schoolDaysLeft!: number;

  @Field(() => String, { description: "The effective deadline day (YYYY-MM-DD)" })
  deadlineDay!: string;

  @Field(() => DateTime)
  deadlineAt!: Date;

  @Field(() => String, { nullable: true, description: "The school's extension day, if any" })
  extendedTo!: string | null;

  @Field(() => Float)
  neededPerDay!: number;

  @Field(() => Float)
  pacePerDay!: number;

  @Field(() => String, { nullable: true, description: "YYYY-MM-DD" })
  projectedFinish!: string | null;

  @Field(() => [RiskReason])
  reasons!: RiskReason[];

  @Field(() => DateTime)
  asOf!: Date;

  /** Orders the ranking: higher is worse. */
  score!: number;
  schoolName!: string;
}

@ObjectType({ description: "Cumulative entered marks at the end of a day against the straight line to the deadline" })
export class BurnUpPoint {
  @Field(() => String)
  day!: string;

  @Field(() => Int)
  entered!: number;

  @Field(() => Int)
  expected!: number;

  @Field(() => Float)
  ideal!: number;
}

@ObjectType()
export class LevelCount {
  @Field(() => RiskLevel)
  level!: RiskLevel;

  @Field(() => Int)
  schools!: number;
}

@ObjectType()
export class LevelChange {
  schoolId!: number;

  @Field(() => RiskLevel)
  from!: RiskLevel;

  @Field(() => RiskLevel)
  to!: RiskLevel;
}

@ObjectType({ description: "Completion of one teacher or one section" })
export class CompletionRow {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  label!: string;

  teacherId!: number | null;
  sectionId!: number | null;

  @Field(() => Int)
  expected!: number;

  @Field(() => Int)
  entered!: number;

  @Field(() => Float)
  percent!: number;

  @Field(() => DateTime, { nullable: true })
  lastEnteredAt!: Date | null;
}

@ObjectType()
export class SchoolRiskDetail {
  @Field(() => SchoolRisk)
  risk!: SchoolRisk;

  @Field(() => [CompletionRow])
  byTeacher!: CompletionRow[];

  @Field(() => [CompletionRow])
  bySection!: CompletionRow[];

  @Field(() => [BurnUpPoint])
  burnUp!: BurnUpPoint[];

  notStartedIds!: number[];

  @Field(() => [DeadlineExtension])
  extensions!: DeadlineExtension[];
}

@ObjectType()
export class EscRiskOverview {
  escId!: number;

  @Field(() => ID)
  periodId!: number;

  @Field(() => DateTime)
  asOf!: Date;

  @Field(() => Int)
  expected!: number;

  @Field(() => Int)
  entered!: number;

  @Field(() => Float)
  percent!: number;

  @Field(() => [LevelCount])
  counts!: LevelCount[];

  @Field(() => [BurnUpPoint])
  burnUp!: BurnUpPoint[];

  @Field(() => [LevelChange])
  changedSincePreviousSchoolDay!: LevelChange[];
}
