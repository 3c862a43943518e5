import crypto from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import Papa from "papaparse";
import { checkMark, effectiveDeadline, formatDeadline, localDate, markingWindow, type MarkScale } from "@gradewatch/domain";
import type { Db } from "@gradewatch/db";
import { deadlineExtension, enrollment, gradingItem, mark, reportingPeriod, student } from "@gradewatch/db/schema";
import { markScope } from "../../access/scope.js";
import type { Context } from "../../graphql/context.js";
import { AppError, badInput, conflict, parseId } from "../../graphql/errors.js";
import { getSection } from "../sections/section.service.js";
import type { SaveMarkInput } from "./mark-save.input.js";
import { MAX_BATCH, saveMarks } from "./mark-save.service.js";
import { type ImportLine, ImportLineStatus, type ImportMarksResult } from "./mark-import.type.js";
import { SaveStatus } from "./mark-save.type.js";

/**
 * A section's own export is a few hundred lines (35 students x 15 items). Applying goes through saveMarks one
 * change at a time (measured about 24 ms a line on PGlite), so the cap keeps an import well under a minute.
 */
export const MAX_IMPORT_LINES = 1000;
const REQUIRED = ["district_student_id", "grading_item", "mark"] as const;

type Period = typeof reportingPeriod.$inferSelect;
type MarkRow = typeof mark.$inferSelect;

export interface ImportArgs {
  sectionId: string;
  periodId?: string | null;
  csv: string;
  dryRun: boolean;
  previewChecksum?: string | null;
}

interface Row {
  line: number;
  cells: Record<string, string>;
  malformed?: string;
}

interface Planned extends ImportLine {
  save?: Omit<SaveMarkInput, "operationId">;
}

/** Splits the file into rows, each with the line number a spreadsheet would show (header = line 1). */
function readCsv(text: string): { header: string[]; rows: Row[] } {
  const csv = text.replace(/^\uFEFF/, "");
  const raw: { start: number; fields: string[]; error?: string }[] = [];
  let previous = 0;
  Papa.parse<string[]>(csv, {
    header: false,
    step: (result) => {
      raw.push({ start: previous, fields: result.data, error: result.errors[0]?.message });
      previous = result.meta.cursor;
    },
  });
  const nonEmpty = raw.filter((r) => r.fields.some((f) => f.trim() !== ""));
  if (nonEmpty.length === 0) throw badInput("The file is empty: it needs a header line with district_student_id, grading_item and mark");
  const [head, ...body] = nonEmpty;
  const header = head!.fields.map((h) => h.trim().toLowerCase().replace(/\s+/g, "_"));
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (missing.length) {
    throw badInput(`The file has no ${missing.join(", ")} column${missing.length > 1 ? "s" : ""} (the first line must name the columns: district_student_id, grading_item, mark, and optionally comment)`, {
      missingColumns: missing,
    });
  }
  if (body.length > MAX_IMPORT_LINES) {
    throw badInput(`The file has ${body.length} lines of marks; import at most ${MAX_IMPORT_LINES.toLocaleString("en-US")} at a time (split the file)`);
  }
  // Line numbers: count newlines once, in order.
  let line = 1;
  let at = 0;
  const rows = body.map((r) => {
    for (; at < r.start; at++) if (csv.charCodeAt(at) === 10) line++;
    const row: Row = { line, cells: {} };
    header.forEach((h, i) => (row.cells[h] = (r.fields[i] ?? "").trim()));
    const extra = r.fields.slice(header.length).some((f) => f.trim() !== "");
    if (r.error) row.malformed = `Malformed line: ${r.error.toLowerCase()}`;
    else if (r.fields.length < header.length) row.malformed = `Malformed line: ${r.fields.length} columns where the header has ${header.length}`;
    else if (extra) row.malformed = `Malformed line: more columns than the header (${r.fields.length} for ${header.length})`;
    return row;
  });
  return { header, rows };
}

// The latest school-wide and section extensions; the rulebook's effectiveDeadline takes it from there.
async function deadlineOf(db: Db, period: Period, schoolId: number, sectionId: number): Promise<Date> {
  const [ext] = await db
    .select({
      school: sql<string | null>`max(${deadlineExtension.extendedTo}) filter (where ${deadlineExtension.sectionId} is null)`,
      section: sql<string | null>`max(${deadlineExtension.extendedTo}) filter (where ${deadlineExtension.sectionId} = ${sectionId})`,
    })
    .from(deadlineExtension)
    .where(and(eq(deadlineExtension.periodId, period.id), eq(deadlineExtension.schoolId, schoolId)));
  return effectiveDeadline({ periodDeadline: period.currentDeadline, schoolExtendedTo: ext?.school, sectionExtendedTo: ext?.section });
}

const normComment = (c: string | null | undefined) => c?.trim() || null;

/** Works out what each line would do, reading only. */
async function plan(ctx: Context, args: ImportArgs) {
  const db = ctx.db;
  const actor = ctx.actor!;
  const now = ctx.clock.now();
  const s = await getSection(db, actor, parseId(args.sectionId, "sectionId"));
  const { header, rows } = readCsv(args.csv);
  const hasComment = header.includes("comment");
  const hasPeriod = header.includes("reporting_period");

  const periods = await db.select().from(reportingPeriod).where(eq(reportingPeriod.level, s.level)).orderBy(reportingPeriod.windowOpensOn);
  let chosen: Period | undefined;
  if (args.periodId) {
    const id = parseId(args.periodId, "periodId");
    chosen = periods.find((p) => p.id === id);
    if (!chosen) throw badInput(`Reporting period ${id} does not mark this section's ${s.level.toLowerCase()} students`);
  }
  const today = localDate(now);
  const current = [...periods].reverse().find((p) => p.windowOpensOn <= today);

  const enrolled = await db
    .select({ id: student.id, districtStudentId: student.districtStudentId, firstName: student.firstName, lastName: student.lastName })
    .from(enrollment)
    .innerJoin(student, eq(student.id, enrollment.studentId))
    .where(and(eq(enrollment.sectionId, s.id), isNull(enrollment.endedAt)));
  const students = new Map(enrolled.map((st) => [st.districtStudentId, st]));
  const items = await db.select().from(gradingItem);
  const itemOf = new Map(items.map((i) => [`${i.periodId}:${i.code.toUpperCase()}`, i]));
  const marks = await db.select().from(mark).where(and(markScope(actor), eq(mark.sectionId, s.id)));
  const markOf = new Map<string, MarkRow>(marks.map((m) => [`${m.periodId}:${m.studentId}:${m.gradingItemId}`, m]));
  const deadlines = new Map<number, Date>();

  const seen = new Map<string, number>();
  const lines: Planned[] = [];
  for (const row of rows) {
    const c = row.cells;
    const out: Planned = {
      line: row.line,
      status: ImportLineStatus.REJECTED,
      districtStudentId: c.district_student_id || null,
      gradingItem: c.grading_item || null,
      newValue: c.mark || null,
    };
    lines.push(out);
    const reject = (reason: string) => {
      out.status = ImportLineStatus.REJECTED;
      out.reason = reason;
    };
    if (row.malformed) {
      reject(row.malformed);
      continue;
    }
    const empty = REQUIRED.filter((k) => !c[k]);
    if (empty.length) {
      reject(`Malformed line: ${empty.join(", ")} ${empty.length > 1 ? "are" : "is"} empty`);
      continue;
    }
    let period = chosen ?? current;
    if (hasPeriod && c.reporting_period) {
      const named = periods.find((p) => p.name.toLowerCase() === c.reporting_period!.toLowerCase());
      if (!named) {
        reject(`Unknown reporting period "${c.reporting_period}" for this section`);
        continue;
      }
      if (chosen && named.id !== chosen.id) {
        reject(`This line is for ${named.name}, not ${chosen.name}`);
        continue;
      }
      period = named;
    }
    if (!period) {
      reject("No reporting period is open for this section: choose one or add a reporting_period column");
      continue;
    }
    const st = students.get(c.district_student_id!);
    if (!st) {
      reject(`Unknown student: no student with district id ${c.district_student_id} is enrolled in this section`);
      continue;
    }
    out.studentName = `${st.lastName}, ${st.firstName}`;
    const item = itemOf.get(`${period.id}:${c.grading_item!.toUpperCase()}`);
    if (!item) {
      const codes = items.filter((i) => i.periodId === period.id).map((i) => i.code);
      reject(`Unknown grading item "${c.grading_item}" in ${period.name} (items: ${codes.join(", ")})`);
      continue;
    }
    const key = `${period.id}:${st.id}:${item.id}`;
    const existing = markOf.get(key);
    out.markId = existing?.id ?? null;
    out.version = existing?.version ?? null;
    out.oldValue = existing?.value ?? null;
    out.oldComment = existing?.comment ?? null;
    const first = seen.get(key);
    if (first !== undefined) {
      reject(`Duplicate of line ${first} (same student and grading item)`);
      continue;
    }
    seen.set(key, row.line);
    const checked = checkMark(item.scale as MarkScale, c.mark!);
    if (!checked.ok) {
      reject(`Value off the scale: ${checked.reason}`);
      continue;
    }
    out.newValue = checked.value;
    const comment = hasComment ? normComment(c.comment) : (existing?.comment ?? null);
    if (comment && comment.length > 500) {
      reject(`The comment has ${comment.length} characters; at most 500`);
      continue;
    }
    out.newComment = comment;
    if (existing && existing.value === checked.value && existing.comment === comment) {
      out.status = ImportLineStatus.UNCHANGED;
      continue;
    }
    if (!deadlines.has(period.id)) deadlines.set(period.id, await deadlineOf(db, period, s.schoolId, s.id));
    const window = markingWindow(now, { opensOn: period.windowOpensOn, deadline: deadlines.get(period.id)! });
    if (window.state === "NOT_OPEN") {
      reject(`The marking window for ${period.name} opens on ${period.windowOpensOn}`);
      continue;
    }
    if (window.state === "CLOSED") {
      reject(`Deadline passed: the deadline for ${period.name} passed at ${formatDeadline(window.closedAt)}`);
      continue;
    }
    out.status = existing ? ImportLineStatus.CHANGED : ImportLineStatus.ADDED;
    out.save = {
      periodId: String(period.id),
      sectionId: String(s.id),
      studentId: String(st.id),
      gradingItemId: String(item.id),
      value: checked.value,
      comment,
      baseVersion: existing?.version ?? null,
    };
  }
  const checksum = crypto
    .createHash("sha256")
    .update(JSON.stringify([s.id, args.periodId ?? null, args.csv, lines.map((l) => [l.line, l.status, l.reason ?? null, l.markId ?? null, l.version ?? null, l.oldValue ?? null, l.oldComment ?? null])]))
    .digest("hex")
    .slice(0, 40);
  return { lines, checksum };
}

/** The same change from the same starting version always gets the same operation id. */
function operationIdOf(save: Omit<SaveMarkInput, "operationId">): string {
  const payload = [save.periodId, save.sectionId, save.studentId, save.gradingItemId, save.value, save.comment ?? null, save.baseVersion ?? null];
  return `import-${crypto.createHash("sha256").update(JSON.stringify(payload)).digest("hex").slice(0, 48)}`;
}

function totalsOf(lines: ImportLine[]) {
  const count = (s: ImportLineStatus) => lines.filter((l) => l.status === s).length;
  return {
    added: count(ImportLineStatus.ADDED),
    changed: count(ImportLineStatus.CHANGED),
    unchanged: count(ImportLineStatus.UNCHANGED),
    rejected: count(ImportLineStatus.REJECTED),
  };
}

/**
 * A dry run reports what each line would do and writes nothing. Applying requires the dry run's checksum:
 * if the file or any mark it touches changed since, nothing is saved. The applied lines are saved together
 * (all or none) through saveMarks with source IMPORT.
 */
export async function importMarks(ctx: Context, args: ImportArgs): Promise<ImportMarksResult> {
  const { lines, checksum } = await plan(ctx, args);
  const strip = (l: Planned): ImportLine => {
    const { save: _save, ...rest } = l;
    return rest;
  };
  if (args.dryRun) return { dryRun: true, applied: false, checksum, totals: totalsOf(lines), lines: lines.map(strip) };
  if (!args.previewChecksum) throw badInput("Preview the import first (dryRun: true) and send its checksum as previewChecksum");
  if (args.previewChecksum !== checksum) throw conflict("Marks changed since your preview; preview again");
  const toSave = lines.filter((l) => l.save);
  await ctx.db.transaction(async (tx) => {
    const inTx: Context = { ...ctx, db: tx as unknown as Db };
    for (let i = 0; i < toSave.length; i += MAX_BATCH) {
      const batch = toSave.slice(i, i + MAX_BATCH);
      const results = await saveMarks(
        inTx,
        batch.map((l) => ({ ...l.save!, operationId: operationIdOf(l.save!) })),
        "IMPORT",
      );
      results.forEach((r, j) => {
        const l = batch[j]!;
        if (r.status !== SaveStatus.SAVED) {
          throw new AppError(r.status === SaveStatus.CONFLICT ? "CONFLICT" : "BAD_USER_INPUT", `Nothing was imported: line ${l.line}: ${r.reason ?? r.status}; preview again`);
        }
        l.markId = r.mark!.id;
        l.version = r.mark!.version;
      });
    }
  });
  return { dryRun: false, applied: true, checksum, totals: totalsOf(lines), lines: lines.map(strip) };
}
