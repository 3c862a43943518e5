import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import { Allow } from "../../access/allow.js";
import type { Context } from "../../graphql/context.js";
import { parseId } from "../../graphql/errors.js";
import { MaintenanceWindowListArgs, MaintenanceWindowPage } from "./maintenance-window.args.js";
import { MaintenanceWindowCreateInput, MaintenanceWindowUpdateInput } from "./maintenance-window.input.js";
import {
  createMaintenanceWindow,
  deleteMaintenanceWindow,
  getMaintenanceWindow,
  listMaintenanceWindows,
  updateMaintenanceWindow,
} from "./maintenance-window.service.js";
import { MaintenanceWindow } from "./maintenance-window.type.js";

@Resolver(() => MaintenanceWindow)
export class MaintenanceWindowResolver {
  @Allow("maintenanceWindow.read")
  @Query(() => MaintenanceWindowPage)
  maintenanceWindows(@Args(() => MaintenanceWindowListArgs) args: MaintenanceWindowListArgs, @Ctx() ctx: Context) {
    return listMaintenanceWindows(ctx.db, args);
  }

  @Allow("maintenanceWindow.read")
  @Query(() => MaintenanceWindow)
  maintenanceWindow(@Arg("id", () => ID) id: string, @Ctx() ctx: Context) {
    return getMaintenanceWindow(ctx.db, parseId(id));
  }

  @Allow("maintenanceWindow.update")
  @Mutation(() => MaintenanceWindow)
  createMaintenanceWindow(
    @Arg("input", () => MaintenanceWindowCreateInput) input: MaintenanceWindowCreateInput,
    @Ctx() ctx: Context,
  ) {
    return createMaintenanceWindow(ctx.db, ctx.actor!, ctx.clock, input);
  }

  @Allow("maintenanceWindow.update")
  @Mutation(() => MaintenanceWindow)
  updateMaintenanceWindow(
    @Arg("id", () => ID) id: string,
    @Arg("input", () => MaintenanceWindowUpdateInput) input: MaintenanceWindowUpdateInput,
    @Ctx() ctx: Context,
  ) {
    return updateMaintenanceWindow(ctx.db, ctx.actor!, ctx.clock, parseId(id), input);
  }

  @Allow("maintenanceWindow.update")
  @Mutation(() => MaintenanceWindow)
  deleteMaintenanceWindow(@Arg("id", () => ID) id: string, @Ctx() ctx: Context) {
    return deleteMaintenanceWindow(ctx.db, ctx.actor!, ctx.clock, parseId(id));
  }
}
