import { eq } from "drizzle-orm";
import type { Db } from "@gradewatch/db";
import { employee, esc, school } from "@gradewatch/db/schema";
import type { Actor } from "../../access/actor.js";
import type { Viewer } from "./viewer.type.js";

export async function viewerOf(db: Db, actor: Actor): Promise<Viewer> {
  const [me] = await db.select().from(employee).where(eq(employee.id, actor.id));
  let scope = "Whole district";
  if (actor.schoolId) {
    const [s] = await db.select({ name: school.name }).from(school).where(eq(school.id, actor.schoolId));
    scope = s?.name ?? scope;
  } else if (actor.escId) {
    const [e] = await db.select({ name: esc.name }).from(esc).where(eq(esc.id, actor.escId));
    scope = e?.name ?? scope;
  }
  if (actor.role === "TEACHER") scope = `Own sections at ${scope}`;
  return {
    id: actor.id,
    fullName: `${me!.firstName} ${me!.lastName}`,
    role: actor.role as Viewer["role"],
    schoolId: actor.schoolId,
    escId: actor.escId,
    scope,
  };
}
