import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { reportSla, schoolMinutesBetween } from "@gradewatch/domain";
import { Allow } from "../../access/allow.js";
import type { Context } from "../../graphql/context.js";
import { parseId } from "../../graphql/errors.js";
import { listSelection } from "../../graphql/pagination.js";
import { LocalDate } from "../../graphql/scalars/index.js";
import { Employee } from "../employees/employee.type.js";
import { School } from "../schools/school.type.js";
import { ProblemReportListArgs, ProblemReportPage } from "./problem-report.args.js";
import { FileProblemReportInput } from "./problem-report.input.js";
import {
  actionsFor,
  assignProblemReport,
  commentOnProblemReport,
  commentsOf,
  decideExtensionRequest,
  fileProblemReport,
  getProblemReport,
  historyOf,
  listProblemReports,
  problemReportSummary,
  schoolDeadlineOf,
  transitionProblemReport,
} from "./problem-report.service.js";
import { slaLoaders, slaSettingsList } from "./problem-report.sla.js";
import {
  EscReportSummary,
  ProblemReport,
  ProblemReportComment,
  ProblemReportHistoryEntry,
  ReportAction,
  ReportSeverity,
  ReportSlaView,
  SlaSetting,
} from "./problem-report.type.js";
import { updateSlaSetting } from "./sla-setting.service.js";

@Resolver(() => ProblemReport)
export class ProblemReportResolver {
  @Allow("problemReport.read")
  @Query(() => ProblemReportPage, { description: "Problem reports the actor may see, by default the most urgent SLA first" })
  problemReports(@Args(() => ProblemReportListArgs) args: ProblemReportListArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return listProblemReports(ctx, args, listSelection(info).total);
  }

  @Allow("problemReport.read")
  @Query(() => ProblemReport)
  problemReport(@Arg("id", () => ID) id: string, @Ctx() ctx: Context) {
    return getProblemReport(ctx.db, ctx.actor!, parseId(id));
  }

  @Allow("problemReport.read")
  @Query(() => [EscReportSummary], { description: "Per ESC: open reports, overdue ones, median time to acknowledge" })
  problemReportSummary(@Ctx() ctx: Context) {
    return problemReportSummary(ctx);
  }

  @Allow("slaSetting.read")
  @Query(() => [SlaSetting])
  slaSettings(@Ctx() ctx: Context) {
    return slaSettingsList(ctx.db);
  }

  @Allow("problemReport.file")
  @Mutation(() => ProblemReport, { description: "Files a report; filing again with the same operationId files once" })
  fileProblemReport(@Arg("input", () => FileProblemReportInput) input: FileProblemReportInput, @Ctx() ctx: Context) {
    return fileProblemReport(ctx, input);
  }

  @Allow("problemReport.respond")
  @Mutation(() => ProblemReport, { description: "Moves a report along its workflow; a stale expectedVersion gets CONFLICT with the current state" })
  transitionProblemReport(
    @Arg("id", () => ID) id: string,
    @Arg("action", () => ReportAction) action: ReportAction,
    @Arg("expectedVersion", () => Int) expectedVersion: number,
    @Arg("note", () => String, { nullable: true }) note: string | null,
    @Ctx() ctx: Context,
  ) {
    return transitionProblemReport(ctx, parseId(id), action, expectedVersion, note);
  }

  @Allow("problemReport.manage")
  @Mutation(() => ProblemReport, { description: "Assigns a report to a member of its school's ESC (null: nobody)" })
  assignProblemReport(
    @Arg("id", () => ID) id: string,
    @Arg("assigneeId", () => ID, { nullable: true }) assigneeId: string | null,
    @Arg("expectedVersion", () => Int) expectedVersion: number,
    @Ctx() ctx: Context,
  ) {
    return assignProblemReport(ctx, parseId(id), assigneeId ? parseId(assigneeId, "assigneeId") : null, expectedVersion);
  }

  @Allow("problemReport.respond")
  @Mutation(() => ProblemReportComment, { description: "A reply both sides see, or (ESC only) an internal note the school never sees" })
  commentOnProblemReport(
    @Arg("id", () => ID) id: string,
    @Arg("body", () => String) body: string,
    @Arg("internal", () => Boolean, { defaultValue: false }) internal: boolean,
    @Ctx() ctx: Context,
  ) {
    return commentOnProblemReport(ctx, parseId(id), body, internal);
  }

  @Allow("problemReport.manage")
  @Mutation(() => ProblemReport, { description: "Approves (creating the deadline extension) or declines (with a reason) a report's extension request" })
  decideExtensionRequest(
    @Arg("id", () => ID) id: string,
    @Arg("approve", () => Boolean) approve: boolean,
    @Arg("expectedVersion", () => Int) expectedVersion: number,
    @Arg("reason", () => String, { nullable: true }) reason: string | null,
    @Ctx() ctx: Context,
  ) {
    return decideExtensionRequest(ctx, parseId(id), approve, reason, expectedVersion);
  }

  @Allow("slaSetting.update")
  @Mutation(() => SlaSetting)
  updateSlaSetting(
    @Arg("severity", () => ReportSeverity) severity: ReportSeverity,
    @Arg("acknowledgeMinutes", () => Int) acknowledgeMinutes: number,
    @Arg("resolveMinutes", () => Int) resolveMinutes: number,
    @Ctx() ctx: Context,
  ) {
    return updateSlaSetting(ctx, severity, acknowledgeMinutes, resolveMinutes);
  }

  @FieldResolver(() => School, { nullable: true })
  school(@Root() root: ProblemReport, @Ctx() ctx: Context) {
    return ctx.loaders.school.load(root.schoolId);
  }

  @FieldResolver(() => Employee, { nullable: true })
  filedBy(@Root() root: ProblemReport, @Ctx() ctx: Context) {
    return ctx.loaders.employee.load(root.filedById);
  }

  @FieldResolver(() => Employee, { nullable: true })
  assignee(@Root() root: ProblemReport, @Ctx() ctx: Context) {
    return root.assigneeId === null ? null : ctx.loaders.employee.load(root.assigneeId);
  }

  @FieldResolver(() => ReportSlaView)
  async sla(@Root() root: ProblemReport, @Ctx() ctx: Context): Promise<ReportSlaView> {
    const loaders = slaLoaders(ctx);
    const targets = (await loaders.targets)[root.severity];
    const sla = reportSla(await loaders.timeline.load(root), targets, ctx.clock.now());
    return {
      current: sla.current,
      dueAt: sla.dueAt,
      overdue: sla.overdue,
      paused: sla.resolve.paused,
      remainingMinutes: sla.remainingMinutes === null ? null : Math.round(sla.remainingMinutes),
      acknowledgeTargetMinutes: targets.acknowledgeMinutes,
      resolveTargetMinutes: targets.resolveMinutes,
      minutesToAcknowledge: root.acknowledgedAt ? Math.round(schoolMinutesBetween(root.filedAt, root.acknowledgedAt)) : null,
    };
  }

  @FieldResolver(() => LocalDate, { nullable: true, description: "The school's deadline day in force: its period's, moved by the school's extensions" })
  schoolDeadline(@Root() root: ProblemReport, @Ctx() ctx: Context) {
    return schoolDeadlineOf(ctx.db, root);
  }

  @FieldResolver(() => [ReportAction], { description: "The moves the signed-in employee may make now" })
  allowedActions(@Root() root: ProblemReport, @Ctx() ctx: Context) {
    return actionsFor(ctx.actor!, root.state);
  }

  @FieldResolver(() => [ProblemReportComment], { description: "The thread; internal notes only for the ESC and the district" })
  comments(@Root() root: ProblemReport, @Ctx() ctx: Context) {
    return commentsOf(ctx.db, ctx.actor!, root.id);
  }

  @FieldResolver(() => [ProblemReportHistoryEntry])
  history(@Root() root: ProblemReport, @Ctx() ctx: Context) {
    return historyOf(ctx.db, root.id);
  }
}

@Resolver(() => ProblemReportComment)
export class ProblemReportCommentResolver {
  @FieldResolver(() => Employee, { nullable: true })
  author(@Root() root: ProblemReportComment, @Ctx() ctx: Context) {
    return ctx.loaders.employee.load(root.authorId);
  }
}

@Resolver(() => ProblemReportHistoryEntry)
export class ProblemReportHistoryResolver {
  @FieldResolver(() => Employee, { nullable: true })
  changedBy(@Root() root: ProblemReportHistoryEntry, @Ctx() ctx: Context) {
    return ctx.loaders.employee.load(root.changedById);
  }
}
