import { Field, ID, ObjectType } from "type-graphql";
import { DateTime } from "../../graphql/scalars/index.js";

@ObjectType({ description: "One stretch of maintenance: a daily window's occurrence or a one-off maintenance outage" })
export class MaintenanceOccurrence {
  @Field(() => DateTime)
  startsAt!: Date;

  @Field(() => DateTime)
  endsAt!: Date;

  @Field(() => String)
  description!: string;

  @Field(() => ID, { nullable: true })
  maintenanceWindowId!: number | null;

  @Field(() => ID, { nullable: true })
  outageId!: number | null;
}

@ObjectType({ description: "Maintenance under way and the next one, on the district clock" })
export class MaintenanceStatus {
  @Field(() => DateTime, { description: "The district clock's now: count down from this, not from the browser's clock" })
  now!: Date;

  @Field(() => MaintenanceOccurrence, { nullable: true, description: "Under way now: writes are refused until it ends" })
  active!: MaintenanceOccurrence | null;

  @Field(() => MaintenanceOccurrence, { nullable: true, description: "The next one to start" })
  next!: MaintenanceOccurrence | null;
}
