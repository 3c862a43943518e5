import { endOfDay } from "@gradewatch/domain";
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { Allow } from "../../access/allow.js";
import type { Context } from "../../graphql/context.js";
import { parseId } from "../../graphql/errors.js";
import { DateTime } from "../../graphql/scalars/index.js";
import { ReportingPeriodListArgs, ReportingPeriodPage } from "./reporting-period.args.js";
import { ReportingPeriodCreateInput, ReportingPeriodUpdateInput } from "./reporting-period.input.js";
import {
  createReportingPeriod,
  getReportingPeriod,
  listReportingPeriods,
  updateReportingPeriod,
} from "./reporting-period.service.js";
import { GradingItem, ReportingPeriod } from "./reporting-period.type.js";

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
    return createReportingPeriod(ctx.db, input);
  }

  @Allow("reportingPeriod.update")
  @Mutation(() => ReportingPeriod)
  updateReportingPeriod(
    @Arg("id", () => ID) id: string,
    @Arg("input", () => ReportingPeriodUpdateInput) input: ReportingPeriodUpdateInput,
    @Ctx() ctx: Context,
  ) {
    return updateReportingPeriod(ctx.db, parseId(id), input);
  }

  @FieldResolver(() => [GradingItem])
  gradingItems(@Root() root: ReportingPeriod, @Ctx() ctx: Context) {
    return ctx.loaders.gradingItemsByPeriod.load(root.id);
  }

  @FieldResolver(() => DateTime, { description: "The last instant marks are accepted: end of the current deadline day in Los Angeles" })
  deadlineAt(@Root() root: ReportingPeriod) {
    return endOfDay(root.currentDeadline);
  }
}
