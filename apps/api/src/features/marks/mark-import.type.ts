import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";

export enum ImportLineStatus {
  ADDED = "ADDED",
  CHANGED = "CHANGED",
  UNCHANGED = "UNCHANGED",
  REJECTED = "REJECTED",
}
registerEnumType(ImportLineStatus, { name: "ImportLineStatus" });

@ObjectType({ description: "What one line of an imported CSV does (or would do, in a dry run)" })
export class ImportLine {
  @Field(() => Int, { description: "The line as a spreadsheet shows it; the header is line 1" })
  line!: number;

  @Field(() => ImportLineStatus)
  status!: ImportLineStatus;

  @Field(() => String, { nullable: true, description: "Why a REJECTED line is skipped" })
  reason?: string | null;

  @Field(() => String, { nullable: true, description: "As written in the file" })
  districtStudentId?: string | null;

  @Field(() => String, { nullable: true, description: "Last, First, when the student is enrolled in the section" })
  studentName?: string | null;

  @Field(() => String, { nullable: true, description: "Grading item code as written in the file" })
  gradingItem?: string | null;

  @Field(() => String, { nullable: true })
  oldValue?: string | null;

  @Field(() => String, { nullable: true })
  newValue?: string | null;

  @Field(() => String, { nullable: true })
  oldComment?: string | null;

  @Field(() => String, { nullable: true })
  newComment?: string | null;

  @Field(() => ID, { nullable: true, description: "The mark this line touches, when it exists" })
  markId?: number | null;

  @Field(() => Int, { nullable: true, description: "The mark's version before the import; after an apply, its new version" })
  version?: number | null;
}

@ObjectType()
export class ImportTotals {
  @Field(() => Int)
  added!: number;

  @Field(() => Int)
  changed!: number;

  @Field(() => Int)
  unchanged!: number;

  @Field(() => Int)
  rejected!: number;
}

@ObjectType({ description: "A dry run's preview, or the outcome of applying it" })
export class ImportMarksResult {
  @Field(() => Boolean)
  dryRun!: boolean;

  @Field(() => Boolean, { description: "True when the changes were saved" })
  applied!: boolean;

  @Field(() => String, { description: "Send this back as previewChecksum to apply exactly what was previewed" })
  checksum!: string;

  @Field(() => ImportTotals)
  totals!: ImportTotals;

  @Field(() => [ImportLine])
  lines!: ImportLine[];
}
