import { Arg, Args, Ctx, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import { Allow } from "../../access/allow.js";
import type { Context } from "../../graphql/context.js";
import { NotificationListArgs } from "./notification.args.js";
import { listNotifications, markNotificationsRead, unreadNotificationCount } from "./notification.service.js";
import { Notification, NotificationPage } from "./notification.type.js";

@Resolver(() => Notification)
export class NotificationResolver {
  @Allow("notification.read")
  @Query(() => NotificationPage, { description: "The signed-in employee's notifications, newest first" })
  notifications(@Args(() => NotificationListArgs) args: NotificationListArgs, @Ctx() ctx: Context) {
    return listNotifications(ctx, args);
  }

  @Allow("notification.read")
  @Query(() => Int)
  unreadNotificationCount(@Ctx() ctx: Context) {
    return unreadNotificationCount(ctx);
  }

  @Allow("notification.update")
  @Mutation(() => Int, { description: "Marks these notifications (or all, without ids) read; answers how many changed" })
  markNotificationsRead(@Arg("ids", () => [ID], { nullable: true }) ids: string[] | null, @Ctx() ctx: Context) {
    return markNotificationsRead(ctx, ids);
  }
}
