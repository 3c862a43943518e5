import { and, eq, ilike, inArray, or, type SQL } from "drizzle-orm";
import type { Db } from "@gradewatch/db";
import type { Actor } from "../../access/actor.js";
import { escScope } from "../../access/scope.js";
import { esc } from "@gradewatch/db/schema";
import { notFound, parseId } from "../../graphql/errors.js";
import { likePattern, paginate } from "../../graphql/pagination.js";
import type { EscListArgs } from "./esc.args.js";

export function listEscs(db: Db, actor: Actor, args: EscListArgs) {
  const f = args.filter ?? {};
  const where: (SQL | undefined)[] = [escScope(actor)];
  if (f.ids) where.push(inArray(esc.id, f.ids.map((id) => parseId(id))));
  if (f.q) where.push(or(ilike(esc.name, likePattern(f.q)), ilike(esc.code, likePattern(f.q))));
  return paginate(db, args, {
    table: esc,
    where: and(...where),
    sortable: { id: esc.id, code: esc.code, name: esc.name },
    defaultSort: "name",
    tieBreaker: esc.id,
  });
}

export async function getEsc(db: Db, actor: Actor, id: number) {
  const [row] = await db.select().from(esc).where(and(escScope(actor), eq(esc.id, id)));
  if (!row) throw notFound("ESC", id);
  return row;
}
