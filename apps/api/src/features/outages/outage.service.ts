import { and, eq, gte, inArray, lt, type SQL } from "drizzle-orm";
import type { Db } from "@gradewatch/db";
import { outage } from "@gradewatch/db/schema";
import type { Actor } from "../../access/actor.js";
import type { Clock } from "../../clock.js";
import { badInput, notFound, parseId, write } from "../../graphql/errors.js";
import { definedOnly } from "../../graphql/inputs.js";
import { paginate } from "../../graphql/pagination.js";
import type { OutageListArgs } from "./outage.args.js";
import type { OutageCreateInput, OutageUpdateInput } from "./outage.input.js";
import { recordOperationsChange } from "./operations-change.service.js";

function checkOrder(startsAt: Date, endsAt: Date) {
  if (endsAt.getTime() <= startsAt.getTime()) throw badInput("endsAt must be after startsAt");
}

export function listOutages(db: Db, args: OutageListArgs) {
  const f = args.filter ?? {};
  const where: (SQL | undefined)[] = [];
  if (f.ids) where.push(inArray(outage.id, f.ids.map((id) => parseId(id))));
  if (f.kind) where.push(eq(outage.kind, f.kind));
  if (f.endsAfter) where.push(gte(outage.endsAt, f.endsAfter));
  if (f.startsBefore) where.push(lt(outage.startsAt, f.startsBefore));
  return paginate(db, args, {
    table: outage,
    where: and(...where),
    sortable: { id: outage.id, startsAt: outage.startsAt, endsAt: outage.endsAt, kind: outage.kind },
    defaultSort: "startsAt",
    tieBreaker: outage.id,
  });
}

export async function getOutage(db: Db, id: number) {
  const [row] = await db.select().from(outage).where(eq(outage.id, id));
  if (!row) throw notFound("Outage", id);
  return row;
}

export async function createOutage(db: Db, actor: Actor, clock: Clock, input: OutageCreateInput) {
  checkOrder(input.startsAt, input.endsAt);
  return write(db, async (tx) => {
      const [row] = await tx
        .insert(outage)
        .values({ kind: input.kind, startsAt: input.startsAt, endsAt: input.endsAt, description: input.description.trim() })
        .returning();
      await recordOperationsChange(tx, actor, clock, { entity: "outage", id: row!.id, from: null, to: row! });
      return row!;
  });
}

export async function updateOutage(db: Db, actor: Actor, clock: Clock, id: number, input: OutageUpdateInput) {
  const current = await getOutage(db, id);
  const values = definedOnly({
    kind: input.kind ?? undefined,
    startsAt: input.startsAt ?? undefined,
    endsAt: input.endsAt ?? undefined,
    description: input.description?.trim(),
  });
  const next = { ...current, ...values };
  checkOrder(next.startsAt, next.endsAt);
  if (Object.keys(values).length === 0) return current;
  return write(db, async (tx) => {
      const [row] = await tx.update(outage).set(values).where(eq(outage.id, id)).returning();
      await recordOperationsChange(tx, actor, clock, { entity: "outage", id, from: current, to: row! });
      return row!;
  });
}

export async function deleteOutage(db: Db, actor: Actor, clock: Clock, id: number) {
  return write(db, async (tx) => {
    const [row] = await tx.delete(outage).where(eq(outage.id, id)).returning();
    if (!row) throw notFound("Outage", id);
    await recordOperationsChange(tx, actor, clock, { entity: "outage", id, from: row, to: null });
    return row;
  });
}
