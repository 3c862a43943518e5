import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { Allow } from "../../access/allow.js";
import type { Context } from "../../graphql/context.js";
import { parseId } from "../../graphql/errors.js";
import { OutageListArgs, OutagePage } from "./outage.args.js";
import { OutageCreateInput, OutageUpdateInput } from "./outage.input.js";
import { createOutage, deleteOutage, getOutage, listOutages, updateOutage } from "./outage.service.js";
import { Outage } from "./outage.type.js";

@Resolver(() => Outage)
export class OutageResolver {
  @Allow("outage.read")
  @Query(() => OutagePage)
  outages(@Args(() => OutageListArgs) args: OutageListArgs, @Ctx() ctx: Context) {
    return listOutages(ctx.db, args);
  }

  @Allow("outage.read")
  @Query(() => Outage)
  outage(@Arg("id", () => ID) id: string, @Ctx() ctx: Context) {
    return getOutage(ctx.db, parseId(id));
  }

  @Allow("outage.update")
  @Mutation(() => Outage)
  createOutage(@Arg("input", () => OutageCreateInput) input: OutageCreateInput, @Ctx() ctx: Context) {
    return createOutage(ctx.db, ctx.actor!, ctx.clock, input);
  }

  @Allow("outage.update")
  @Mutation(() => Outage)
  updateOutage(
    @Arg("id", () => ID) id: string,
    @Arg("input", () => OutageUpdateInput) input: OutageUpdateInput,
    @Ctx() ctx: Context,
  ) {
    return updateOutage(ctx.db, ctx.actor!, ctx.clock, parseId(id), input);
  }

  @Allow("outage.update")
  @Mutation(() => Outage)
  deleteOutage(@Arg("id", () => ID) id: string, @Ctx() ctx: Context) {
    return deleteOutage(ctx.db, ctx.actor!, ctx.clock, parseId(id));
  }

  @FieldResolver(() => Int)
  durationMinutes(@Root() root: Outage) {
    return Math.round((root.endsAt.getTime() - root.startsAt.getTime()) / 60_000);
  }
}
