import { Arg, Authorized, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../graphql/context.js";
import { parseId } from "../../graphql/errors.js";
import { OutageListArgs, OutagePage } from "./outage.args.js";
import { OutageCreateInput, OutageUpdateInput } from "./outage.input.js";
import { createOutage, deleteOutage, getOutage, listOutages, updateOutage } from "./outage.service.js";
import { Outage } from "./outage.type.js";

@Authorized()
@Resolver(() => Outage)
export class OutageResolver {
  @Query(() => OutagePage)
  outages(@Args(() => OutageListArgs) args: OutageListArgs, @Ctx() ctx: Context) {
    return listOutages(ctx.db, args);
  }

  @Query(() => Outage)
  outage(@Arg("id", () => ID) id: string, @Ctx() ctx: Context) {
    return getOutage(ctx.db, parseId(id));
  }

  @Authorized(["DISTRICT_ADMIN"])
  @Mutation(() => Outage)
  createOutage(@Arg("input", () => OutageCreateInput) input: OutageCreateInput, @Ctx() ctx: Context) {
    return createOutage(ctx.db, ctx.actor!, ctx.clock, input);
  }

  @Authorized(["DISTRICT_ADMIN"])
  @Mutation(() => Outage)
  updateOutage(
    @Arg("id", () => ID) id: string,
    @Arg("input", () => OutageUpdateInput) input: OutageUpdateInput,
    @Ctx() ctx: Context,
  ) {
    return updateOutage(ctx.db, ctx.actor!, ctx.clock, parseId(id), input);
  }

  @Authorized(["DISTRICT_ADMIN"])
  @Mutation(() => Outage)
  deleteOutage(@Arg("id", () => ID) id: string, @Ctx() ctx: Context) {
    return deleteOutage(ctx.db, ctx.actor!, ctx.clock, parseId(id));
  }

  @FieldResolver(() => Int)
  durationMinutes(@Root() root: Outage) {
    return Math.round((root.endsAt.getTime() - root.startsAt.getTime()) / 60_000);
  }
}
