import { and, eq, inArray, type SQL } from "drizzle-orm";
import type { Db } from "@gradewatch/db";
import { maintenanceWindow } from "@gradewatch/db/schema";
import type { Actor } from "../../access/actor.js";
import type { Clock } from "../../clock.js";
import { badInput, notFound, parseId, write } from "../../graphql/errors.js";
import { definedOnly } from "../../graphql/inputs.js";
import { paginate } from "../../graphql/pagination.js";
import type { MaintenanceWindowListArgs } from "./maintenance-window.args.js";
import type { MaintenanceWindowCreateInput, MaintenanceWindowUpdateInput } from "./maintenance-window.input.js";
import { recordOperationsChange } from "../outages/operations-change.service.js";

const seconds = (t: string) => (t.length === 5 ? `${t}:00` : t);

function check(w: { startsAtLocal: string; endsAtLocal: string; timeZone: string }) {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: w.timeZone });
  } catch {
    throw badInput(`Unknown time zone "${w.timeZone.slice(0, 60)}" (use an IANA name such as America/Los_Angeles)`);
  }
  if (seconds(w.startsAtLocal) >= seconds(w.endsAtLocal)) throw badInput("startsAtLocal must be before endsAtLocal");
}

export function listMaintenanceWindows(db: Db, args: MaintenanceWindowListArgs) {
  const f = args.filter ?? {};
  const where: (SQL | undefined)[] = [];
  if (f.ids) where.push(inArray(maintenanceWindow.id, f.ids.map((id) => parseId(id))));
  if (f.active !== undefined && f.active !== null) where.push(eq(maintenanceWindow.active, f.active));
  return paginate(db, args, {
    table: maintenanceWindow,
    where: and(...where),
    sortable: { id: maintenanceWindow.id, name: maintenanceWindow.name, startsAtLocal: maintenanceWindow.startsAtLocal },
    defaultSort: "startsAtLocal",
    tieBreaker: maintenanceWindow.id,
  });
}

export async function getMaintenanceWindow(db: Db, id: number) {
  const [row] = await db.select().from(maintenanceWindow).where(eq(maintenanceWindow.id, id));
  if (!row) throw notFound("Maintenance window", id);
  return row;
}

export async function createMaintenanceWindow(db: Db, actor: Actor, clock: Clock, input: MaintenanceWindowCreateInput) {
  check(input);
  return write(db, async (tx) => {
      const [row] = await tx
        .insert(maintenanceWindow)
        .values({ ...input, startsAtLocal: seconds(input.startsAtLocal), endsAtLocal: seconds(input.endsAtLocal) })
        .returning();
      await recordOperationsChange(tx, actor, clock, { entity: "maintenance_window", id: row!.id, from: null, to: row! });
      return row!;
  });
}

export async function updateMaintenanceWindow(db: Db, actor: Actor, clock: Clock, id: number, input: MaintenanceWindowUpdateInput) {
  const current = await getMaintenanceWindow(db, id);
  const values = definedOnly({
    name: input.name ?? undefined,
    startsAtLocal: input.startsAtLocal ? seconds(input.startsAtLocal) : undefined,
    endsAtLocal: input.endsAtLocal ? seconds(input.endsAtLocal) : undefined,
    timeZone: input.timeZone ?? undefined,
    active: input.active ?? undefined,
    description: input.description ?? undefined,
  });
  check({ ...current, ...values });
  if (Object.keys(values).length === 0) return current;
  return write(db, async (tx) => {
      const [row] = await tx.update(maintenanceWindow).set(values).where(eq(maintenanceWindow.id, id)).returning();
      await recordOperationsChange(tx, actor, clock, { entity: "maintenance_window", id, from: current, to: row! });
      return row!;
  });
}

export async function deleteMaintenanceWindow(db: Db, actor: Actor, clock: Clock, id: number) {
  return write(db, async (tx) => {
    const [row] = await tx.delete(maintenanceWindow).where(eq(maintenanceWindow.id, id)).returning();
    if (!row) throw notFound("Maintenance window", id);
    await recordOperationsChange(tx, actor, clock, { entity: "maintenance_window", id, from: row, to: null });
    return row;
  });
}
