import { ArgsType, Field, ID } from "type-graphql";
import { LocalDate } from "../../graphql/scalars/index.js";

@ArgsType()
export class OutageReportArgs {
  @Field(() => ID, { nullable: true, description: "An outage (unplanned or one-off maintenance)" })
  outageId?: string;

  @Field(() => ID, { nullable: true, description: "A recurring daily maintenance window" })
  maintenanceWindowId?: string;

  @Field(() => LocalDate, { nullable: true, description: "The window's occurrence on this date; default the latest one that has ended" })
  date?: string;
}
