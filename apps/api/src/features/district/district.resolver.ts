import { DISTRICT_TIME_ZONE, localDate } from "@gradewatch/domain";
import { Ctx, Query, Resolver } from "type-graphql";
import { Allow } from "../../access/allow.js";
import type { Context } from "../../graphql/context.js";
import { DistrictClock } from "./district-clock.type.js";

@Resolver()
export class DistrictResolver {
  @Allow("public")
  @Query(() => DistrictClock)
  districtClock(@Ctx() ctx: Context): DistrictClock {
    const now = ctx.clock.now();
    return { now, today: localDate(now), timeZone: DISTRICT_TIME_ZONE, simulated: ctx.clock.simulated };
  }
}
