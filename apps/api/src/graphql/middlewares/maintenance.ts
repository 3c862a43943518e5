import { secondsLeftInDailyWindow } from "@gradewatch/domain";
import { maintenanceWindow, outage } from "@gradewatch/db/schema";
import { and, eq, gt, lte } from "drizzle-orm";
import type { MiddlewareFn } from "type-graphql";
import type { Context } from "../context.js";
import { AppError } from "../errors.js";
import { fixedClock } from "../../clock.js";
import type { MaintenanceSnapshot } from "../../access/request-scope.js";

/** Seconds until writes are accepted again, or null when no maintenance is under way. */
export async function maintenanceRemaining(ctx: Context, now = ctx.clock.now()): Promise<number | null> {
  const windows = await ctx.db.select().from(maintenanceWindow).where(eq(maintenanceWindow.active, true));
  const [planned] = await ctx.db
    .select({ endsAt: outage.endsAt })
    .from(outage)
    .where(and(eq(outage.kind, "MAINTENANCE"), lte(outage.startsAt, now), gt(outage.endsAt, now)));
  return remaining({ checkedAt: now, windows, plannedEndsAt: planned?.endsAt ?? null });
}

function remaining(m: MaintenanceSnapshot): number | null {
  const left = m.windows.map((w) => secondsLeftInDailyWindow(m.checkedAt, w)).filter((s): s is number => s !== null);
  if (m.plannedEndsAt) left.push(Math.ceil((m.plannedEndsAt.getTime() - m.checkedAt.getTime()) / 1000));
  return left.length ? Math.max(...left) : null;
}

/**
 * During maintenance every write is refused, never accepted and dropped. A write that passes is done at the
 * instant it was checked: the mutation's clock stops there, so nothing it records carries a time inside a
 * window that opened while it ran. Registered on each Mutation field (schema.ts), after the auth check.
 */
export const refuseWritesDuringMaintenance: MiddlewareFn<Context> = async ({ context }, next) => {
  // Read with the request's identity, in its first statement, when the request looked like a mutation.
  const snapshot = context.maintenance;
  const checkedAt = snapshot?.checkedAt ?? context.clock.now();
  const left = snapshot ? remaining(snapshot) : await maintenanceRemaining(context, checkedAt);
  context.clock = fixedClock(checkedAt);
  if (left !== null) {
    throw new AppError("MAINTENANCE", `Gradewatch is in scheduled maintenance; nothing was saved. Try again in ${Math.ceil(left / 60)} minutes.`, {
      retryAfter: left,
    });
  }
  return next() as Promise<unknown>;
};
