import { inArray } from "drizzle-orm";
import type { Db } from "@gradewatch/db";
import { employee } from "@gradewatch/db/schema";
import { DEMO_LOGINS, DEMO_PASSWORD } from "@gradewatch/db/seed";
import { hashPassword } from "./password.js";

/** The demo district's one account per role signs in with the printed demo password. */
export async function setDemoPasswords(db: Db): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db
    .update(employee)
    .set({ passwordHash })
    .where(inArray(employee.email, DEMO_LOGINS.map((l) => l.email)));
}
