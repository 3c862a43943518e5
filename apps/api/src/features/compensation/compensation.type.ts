import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { DateTime, LocalDate } from "../../graphql/scalars/index.js";

export enum CompensationCategory {
  RE_ENTERING_LOST_DATA = "RE_ENTERING_LOST_DATA",
  GRADE_ENTRY_OUTSIDE_WORKDAY = "GRADE_ENTRY_OUTSIDE_WORKDAY",
  SYSTEM_WORKAROUND = "SYSTEM_WORKAROUND",
  TRAINING = "TRAINING",
  OTHER = "OTHER",
}
registerEnumType(CompensationCategory, { name: "CompensationCategory" });

export enum CompensationState {
  DRAFT = "DRAFT",
  SUBMITTED = "SUBMITTED",
  CERTIFIED = "CERTIFIED",
  APPROVED = "APPROVED",
  REJECTED = "REJECTED",
  EXPORTED = "EXPORTED",
}
registerEnumType(CompensationState, { name: "CompensationState" });

export enum CompensationGroup {
  ESC = "ESC",
  SCHOOL = "SCHOOL",
  CATEGORY = "CATEGORY",
}
registerEnumType(CompensationGroup, { name: "CompensationGroup" });

@ObjectType({ description: "Extra time an employee claims beyond the regular workday" })
export class CompensationLog {
  @Field(() => ID)
  id!: number;

  @Field(() => ID)
  employeeId!: number;

  @Field(() => String)
  employeeName!: string;

  @Field(() => String)
  employeeNumber!: string;

  @Field(() => String, { nullable: true })
  schoolName!: string | null;

  @Field(() => ID, { nullable: true })
  schoolId!: number | null;

  @Field(() => ID, { nullable: true })
  escId!: number | null;

  @Field(() => String, { nullable: true })
  escCode!: string | null;

  @Field(() => LocalDate)
  workDate!: string;

  @Field(() => DateTime)
  startsAt!: Date;

  @Field(() => DateTime)
  endsAt!: Date;

  @Field(() => Int)
  minutes!: number;

  @Field(() => Int, { description: "The minutes outside the regular workday: what is paid" })
  countedMinutes!: number;

  @Field(() => CompensationCategory)
  category!: CompensationCategory;

  @Field(() => ID, { nullable: true })
  outageId!: number | null;

  @Field(() => ID, { nullable: true })
  problemReportId!: number | null;

  @Field(() => String)
  description!: string;

  @Field(() => CompensationState)
  state!: CompensationState;

  @Field(() => Int)
  version!: number;

  @Field(() => ID, { nullable: true, description: "The approved log this one corrects" })
  adjustsLogId!: number | null;

  @Field(() => ID, { nullable: true })
  payPeriodId!: number | null;

  @Field(() => Boolean, { description: "No activity of the employee was recorded in the claimed span" })
  flagged!: boolean;

  @Field(() => String, { nullable: true, description: "Why it was rejected" })
  reason!: string | null;

  @Field(() => DateTime, { nullable: true })
  submittedAt!: Date | null;

  @Field(() => DateTime, { nullable: true })
  decidedAt!: Date | null;
}

@ObjectType({ description: "What the system recorded of the employee in a log's span: counts and times, never marks or students" })
export class CompensationEvidence {
  @Field(() => Int)
  markChanges!: number;

  @Field(() => DateTime, { nullable: true })
  firstChangeAt!: Date | null;

  @Field(() => DateTime, { nullable: true })
  lastChangeAt!: Date | null;

  @Field(() => [String])
  sections!: string[];

  @Field(() => String, { nullable: true, description: "The outage the log relates to" })
  outage!: string | null;
}

@ObjectType()
export class CompensationStep {
  @Field(() => CompensationState, { nullable: true })
  fromState!: CompensationState | null;

  @Field(() => CompensationState)
  toState!: CompensationState;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field(() => DateTime)
  changedAt!: Date;

  @Field(() => String)
  changedBy!: string;
}

@ObjectType()
export class CompensationLogSaved {
  @Field(() => CompensationLog)
  log!: CompensationLog;

  @Field(() => String, { nullable: true, description: "Said when only part of the time counts" })
  note!: string | null;

  @Field(() => Boolean, { description: "A retry of an operation already done: nothing changed now" })
  replayed!: boolean;
}

@ObjectType()
export class CompensationDecision {
  @Field(() => Int)
  count!: number;

  @Field(() => CompensationState)
  state!: CompensationState;
}

@ObjectType()
export class CompensationSettings {
  @Field(() => LocalDate)
  windowStart!: string;

  @Field(() => LocalDate)
  windowEnd!: string;

  @Field(() => Int)
  dailyCapMinutes!: number;

  @Field(() => Int, { description: "Whole dollars HR budgets for compensation" })
  budgetDollars!: number;

  @Field(() => Int)
  certificatedRateCents!: number;

  @Field(() => Int)
  administratorRateCents!: number;

  @Field(() => Int)
  classifiedRateCents!: number;
}

@ObjectType()
export class CompensationTotal {
  @Field(() => String)
  key!: string;

  @Field(() => String)
  label!: string;

  @Field(() => Int)
  logs!: number;

  @Field(() => Int)
  countedMinutes!: number;

  @Field(() => Int, { description: "Cents of approved and exported logs" })
  paidCents!: number;

  @Field(() => Int, { description: "Cents still waiting for a decision (submitted and certified)" })
  pendingCents!: number;
}

@ObjectType()
export class CompensationSummary {
  @Field(() => Int)
  budgetCents!: number;

  @Field(() => Int)
  paidCents!: number;

  @Field(() => Int)
  pendingCents!: number;

  @Field(() => [CompensationTotal])
  groups!: CompensationTotal[];
}

@ObjectType()
export class PayPeriod {
  @Field(() => ID)
  id!: number;

  @Field(() => String)
  name!: string;

  @Field(() => DateTime)
  closedAt!: Date;

  @Field(() => Int)
  logCount!: number;

  @Field(() => Int)
  totalCents!: number;
}
