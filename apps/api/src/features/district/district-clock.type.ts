import { Field, ObjectType } from "type-graphql";
import { DateTime, LocalDate } from "../../graphql/scalars/index.js";

@ObjectType({ description: "The system's one clock; the demo district runs on a clock that started in November 2014" })
export class DistrictClock {
  @Field(() => DateTime)
  now!: Date;

  @Field(() => LocalDate, { description: "Today in the district's time zone" })
  today!: string;

  @Field(() => String)
  timeZone!: string;

  @Field(() => Boolean, { description: "True when the clock does not follow real time" })
  simulated!: boolean;
}
