import DataLoader from "dataloader";
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import type { GraphQLResolveInfo } from "graphql";
import { Allow } from "../../access/allow.js";
import type { Context } from "../../graphql/context.js";
import { parseId } from "../../graphql/errors.js";
import { listSelection } from "../../graphql/pagination.js";
import { CompensationLogListArgs, CompensationLogPage, PayPeriodPage } from "./compensation.args.js";
import { closePayPeriod, listPayPeriods } from "./compensation-export.service.js";
import { compensationSummary } from "./compensation-summary.service.js";
import { CompensationDecisionInput, CompensationLogInput, CompensationSettingsInput } from "./compensation.input.js";
import { type Evidence, evidenceFor, getLog, historyOf, listLogs } from "./compensation-read.service.js";
import { createLog, decide, getSettings, type RequestInfo, settingsView, submitLog, updateLog, updateSettings } from "./compensation.service.js";
import {
  CompensationDecision,
  CompensationEvidence,
  CompensationGroup,
  CompensationLog,
  CompensationLogSaved,
  CompensationSettings,
  CompensationStep,
  CompensationSummary,
  PayPeriod,
} from "./compensation.type.js";

const request = (ctx: Context): RequestInfo => ({ db: ctx.db, actor: ctx.actor!, clock: ctx.clock, requestId: ctx.requestId });

// One evidence statement for every log of a response (the approval queue's 50 rows: one call).
const evidenceLoaders = new WeakMap<object, DataLoader<number, Evidence | null>>();
function evidenceLoader(ctx: Context) {
  let loader = evidenceLoaders.get(ctx.loaders);
  if (!loader) {
    loader = new DataLoader(async (ids: readonly number[]) => {
      const found = await evidenceFor(ctx.db, ids);
      return ids.map((id) => found.get(id) ?? null);
    });
    evidenceLoaders.set(ctx.loaders, loader);
  }
  return loader;
}

@Resolver(() => CompensationLog)
export class CompensationResolver {
  @Allow("compensation.read")
  @Query(() => CompensationLogPage)
  compensationLogs(@Args(() => CompensationLogListArgs) args: CompensationLogListArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return listLogs(ctx.db, ctx.actor!, ctx.clock, args, listSelection(info).total);
  }

  @Allow("compensation.read")
  @Query(() => CompensationLog)
  compensationLog(@Arg("id", () => ID) id: string, @Ctx() ctx: Context) {
    return getLog(ctx.db, ctx.actor!, parseId(id));
  }

  @Allow("signedIn")
  @Query(() => CompensationSettings, { description: "The window the district compensates, the daily cap, the budget and the rates" })
  async compensationSettings(@Ctx() ctx: Context) {
    return settingsView(await getSettings(ctx.db));
  }

  @Allow("compensation.read")
  @Query(() => CompensationSummary)
  compensationSummary(@Arg("groupBy", () => CompensationGroup) groupBy: CompensationGroup, @Ctx() ctx: Context) {
    return compensationSummary(ctx.db, ctx.actor!, groupBy);
  }

  @Allow("compensation.manage")
  @Query(() => PayPeriodPage)
  payPeriods(@Arg("page", () => Int, { defaultValue: 1 }) page: number, @Arg("perPage", () => Int, { defaultValue: 25 }) perPage: number, @Ctx() ctx: Context) {
    return listPayPeriods(ctx.db, page, perPage);
  }

  @Allow("compensation.log")
  @Mutation(() => CompensationLogSaved, { description: "A new draft log of your own time; the same operation id files it once" })
  createCompensationLog(
    @Arg("input", () => CompensationLogInput) input: CompensationLogInput,
    @Arg("operationId", () => String) operationId: string,
    @Ctx() ctx: Context,
  ) {
    return createLog(request(ctx), input, operationId);
  }

  @Allow("compensation.log")
  @Mutation(() => CompensationLogSaved)
  updateCompensationLog(
    @Arg("id", () => ID) id: string,
    @Arg("expectedVersion", () => Int) expectedVersion: number,
    @Arg("input", () => CompensationLogInput) input: CompensationLogInput,
    @Ctx() ctx: Context,
  ) {
    return updateLog(request(ctx), parseId(id), expectedVersion, input);
  }

  @Allow("compensation.log")
  @Mutation(() => CompensationLogSaved, { description: "Submits your draft for certification; the same operation id submits it once" })
  submitCompensationLog(
    @Arg("id", () => ID) id: string,
    @Arg("expectedVersion", () => Int) expectedVersion: number,
    @Arg("operationId", () => String) operationId: string,
    @Ctx() ctx: Context,
  ) {
    return submitLog(request(ctx), parseId(id), expectedVersion, operationId);
  }

  @Allow("compensation.certify")
  @Mutation(() => CompensationDecision, { description: "Certifies submitted logs, all or none" })
  certifyCompensationLogs(@Arg("input", () => CompensationDecisionInput) input: CompensationDecisionInput, @Ctx() ctx: Context) {
    return decide(request(ctx), "certify", input);
  }

  @Allow("compensation.approve")
  @Mutation(() => CompensationDecision, { description: "Approves certified logs, all or none" })
  approveCompensationLogs(@Arg("input", () => CompensationDecisionInput) input: CompensationDecisionInput, @Ctx() ctx: Context) {
    return decide(request(ctx), "approve", input);
  }

  @Allow("compensation.certify")
  @Mutation(() => CompensationDecision, { description: "Rejects logs with one reason, all or none: a certifier rejects submitted logs, HR certified ones" })
  rejectCompensationLogs(@Arg("input", () => CompensationDecisionInput) input: CompensationDecisionInput, @Ctx() ctx: Context) {
    return decide(request(ctx), "reject", input);
  }

  @Allow("compensation.manage")
  @Mutation(() => PayPeriod, { description: "Closes a pay period with every approved log not yet paid; the same operation id closes it once" })
  closePayPeriod(@Arg("operationId", () => String) operationId: string, @Ctx() ctx: Context) {
    return closePayPeriod(request(ctx), operationId);
  }

  @Allow("compensation.manage")
  @Mutation(() => CompensationSettings)
  updateCompensationSettings(@Arg("input", () => CompensationSettingsInput) input: CompensationSettingsInput, @Ctx() ctx: Context) {
    return updateSettings(request(ctx), input);
  }

  @FieldResolver(() => CompensationEvidence, { nullable: true })
  evidence(@Root() log: CompensationLog, @Ctx() ctx: Context) {
    return evidenceLoader(ctx).load(Number(log.id));
  }

  @FieldResolver(() => [CompensationStep])
  history(@Root() log: CompensationLog, @Ctx() ctx: Context) {
    return historyOf(ctx.db, Number(log.id));
  }
}
