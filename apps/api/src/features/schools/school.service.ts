import { and, eq, ilike, inArray, or, type SQL } from "drizzle-orm";
import type { Db } from "@gradewatch/db";
import type { Actor } from "../../access/actor.js";
import { employeeScope, escScope, schoolScope } from "../../access/scope.js";
import { employee, esc, school } from "@gradewatch/db/schema";
import { notFound, parseId, write } from "../../graphql/errors.js";
import { employeeColumns, escColumns, type Loaders } from "../../graphql/loaders.js";
import { likePattern, type ListWants, paginate, selectedToOne } from "../../graphql/pagination.js";
import { definedOnly, optionalId } from "../../graphql/inputs.js";
import type { SchoolListArgs } from "./school.args.js";
import type { SchoolCreateInput, SchoolUpdateInput } from "./school.input.js";

function schoolWhere(actor: Actor, filter: SchoolListArgs["filter"] = {}): SQL | undefined {
  const where: (SQL | undefined)[] = [schoolScope(actor)];
  if (filter.ids) where.push(inArray(school.id, filter.ids.map((id) => parseId(id))));
  if (filter.q) where.push(or(ilike(school.name, likePattern(filter.q)), ilike(school.locationCode, likePattern(filter.q))));
  if (filter.escId) where.push(eq(school.escId, parseId(filter.escId, "escId")));
  if (filter.level) where.push(eq(school.level, filter.level));
  return and(...where);
}

export function listSchools(db: Db, actor: Actor, args: SchoolListArgs, wants: ListWants, loaders: Loaders) {
  return paginate(db, args, {
    table: school,
    where: schoolWhere(actor, args.filter),
    total: wants.total,
    toOne: selectedToOne(wants, {
      esc: { table: esc, columns: escColumns, key: school.escId, scope: escScope(actor), loader: loaders.esc },
      principal: { table: employee, columns: employeeColumns, key: school.principalId, scope: employeeScope(actor), loader: loaders.employee },
    }),
    sortable: {
      id: school.id,
      name: school.name,
      locationCode: school.locationCode,
      level: school.level,
      escId: school.escId,
      enrollment: school.enrollment,
    },
    defaultSort: "name",
    tieBreaker: school.id,
  });
}

export async function getSchool(db: Db, actor: Actor, id: number) {
  const [row] = await db.select().from(school).where(and(schoolScope(actor), eq(school.id, id)));
  if (!row) throw notFound("School", id);
  return row;
}

export async function createSchool(db: Db, input: SchoolCreateInput) {
  return write(db, async (tx) => {
      const [row] = await tx
        .insert(school)
        .values({
          locationCode: input.locationCode,
          name: input.name.trim(),
          level: input.level,
          escId: parseId(input.escId, "escId"),
          principalId: optionalId(input.principalId, "principalId"),
          enrollment: input.enrollment,
        })
        .returning();
      return row!;
  });
}

export async function updateSchool(db: Db, actor: Actor, id: number, input: SchoolUpdateInput) {
  const values = definedOnly({
    locationCode: input.locationCode,
    name: input.name?.trim(),
    level: input.level,
    escId: input.escId === undefined ? undefined : parseId(input.escId, "escId"),
    principalId: optionalId(input.principalId, "principalId"),
    enrollment: input.enrollment,
  });
  if (Object.keys(values).length === 0) return getSchool(db, actor, id);
  return write(db, async (tx) => {
      const [row] = await tx.update(school).set(values).where(eq(school.id, id)).returning();
      if (!row) throw notFound("School", id);
      return row;
  });
}

export async function deleteSchool(db: Db, id: number) {
  return write(db, async (tx) => {
      const [row] = await tx.delete(school).where(eq(school.id, id)).returning();
      if (!row) throw notFound("School", id);
      return row;
  });
}
