import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from "type-graphql";
import { listSelection } from "../../graphql/pagination.js";
import { Allow } from "../../access/allow.js";
import type { Context } from "../../graphql/context.js";
import { parseId } from "../../graphql/errors.js";
import { Employee } from "../employees/employee.type.js";
import { GradingItem, ReportingPeriod } from "../reporting-periods/reporting-period.type.js";
import { School } from "../schools/school.type.js";
import { Section } from "../sections/section.type.js";
import { Student } from "../students/student.type.js";
import { MarkListArgs, MarkPage } from "./mark.args.js";
import { getMark, listMarks } from "./mark.service.js";
import { EntrySource, SaveMarkInput } from "./mark-save.input.js";
import { markHistoryOf, saveMarks } from "./mark-save.service.js";
import { MarkChange, SaveMarkResult } from "./mark-save.type.js";
import { Mark } from "./mark.type.js";

@Resolver(() => Mark)
export class MarkResolver {
  @Allow("mark.read")
  @Query(() => MarkPage)
  marks(@Args(() => MarkListArgs) args: MarkListArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return listMarks(ctx.db, ctx.actor!, args, listSelection(info));
  }

  @Allow("mark.read")
  @Query(() => Mark)
  mark(@Arg("id", () => ID) id: string, @Ctx() ctx: Context) {
    return getMark(ctx.db, ctx.actor!, parseId(id));
  }

  @Allow("mark.update")
  @Mutation(() => [SaveMarkResult], { description: "Saves a batch of mark changes; each item gets its own result" })
  saveMarks(
    @Arg("items", () => [SaveMarkInput]) items: SaveMarkInput[],
    @Arg("source", () => EntrySource, { defaultValue: EntrySource.API, description: "Recorded in each change's history" }) source: EntrySource,
    @Ctx() ctx: Context,
  ) {
    return saveMarks(ctx, items, source);
  }

  @Allow("mark.read")
  @Query(() => [MarkChange], { description: "Every change to a mark, oldest first" })
  markHistory(@Arg("markId", () => ID) markId: string, @Ctx() ctx: Context) {
    return markHistoryOf(ctx.db, ctx.actor!, parseId(markId, "markId"));
  }

  @FieldResolver(() => ReportingPeriod)
  period(@Root() root: Mark, @Ctx() ctx: Context) {
    return ctx.loaders.reportingPeriod.load(root.periodId);
  }

  @FieldResolver(() => Section)
  section(@Root() root: Mark, @Ctx() ctx: Context) {
    return ctx.loaders.section.load(root.sectionId);
  }

  @FieldResolver(() => Student)
  student(@Root() root: Mark, @Ctx() ctx: Context) {
    return ctx.loaders.student.load(root.studentId);
  }

  @FieldResolver(() => GradingItem)
  gradingItem(@Root() root: Mark, @Ctx() ctx: Context) {
    return ctx.loaders.gradingItem.load(root.gradingItemId);
  }

  @FieldResolver(() => School)
  school(@Root() root: Mark, @Ctx() ctx: Context) {
    return ctx.loaders.school.load(root.schoolId);
  }

  @FieldResolver(() => Employee, { nullable: true, description: "Null when the person is outside your scope" })
  enteredBy(@Root() root: Mark, @Ctx() ctx: Context) {
    return ctx.loaders.employee.load(root.enteredById);
  }
}
