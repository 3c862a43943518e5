import { ArgsType, Field, InputType } from "type-graphql";
import { ListArgs } from "../../graphql/pagination.js";

@InputType()
export class NotificationFilter {
  @Field(() => Boolean, { nullable: true })
  unread?: boolean;
}

@ArgsType()
export class NotificationListArgs extends ListArgs {
  @Field(() => NotificationFilter, { nullable: true })
  filter?: NotificationFilter;
}
