import { Ctx, Query, Resolver } from "type-graphql";
import { Allow } from "../../access/allow.js";
import type { Context } from "../../graphql/context.js";
import { maintenanceStatus } from "./maintenance-status.service.js";
import { MaintenanceStatus } from "./maintenance-status.type.js";

@Resolver(() => MaintenanceStatus)
export class MaintenanceStatusResolver {
  @Allow("public")
  @Query(() => MaintenanceStatus, { description: "Public, so every screen (and the sign-in page) can announce maintenance" })
  maintenanceStatus(@Ctx() ctx: Context) {
    return maintenanceStatus(ctx.db, ctx.clock.now());
  }
}
