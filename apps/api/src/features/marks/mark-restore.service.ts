import { and, eq, inArray } from "drizzle-orm";
import { markHistory } from "@gradewatch/db/schema";
import type { Context } from "../../graphql/context.js";
import { badInput } from "../../graphql/errors.js";
import { saveMarks } from "./mark-save.service.js";
import type { SaveMarkResult } from "./mark-save.type.js";
import { getMark } from "./mark.service.js";

export interface RestoreArgs {
  markId: number;
  version: number;
  baseVersion: number;
  operationId: string;
}

/**
 * Puts back the value and comment a mark had at an earlier version. It is a new change (a new version,
 * recorded in history with source RESTORE), refused as a CONFLICT when baseVersion is not the current one,
 * and safe to retry with the same operationId.
 */
export async function restoreMark(ctx: Context, args: RestoreArgs): Promise<SaveMarkResult> {
  const m = await getMark(ctx.db, ctx.actor!, args.markId);
  const rows = await ctx.db
    .select()
    .from(markHistory)
    .where(and(eq(markHistory.markId, m.id), inArray(markHistory.version, [args.version, args.version + 1])));
  const at = rows.find((r) => r.version === args.version);
  // Marks loaded before history was kept have no row for their first version: the next change remembers it.
  const next = rows.find((r) => r.version === args.version + 1 && r.oldValue !== null);
  const earlier = at ? { value: at.newValue, comment: at.newComment } : next ? { value: next.oldValue!, comment: next.oldComment } : undefined;
  if (!earlier || args.version >= m.version + 1) throw badInput(`Mark ${m.id} has no version ${args.version}`);
  const [result] = await saveMarks(
    ctx,
    [
      {
        operationId: args.operationId,
        periodId: String(m.periodId),
        sectionId: String(m.sectionId),
        studentId: String(m.studentId),
        gradingItemId: String(m.gradingItemId),
        value: earlier.value,
        comment: earlier.comment,
        baseVersion: args.baseVersion,
      },
    ],
    "RESTORE",
  );
  return result!;
}
