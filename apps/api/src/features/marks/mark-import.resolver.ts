import { Matches, Max, Min } from "class-validator";
import { Arg, Args, ArgsType, Ctx, Field, ID, Int, Mutation, Resolver } from "type-graphql";
import { Allow } from "../../access/allow.js";
import type { Context } from "../../graphql/context.js";
import { parseId } from "../../graphql/errors.js";
import { MAX_VERSION } from "../../graphql/inputs.js";
import { importMarks } from "./mark-import.service.js";
import { ImportMarksResult } from "./mark-import.type.js";
import { restoreMark } from "./mark-restore.service.js";
import { SaveMarkResult } from "./mark-save.type.js";

@ArgsType()
class RestoreMarkArgs {
  @Field(() => ID)
  markId!: string;

  @Field(() => Int, { description: "The history version whose value and comment to put back" })
  @Min(1)
  @Max(MAX_VERSION)
  version!: number;

  @Field(() => Int, { description: "The mark's current version as the client last saw it" })
  @Min(1)
  @Max(MAX_VERSION)
  baseVersion!: number;

  @Field(() => String)
  @Matches(/^[A-Za-z0-9_-]{8,64}$/, { message: "operationId must be 8 to 64 letters, digits, - or _" })
  operationId!: string;
}

@Resolver()
export class MarkImportResolver {
  @Allow("mark.update")
  @Mutation(() => ImportMarksResult, {
    description: "Imports a CSV of marks for one section: a dry run lists what each line would do; applying needs the dry run's checksum",
  })
  importMarks(
    @Arg("sectionId", () => ID) sectionId: string,
    @Arg("periodId", () => ID, { nullable: true, description: "Defaults to the reporting_period column, else the latest open period" }) periodId: string | null,
    @Arg("csv", () => String) csv: string,
    @Arg("dryRun", () => Boolean) dryRun: boolean,
    @Arg("previewChecksum", () => String, { nullable: true }) previewChecksum: string | null,
    @Ctx() ctx: Context,
  ) {
    return importMarks(ctx, { sectionId, periodId, csv, dryRun, previewChecksum });
  }

  @Allow("mark.update")
  @Mutation(() => SaveMarkResult, { description: "Sets a mark back to an earlier version's value, as a new recorded change" })
  restoreMark(@Args(() => RestoreMarkArgs) args: RestoreMarkArgs, @Ctx() ctx: Context) {
    return restoreMark(ctx, { ...args, markId: parseId(args.markId, "markId") });
  }
}
