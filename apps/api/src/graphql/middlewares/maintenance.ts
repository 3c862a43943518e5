import { secondsLeftInDailyWindow } from "@gradewatch/domain";
import { maintenanceWindow, outage } from "@gradewatch/db/schema";
import { and, eq, gt, lte } from "drizzle-orm";
import type { MiddlewareFn } from "type-graphql";
import type { Context } from "../context.js";
import { AppError } from "../errors.js";
import { fixedClock } from "../../clock.js";

/** Seconds until writes are accepted again, or null when no maintenance is under way. */
export async function maintenanceRemaining(ctx: Context, now = ctx.clock.now()): Promise<number | null> {
  const windows = await ctx.db.select().from(maintenanceWindow).where(eq(maintenanceWindow.active, true));
  const left = windows.map((w) => secondsLeftInDailyWindow(now, w)).filter((s): s is number => s !== null);
  const [planned] = await ctx.db
    .select({ endsAt: outage.endsAt })
    .from(outage)
    .where(and(eq(outage.kind, "MAINTENANCE"), lte(outage.startsAt, now), gt(outage.endsAt, now)));
  if (planned) left.push(Math.ceil((planned.endsAt.getTime() - now.getTime()) / 1000));
  return left.length ? Math.max(...left) : null;
}

/**
 * During maintenance every write is refused, never accepted and dropped. A write that passes is done at the
 * instant it was checked: the mutation's clock stops there, so nothing it records carries a time inside a
 * window that opened while it ran.
 */
export const refuseWritesDuringMaintenance: MiddlewareFn<Context> = async ({ info, context }, next) => {
  if (info.parentType.name === "Mutation" && info.path.prev === undefined) {
    const checkedAt = context.clock.now();
    const left = await maintenanceRemaining(context, checkedAt);
    context.clock = fixedClock(checkedAt);
    if (left !== null) {
      throw new AppError("MAINTENANCE", `Gradewatch is in scheduled maintenance; nothing was saved. Try again in ${Math.ceil(left / 60)} minutes.`, {
        retryAfter: left,
      });
    }
  }
  return next();
};
