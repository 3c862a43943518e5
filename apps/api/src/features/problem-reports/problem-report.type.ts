import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { DateTime, LocalDate } from "../../graphql/scalars/index.js";

export enum ReportCategory {
  SYSTEM_OUTAGE = "SYSTEM_OUTAGE",
  DATA_LOSS = "DATA_LOSS",
  ROSTER_ERROR = "ROSTER_ERROR",
  ACCESS = "ACCESS",
  PERFORMANCE = "PERFORMANCE",
  TRAINING = "TRAINING",
  STAFFING = "STAFFING",
  OTHER = "OTHER",
}
registerEnumType(ReportCategory, { name: "ReportCategory" });

export enum ReportSeverity {
  LOW = "LOW",
  MEDIUM = "MEDIUM",
  HIGH = "HIGH",
  CRITICAL = "CRITICAL",
}
registerEnumType(ReportSeverity, { name: "ReportSeverity" });

export enum ReportState {
  NEW = "NEW",
  ACKNOWLEDGED = "ACKNOWLEDGED",
  IN_PROGRESS = "IN_PROGRESS",
  WAITING_ON_SCHOOL = "WAITING_ON_SCHOOL",
  RESOLVED = "RESOLVED",
  CLOSED = "CLOSED",
}
registerEnumType(ReportState, { name: "ReportState" });

export enum ReportAction {
  acknowledge = "acknowledge",
  start = "start",
  waitOnSchool = "waitOnSchool",
  resume = "resume",
  resolve = "resolve",
  close = "close",
  reopen = "reopen",
}
registerEnumType(ReportAction, { name: "ReportAction", description: "A move of a problem report's workflow" });

export enum ExtensionRequestStatus {
  PENDING = "PENDING",
  APPROVED = "APPROVED",
  DECLINED = "DECLINED",
}
registerEnumType(ExtensionRequestStatus, { name: "ExtensionRequestStatus" });

@ObjectType({ description: "A report's SLA clocks, in school hours on the district calendar" })
export class ReportSlaView {
  @Field(() => String, { nullable: true, description: "The clock the report races now: acknowledge, resolve, or none once resolved" })
  current!: "acknowledge" | "resolve" | null;

  @Field(() => DateTime, { nullable: true, description: "When the current clock is (or was) due; null when paused or met" })
  dueAt!: Date | null;

  @Field(() => Boolean)
  overdue!: boolean;

  @Field(() => Boolean, { description: "Waiting on the school: the resolve clock holds" })
  paused!: boolean;

  @Field(() => Int, { nullable: true, description: "School minutes left on the current clock; negative: overdue by" })
  remainingMinutes!: number | null;

  @Field(() => Int)
  acknowledgeTargetMinutes!: number;

  @Field(() => Int)
  resolveTargetMinutes!: number;

  @Field(() => Int, { nullable: true, description: "School minutes from filing to acknowledgement" })
  minutesToAcknowledge!: number | null;
}

@ObjectType()
export class ProblemReport {
  @Field(() => ID)
  id!: number;

  @Field(() => ID)
  schoolId!: number;

  @Field(() => ID, { nullable: true })
  periodId!: number | null;

  @Field(() => ID)
  filedById!: number;

  @Field(() => ReportCategory)
  category!: `${ReportCategory}`;

  @Field(() => ReportSeverity)
  severity!: `${ReportSeverity}`;

  @Field(() => String)
  title!: string;

  @Field(() => String)
  description!: string;

  @Field(() => ID, { nullable: true })
  outageId!: number | null;

  @Field(() => [ID])
  sectionIds!: number[];

  @Field(() => [ID])
  teacherIds!: number[];

  @Field(() => LocalDate, { nullable: true })
  extensionRequestedTo!: string | null;

  @Field(() => String, { nullable: true })
  extensionRequestReason!: string | null;

  @Field(() => ID, { nullable: true })
  extensionSectionId!: number | null;

  @Field(() => ExtensionRequestStatus, { nullable: true })
  extensionStatus!: `${ExtensionRequestStatus}` | null;

  @Field(() => String, { nullable: true })
  extensionDecisionReason!: string | null;

  @Field(() => ID, { nullable: true })
  extensionDecidedById!: number | null;

  @Field(() => DateTime, { nullable: true })
  extensionDecidedAt!: Date | null;

  @Field(() => ID, { nullable: true })
  deadlineExtensionId!: number | null;

  @Field(() => ReportState)
  state!: `${ReportState}`;

  @Field(() => Int)
  version!: number;

  @Field(() => ID, { nullable: true })
  assigneeId!: number | null;

  @Field(() => DateTime)
  filedAt!: Date;

  @Field(() => DateTime, { nullable: true })
  acknowledgedAt!: Date | null;

  @Field(() => DateTime, { nullable: true })
  resolvedAt!: Date | null;

  @Field(() => DateTime, { nullable: true, description: "The current SLA clock's due time (the queue's order)" })
  slaDueAt!: Date | null;

  @Field(() => DateTime)
  updatedAt!: Date;
}

@ObjectType()
export class ProblemReportComment {
  @Field(() => ID)
  id!: number;

  @Field(() => ID)
  reportId!: number;

  @Field(() => ID)
  authorId!: number;

  @Field(() => String)
  body!: string;

  @Field(() => Boolean, { description: "An internal note: the ESC and the district see it, never the school" })
  internal!: boolean;

  @Field(() => DateTime)
  createdAt!: Date;
}

@ObjectType()
export class ProblemReportHistoryEntry {
  @Field(() => ID)
  id!: number;

  @Field(() => String)
  action!: string;

  @Field(() => ReportState, { nullable: true })
  fromState!: `${ReportState}` | null;

  @Field(() => ReportState)
  toState!: `${ReportState}`;

  @Field(() => Int)
  version!: number;

  @Field(() => ID)
  changedById!: number;

  @Field(() => DateTime)
  changedAt!: Date;

  @Field(() => String, { nullable: true, description: "What else changed, as JSON (assignee, extension decision)" })
  detail!: string | null;
}

@ObjectType()
export class SlaSetting {
  @Field(() => ReportSeverity)
  severity!: `${ReportSeverity}`;

  @Field(() => Int, { description: "School minutes to acknowledge" })
  acknowledgeMinutes!: number;

  @Field(() => Int, { description: "School minutes to resolve" })
  resolveMinutes!: number;
}

@ObjectType({ description: "Problem reports of one ESC's schools" })
export class EscReportSummary {
  @Field(() => ID)
  escId!: number;

  @Field(() => String)
  escName!: string;

  @Field(() => Int)
  open!: number;

  @Field(() => Int)
  overdue!: number;

  @Field(() => Int, { nullable: true, description: "Median school minutes from filing to acknowledgement" })
  medianMinutesToAcknowledge!: number | null;
}
