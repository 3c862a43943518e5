import { Args, Ctx, Query, Resolver } from "type-graphql";
import { Allow } from "../../access/allow.js";
import type { Context } from "../../graphql/context.js";
import { OutageReportArgs } from "./outage-report.args.js";
import { outageReport } from "./outage-report.service.js";
import { OutageReport } from "./outage-report.type.js";

@Resolver(() => OutageReport)
export class OutageReportResolver {
  @Allow("mark.read")
  @Query(() => OutageReport, { description: "How many marks were entered during an outage or maintenance window and saved after it, per school" })
  outageReport(@Args(() => OutageReportArgs) args: OutageReportArgs, @Ctx() ctx: Context) {
    return outageReport(ctx.db, ctx.actor!, ctx.clock.now(), args);
  }
}
