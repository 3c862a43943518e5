import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { DateTime, LocalDate } from "../../graphql/scalars/index.js";
import { OutageKind } from "./outage.type.js";

@ObjectType({ description: "What happened to the changes teachers made during one school's share of an outage" })
export class OutageReportSchool {
  @Field(() => ID)
  schoolId!: number;

  @Field(() => String)
  schoolName!: string;

  @Field(() => String)
  escName!: string;

  @Field(() => Int, { description: "Changes whose client time falls inside the interval" })
  enteredDuring!: number;

  @Field(() => Int, { description: "Changes entered during the interval and stored by the server after it ended" })
  savedAfter!: number;

  @Field(() => Int, { description: "Changes the server stored during the interval: zero for maintenance, or a bug" })
  savedDuring!: number;

  @Field(() => Float, { nullable: true, description: "Median seconds from client time to server time, for the changes saved after" })
  medianDelaySeconds!: number | null;

  @Field(() => Float, { nullable: true, description: "Longest client-to-server delay in seconds, for the changes saved after" })
  maxDelaySeconds!: number | null;

  @Field(() => Int, { description: "History rows of the interval whose change no stored mark reflects: expected zero" })
  missing!: number;
}

@ObjectType()
export class OutageReportTotals {
  @Field(() => Int)
  schools!: number;

  @Field(() => Int)
  enteredDuring!: number;

  @Field(() => Int)
  savedAfter!: number;

  @Field(() => Int)
  savedDuring!: number;

  @Field(() => Float, { nullable: true })
  medianDelaySeconds!: number | null;

  @Field(() => Float, { nullable: true })
  maxDelaySeconds!: number | null;

  @Field(() => Int)
  missing!: number;
}

@ObjectType({ description: "Marks entered during an outage or a maintenance window, and when the server stored them" })
export class OutageReport {
  @Field(() => OutageKind)
  kind!: OutageKind;

  @Field(() => String)
  description!: string;

  @Field(() => DateTime)
  startsAt!: Date;

  @Field(() => DateTime)
  endsAt!: Date;

  @Field(() => ID, { nullable: true })
  outageId!: number | null;

  @Field(() => ID, { nullable: true })
  maintenanceWindowId!: number | null;

  @Field(() => LocalDate, { nullable: true, description: "The occurrence's date, for a recurring maintenance window" })
  date!: string | null;

  @Field(() => Boolean, { description: "False when the caller's role may not read marks: the report is then empty because marks are hidden from them, not because none were entered" })
  marksVisible!: boolean;

  @Field(() => [OutageReportSchool], { description: "Schools in the caller's scope with any change entered or stored during the interval" })
  schools!: OutageReportSchool[];

  @Field(() => OutageReportTotals)
  totals!: OutageReportTotals;
}
