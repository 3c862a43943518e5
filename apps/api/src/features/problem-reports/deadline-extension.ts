import type { Db } from "@gradewatch/db";
import { deadlineExtension } from "@gradewatch/db/schema";

export interface NewDeadlineExtension {
  periodId: number;
  schoolId: number;
  sectionId: number | null;
  extendedTo: string;
  reason: string;
  grantedById: number;
  /** The district clock's now. */
  createdAt: Date;
  problemReportId: number;
}

/** The one place an approved extension request becomes the school's (or section's) deadline extension. */
export async function createDeadlineExtension(tx: Db, extension: NewDeadlineExtension): Promise<number> {
  const [row] = await tx.insert(deadlineExtension).values(extension).returning({ id: deadlineExtension.id });
  return row!.id;
}
