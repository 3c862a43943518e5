import { addDays, localDate, zonedInstant } from "@gradewatch/domain";
import type { Db } from "@gradewatch/db";
import { maintenanceWindow, outage } from "@gradewatch/db/schema";
import { and, asc, eq, gt } from "drizzle-orm";
import type { MaintenanceOccurrence, MaintenanceStatus } from "./maintenance-status.type.js";

/** Maintenance under way at `now` and the next to start, from daily windows and one-off maintenance outages. */
export async function maintenanceStatus(db: Db, now: Date): Promise<MaintenanceStatus> {
  const occurrences: MaintenanceOccurrence[] = [];
  for (const w of await db.select().from(maintenanceWindow).where(eq(maintenanceWindow.active, true))) {
    const today = localDate(now, w.timeZone);
    for (const date of [addDays(today, -1), today, addDays(today, 1)]) {
      occurrences.push({
        startsAt: zonedInstant(date, w.startsAtLocal, w.timeZone),
        endsAt: zonedInstant(date, w.endsAtLocal, w.timeZone),
        description: w.description || w.name,
        maintenanceWindowId: w.id,
        outageId: null,
      });
    }
  }
  const oneOff = await db
    .select()
    .from(outage)
    .where(and(eq(outage.kind, "MAINTENANCE"), gt(outage.endsAt, now)))
    .orderBy(asc(outage.startsAt))
    .limit(20);
  for (const o of oneOff) {
    occurrences.push({ startsAt: o.startsAt, endsAt: o.endsAt, description: o.description, maintenanceWindowId: null, outageId: o.id });
  }
  occurrences.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || b.endsAt.getTime() - a.endsAt.getTime());
  // Of overlapping ones, the banner names the one that keeps writes refused longest.
  const active = occurrences.filter((o) => o.startsAt <= now && now < o.endsAt).sort((a, b) => b.endsAt.getTime() - a.endsAt.getTime())[0] ?? null;
  const next = occurrences.find((o) => o.startsAt > now && (!active || o.startsAt >= active.endsAt)) ?? null;
  return { now, active, next };
}
