import { deadlineAsOf, endOfDay } from "@gradewatch/domain";
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { Allow } from "../../access/allow.js";
import type { Context } from "../../graphql/context.js";
import { parseId } from "../../graphql/errors.js";
import { DateTime, LocalDate } from "../../graphql/scalars/index.js";
import { ReportingPeriodListArgs, ReportingPeriodPage } from "./reporting-period.args.js";
import { ReportingPeriodCreateInput, ReportingPeriodUpdateInput } from "./reporting-period.input.js";
import {
  createReportingPeriod,
  getReportingPeriod,
  listReportingPeriods,
  updateReportingPeriod,
} from "./reporting-period.service.js";
import { DeadlineChange, GradingItem, ReportingPeriod } from "./reporting-period.type.js";

@Resolver(() => ReportingPeriod)
export class ReportingPeriodResolver {
  @Allow("reportingPeriod.read")
  @Query(() => ReportingPeriodPage)
  reportingPeriods(@Args(() => ReportingPeriodListArgs) args: ReportingPeriodListArgs, @Ctx() ctx: Context) {
    return listReportingPeriods(ctx.db, args);
  }

  @Allow("reportingPeriod.read")
  @Query(() => ReportingPeriod)
  reportingPeriod(@Arg("id", () => ID) id: string, @Ctx() ctx: Context) {
    return getReportingPeriod(ctx.db, parseId(id));
  }

  @Allow("reportingPeriod.update")
  @Mutation(() => ReportingPeriod)
  createReportingPeriod(
    @Arg("input", () => ReportingPeriodCreateInput) input: ReportingPeriodCreateInput,
    @Ctx() ctx: Context,
  ) {
    return createReportingPeriod(ctx.db, ctx.actor!, ctx.clock, input);
  }

  @Allow("reportingPeriod.update")
  @Mutation(() => ReportingPeriod)
  updateReportingPeriod(
    @Arg("id", () => ID) id: string,
    @Arg("input", () => ReportingPeriodUpdateInput) input: ReportingPeriodUpdateInput,
    @Ctx() ctx: Context,
  ) {
    return updateReportingPeriod(ctx.db, ctx.actor!, ctx.clock, parseId(id), input);
  }

  @FieldResolver(() => [GradingItem])
  gradingItems(@Root() root: ReportingPeriod, @Ctx() ctx: Context) {
    return ctx.loaders.gradingItemsByPeriod.load(root.id);
  }

  @FieldResolver(() => [DeadlineChange], { description: "Every move of the deadline, oldest first" })
  deadlineChanges(@Root() root: ReportingPeriod, @Ctx() ctx: Context) {
    return ctx.loaders.deadlineChangesByPeriod.load(root.id);
  }

  @FieldResolver(() => LocalDate, { description: "The deadline as it stood at a past (or present) instant" })
  async deadlineAsOf(@Root() root: ReportingPeriod, @Arg("at", () => DateTime) at: Date, @Ctx() ctx: Context) {
    return deadlineAsOf(await ctx.loaders.deadlineChangesByPeriod.load(root.id), at) ?? root.originalDeadline;
  }

  @FieldResolver(() => DateTime, { description: "The last instant marks are accepted: end of the current deadline day in Los Angeles" })
  deadlineAt(@Root() root: ReportingPeriod) {
    return endOfDay(root.currentDeadline);
  }
}
