import { and, asc, eq } from "drizzle-orm";
import Papa from "papaparse";
import type { Db } from "@gradewatch/db";
import { employee, gradingItem, mark, reportingPeriod, student } from "@gradewatch/db/schema";
import type { Actor } from "../../access/actor.js";
import { markScope } from "../../access/scope.js";
import { getSection } from "../sections/section.service.js";

const LA = new Intl.DateTimeFormat("en-CA", {
  timeZone: "America/Los_Angeles",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
  timeZoneName: "short",
});

/** A section's marks as the teacher's backup record: one line per mark, times in Los Angeles. */
export async function sectionMarksCsv(db: Db, actor: Actor, sectionId: number): Promise<{ filename: string; csv: string }> {
  const s = await getSection(db, actor, sectionId);
  const rows = await db
    .select({
      period: reportingPeriod.name,
      districtStudentId: student.districtStudentId,
      lastName: student.lastName,
      firstName: student.firstName,
      item: gradingItem.code,
      value: mark.value,
      comment: mark.comment,
      version: mark.version,
      updatedAt: mark.updatedAt,
      enteredBy: employee.email,
    })
    .from(mark)
    .innerJoin(student, eq(student.id, mark.studentId))
    .innerJoin(gradingItem, eq(gradingItem.id, mark.gradingItemId))
    .innerJoin(reportingPeriod, eq(reportingPeriod.id, mark.periodId))
    .leftJoin(employee, eq(employee.id, mark.enteredById))
    .where(and(markScope(actor), eq(mark.sectionId, s.id)))
    .orderBy(asc(reportingPeriod.id), asc(student.lastName), asc(student.firstName), asc(student.id), asc(gradingItem.position));
  const csv = Papa.unparse({
    fields: ["reporting_period", "district_student_id", "last_name", "first_name", "grading_item", "mark", "comment", "version", "saved_at", "entered_by"],
    data: rows.map((r) => [
      r.period,
      r.districtStudentId,
      r.lastName,
      r.firstName,
      r.item,
      r.value,
      r.comment ?? "",
      r.version,
      LA.format(r.updatedAt).replace(",", ""),
      r.enteredBy ?? "",
    ]),
  });
  const slug = s.courseName.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
  return { filename: `marks-section-${s.id}-${slug}.csv`, csv: `${csv}\r\n` };
}
