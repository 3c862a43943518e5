import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { Allow } from "../../access/allow.js";
import type { Context } from "../../graphql/context.js";
import { notFound, parseId } from "../../graphql/errors.js";
import { DateTime } from "../../graphql/scalars/index.js";
import { Employee } from "../employees/employee.type.js";
import { Esc } from "../escs/esc.type.js";
import { ReportingPeriod } from "../reporting-periods/reporting-period.type.js";
import { School } from "../schools/school.type.js";
import { Section } from "../sections/section.type.js";
import { DeadlineExtensionListArgs, DeadlineExtensionPage, GrantDeadlineExtensionInput } from "./deadline-extension.args.js";
import { effectiveDeadlineOfSection, grantDeadlineExtension, listDeadlineExtensions } from "./deadline-extension.service.js";
import { DeadlineExtension } from "./deadline-extension.type.js";
import { SchoolRiskListArgs, SchoolRiskPage } from "./risk.args.js";
import { districtRiskOverview, escRiskOverview, getSchoolRisk, listSchoolRisks, schoolRiskDetail } from "./risk.service.js";
import { CompletionRow, EscRiskOverview, LevelChange, RiskReason, SchoolRisk, SchoolRiskDetail } from "./risk.type.js";

const employees = async (ctx: Context, ids: number[]) => (await ctx.loaders.employee.loadMany(ids)).filter((e): e is Employee => !!e && !(e instanceof Error));

@Resolver(() => SchoolRisk)
export class SchoolRiskResolver {
  @Allow("risk.read")
  @Query(() => SchoolRiskPage, { description: 'sortField: "risk" (default: worst first), "projectedFinish", "percent", "name", "schoolDaysLeft"' })
  schoolRisks(@Args(() => SchoolRiskListArgs) args: SchoolRiskListArgs, @Ctx() ctx: Context) {
    return listSchoolRisks(ctx.db, ctx.actor!, ctx.clock, args);
  }

  @Allow("risk.read")
  @Query(() => SchoolRisk, { description: "A school's present risk for the default period" })
  schoolRisk(@Arg("id", () => ID) id: string, @Ctx() ctx: Context) {
    return getSchoolRisk(ctx.db, ctx.actor!, ctx.clock, parseId(id));
  }

  @Allow("risk.read")
  @Query(() => SchoolRiskDetail)
  schoolRiskDetail(
    @Arg("schoolId", () => ID) schoolId: string,
    @Arg("periodId", () => ID, { nullable: true }) periodId: string | undefined,
    @Arg("asOf", () => DateTime, { nullable: true }) asOf: Date | undefined,
    @Ctx() ctx: Context,
  ) {
    return schoolRiskDetail(ctx.db, ctx.actor!, ctx.clock, parseId(schoolId, "schoolId"), periodId, asOf);
  }

  @Allow("risk.read")
  @Query(() => EscRiskOverview)
  escRiskOverview(
    @Arg("escId", () => ID) escId: string,
    @Arg("periodId", () => ID, { nullable: true }) periodId: string | undefined,
    @Arg("asOf", () => DateTime, { nullable: true }) asOf: Date | undefined,
    @Ctx() ctx: Context,
  ) {
    return escRiskOverview(ctx.db, ctx.actor!, ctx.clock, parseId(escId, "escId"), periodId, asOf);
  }

  @Allow("risk.read")
  @Query(() => [EscRiskOverview])
  districtRiskOverview(
    @Arg("periodId", () => ID, { nullable: true }) periodId: string | undefined,
    @Arg("asOf", () => DateTime, { nullable: true }) asOf: Date | undefined,
    @Ctx() ctx: Context,
  ) {
    return districtRiskOverview(ctx.db, ctx.actor!, ctx.clock, periodId, asOf);
  }

  @FieldResolver(() => School)
  school(@Root() root: SchoolRisk, @Ctx() ctx: Context) {
    return ctx.loaders.school.load(root.schoolId);
  }

  @FieldResolver(() => Esc)
  esc(@Root() root: SchoolRisk, @Ctx() ctx: Context) {
    return ctx.loaders.esc.load(root.escId);
  }

  @FieldResolver(() => ReportingPeriod)
  period(@Root() root: SchoolRisk, @Ctx() ctx: Context) {
    return ctx.loaders.reportingPeriod.load(root.periodId);
  }
}

@Resolver(() => RiskReason)
export class RiskReasonResolver {
  @FieldResolver(() => [Employee], { description: "The teachers the reason is about" })
  teachers(@Root() root: RiskReason, @Ctx() ctx: Context) {
    return employees(ctx, root.teacherIds);
  }
}

@Resolver(() => LevelChange)
export class LevelChangeResolver {
  @FieldResolver(() => School)
  school(@Root() root: LevelChange, @Ctx() ctx: Context) {
    return ctx.loaders.school.load(root.schoolId);
  }
}

@Resolver(() => CompletionRow)
export class CompletionRowResolver {
  @FieldResolver(() => Employee, { nullable: true })
  teacher(@Root() root: CompletionRow, @Ctx() ctx: Context) {
    return root.teacherId === null ? null : ctx.loaders.employee.load(root.teacherId);
  }

  @FieldResolver(() => Section, { nullable: true })
  section(@Root() root: CompletionRow, @Ctx() ctx: Context) {
    return root.sectionId === null ? null : ctx.loaders.section.load(root.sectionId);
  }
}

@Resolver(() => SchoolRiskDetail)
export class SchoolRiskDetailResolver {
  @FieldResolver(() => [Employee], { description: "Teachers with marks expected who have entered none" })
  notStarted(@Root() root: SchoolRiskDetail, @Ctx() ctx: Context) {
    return employees(ctx, root.notStartedIds);
  }
}

@Resolver(() => EscRiskOverview)
export class EscRiskOverviewResolver {
  @FieldResolver(() => Esc)
  esc(@Root() root: EscRiskOverview, @Ctx() ctx: Context) {
    return ctx.loaders.esc.load(root.escId);
  }
}

@Resolver(() => DeadlineExtension)
export class DeadlineExtensionResolver {
  @Allow("extension.read")
  @Query(() => DeadlineExtensionPage)
  deadlineExtensions(@Args(() => DeadlineExtensionListArgs) args: DeadlineExtensionListArgs, @Ctx() ctx: Context) {
    return listDeadlineExtensions(ctx.db, ctx.actor!, args);
  }

  @Allow("extension.grant")
  @Mutation(() => DeadlineExtension)
  grantDeadlineExtension(@Arg("input", () => GrantDeadlineExtensionInput) input: GrantDeadlineExtensionInput, @Ctx() ctx: Context) {
    return grantDeadlineExtension(ctx.db, ctx.actor!, ctx.clock, input);
  }

  @FieldResolver(() => School)
  school(@Root() root: DeadlineExtension, @Ctx() ctx: Context) {
    return ctx.loaders.school.load(root.schoolId);
  }

  @FieldResolver(() => Section, { nullable: true })
  section(@Root() root: DeadlineExtension, @Ctx() ctx: Context) {
    return root.sectionId === null ? null : ctx.loaders.section.load(root.sectionId);
  }

  @FieldResolver(() => Employee, { nullable: true })
  grantedBy(@Root() root: DeadlineExtension, @Ctx() ctx: Context) {
    return root.grantedById === null ? null : ctx.loaders.employee.load(root.grantedById);
  }
}

@Resolver(() => ReportingPeriod)
export class ReportingPeriodDeadlineResolver {
  @FieldResolver(() => DateTime, { description: "The last instant a section's marks are accepted: the period's deadline, then its school's and its own extensions" })
  async effectiveDeadlineAt(@Root() root: ReportingPeriod, @Arg("sectionId", () => ID) sectionId: string, @Ctx() ctx: Context) {
    const id = parseId(sectionId, "sectionId");
    const s = await ctx.loaders.section.load(id);
    if (!s) throw notFound("Section", id);
    return effectiveDeadlineOfSection(ctx.db, root, s);
  }
}
