import { and, count, eq, inArray, isNotNull, isNull, type SQL } from "drizzle-orm";
import { notification } from "@gradewatch/db/schema";
import type { Context } from "../../graphql/context.js";
import { paginate } from "../../graphql/pagination.js";
import { parseId } from "../../graphql/errors.js";
import type { NotificationListArgs } from "./notification.args.js";

// Notifications are their recipient's alone ("own" reach in the policy); row security repeats it.
const mine = (ctx: Context) => eq(notification.recipientId, ctx.actor!.id);

export function listNotifications(ctx: Context, args: NotificationListArgs) {
  const where: (SQL | undefined)[] = [mine(ctx)];
  if (args.filter?.unread === true) where.push(isNull(notification.readAt));
  if (args.filter?.unread === false) where.push(isNotNull(notification.readAt));
  return paginate(ctx.db, { ...args, sortOrder: args.sortOrder ?? ("DESC" as never) }, {
    table: notification,
    where: and(...where),
    sortable: { id: notification.id, createdAt: notification.createdAt },
    defaultSort: "createdAt",
    tieBreaker: notification.id,
  });
}

export async function unreadNotificationCount(ctx: Context) {
  const [row] = await ctx.db.select({ n: count() }).from(notification).where(and(mine(ctx), isNull(notification.readAt)));
  return Number(row?.n ?? 0);
}

/** Marks the given notifications (or all) read; answers how many changed. */
export async function markNotificationsRead(ctx: Context, ids: string[] | null | undefined) {
  const where = and(mine(ctx), isNull(notification.readAt), ids ? inArray(notification.id, ids.map((id) => parseId(id))) : undefined);
  const rows = await ctx.db.update(notification).set({ readAt: ctx.clock.now() }).where(where).returning({ id: notification.id });
  return rows.length;
}
