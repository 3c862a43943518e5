import { IsOptional, Length } from "class-validator";
import { Field, ID, InputType } from "type-graphql";
import { LocalDate } from "../../graphql/scalars/index.js";
import { ReportCategory, ReportSeverity } from "./problem-report.type.js";

@InputType()
export class FileProblemReportInput {
  @Field(() => String, { description: "The client's id for this filing: filing twice with it files once" })
  @Length(1, 100, { message: "operationId must be 1 to 100 characters" })
  operationId!: string;

  @Field(() => ID, { nullable: true, description: "Defaults to the signed-in principal's or teacher's school" })
  schoolId?: string;

  @Field(() => ID, { nullable: true })
  periodId?: string;

  @Field(() => ReportCategory)
  category!: ReportCategory;

  @Field(() => ReportSeverity)
  severity!: ReportSeverity;

  @Field(() => String)
  @Length(3, 200, { message: "title must be 3 to 200 characters" })
  title!: string;

  @Field(() => String)
  @Length(1, 5000, { message: "description must be 1 to 5000 characters" })
  description!: string;

  @Field(() => ID, { nullable: true })
  outageId?: string;

  @Field(() => [ID], { nullable: true })
  sectionIds?: string[];

  @Field(() => [ID], { nullable: true })
  teacherIds?: string[];

  @Field(() => LocalDate, { nullable: true, description: "Asks the ESC for a deadline extension to this day" })
  extensionRequestedTo?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 1000, { message: "extensionRequestReason must be 1 to 1000 characters" })
  extensionRequestReason?: string;

  @Field(() => ID, { nullable: true, description: "The extension is for this section only (else the whole school)" })
  extensionSectionId?: string;
}
