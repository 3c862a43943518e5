import type { Db } from "@gradewatch/db";
import { operationsChange } from "@gradewatch/db/schema";
import type { Actor } from "../../access/actor.js";
import type { Clock } from "../../clock.js";

/** Records, in the change's transaction, an outage or maintenance window as it was before and after. */
export async function recordOperationsChange(
  tx: Db,
  actor: Actor,
  clock: Clock,
  change: { entity: "outage" | "maintenance_window"; id: number; from: object | null; to: object | null },
): Promise<void> {
  await tx.insert(operationsChange).values({
    entity: change.entity,
    entityId: change.id,
    fromState: change.from,
    toState: change.to,
    changedById: actor.id,
    changedAt: clock.now(),
  });
}
