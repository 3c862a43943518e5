import { maintenanceAt, occurrencesAround } from "@gradewatch/domain";
import type { Db } from "@gradewatch/db";
import { maintenanceWindow, outage } from "@gradewatch/db/schema";
import { and, asc, eq, gt } from "drizzle-orm";
import type { MaintenanceOccurrence, MaintenanceStatus } from "./maintenance-status.type.js";

/** Maintenance under way at `now` and the next to start, from daily windows and one-off maintenance outages. */
export async function maintenanceStatus(db: Db, now: Date): Promise<MaintenanceStatus> {
  const occurrences: MaintenanceOccurrence[] = [];
  for (const w of await db.select().from(maintenanceWindow).where(eq(maintenanceWindow.active, true))) {
    for (const o of occurrencesAround(w, now)) {
      occurrences.push({ startsAt: o.startsAt, endsAt: o.endsAt, description: w.description || w.name, maintenanceWindowId: w.id, outageId: null });
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
  const { active, next } = maintenanceAt(occurrences, now);
  return { now, active, next };
}
