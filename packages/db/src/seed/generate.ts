import { MARK_SCALE_VALUES, type MarkScale } from "@gradewatch/domain";
import type { ColumnBuffer, SchoolRows } from "./columns.js";
import { type Behaviour, clearOfBlackouts, drawBehaviour, type EntryCalendar, entryTimes } from "./entry-times.js";
import { ELECTIVES, FIRST_NAMES, LAST_NAMES, SECONDARY_COURSES } from "./names.js";
import type { SchoolPlan } from "./plan.js";
import { deriveSeed, Random } from "./random.js";

export const DEMO_DOMAIN = "demo.gradewatch.test";
const STAFF_DOMAIN = "staff.gradewatch.test";
// MISIS went live in August 2014: the records "exist" from then, not from whenever the seed ran.
const RECORDS_CREATED_AT = Date.parse("2014-08-01T08:00:00-07:00");
/** Every seeded enrollment starts on the first day of the 2014-15 school year and is still open. */
const ENROLLED_FROM = Date.parse("2014-08-12T00:00:00-07:00");
const HOUR = 3600_000;

export interface PeriodItems {
  periodId: number;
  items: { id: number; scale: MarkScale }[];
}

export interface IdCounters {
  employee: number;
  student: number;
  section: number;
  enrollment: number;
  mark: number;
  markHistory: number;
}

/** Everything the per-school generator shares across schools. */
export interface GenerationContext {
  seed: number;
  calendar: EntryCalendar;
  /** Marks at or after this instant (ms) are not generated: they have not been typed yet. */
  cutoff: number;
  elementary: PeriodItems;
  secondary: PeriodItems;
  /** Last id used per table; the generator allocates ids in order. */
  ids: IdCounters;
  /** Random per-seed offsets that make employee numbers and student ids look unsequenced. */
  employeeNumberOffset: number;
  studentIdOffset: number;
  emails: Map<string, number>;
  schoolIds: number[];
}

function employeeNumber(ctx: GenerationContext, id: number): string {
  // Multiplying by a unit modulo 10^7 permutes the numbers: unique, but not in hiring order.
  return `E${String((id * 5_764_801 + ctx.employeeNumberOffset) % 10_000_000).padStart(7, "0")}`;
}

function districtStudentId(ctx: GenerationContext, id: number): string {
  return String(1_000_000_000 + ((id * 282_475_249 + ctx.studentIdOffset) % 9_000_000_000));
}

function staffEmail(ctx: GenerationContext, first: string, last: string): string {
  const base = `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, "");
  const n = (ctx.emails.get(base) ?? 0) + 1;
  ctx.emails.set(base, n);
  return `${base}${n > 1 ? n : ""}@${STAFF_DOMAIN}`;
}

export function addEmployee(
  ctx: GenerationContext,
  rng: Random,
  buffer: ColumnBuffer<"id" | "employee_number" | "first_name" | "last_name" | "email" | "role" | "school_id" | "esc_id" | "workday_start" | "workday_end" | "created_at">,
  fields: { role: string; schoolId?: number; escId?: number; email?: string },
): number {
  const id = ++ctx.ids.employee;
  const first = rng.pick(FIRST_NAMES);
  const last = rng.pick(LAST_NAMES);
  const atSchool = fields.schoolId !== undefined;
  buffer.add({
    id,
    employee_number: employeeNumber(ctx, id),
    first_name: first,
    last_name: last,
    email: fields.email ?? staffEmail(ctx, first, last),
    role: fields.role,
    school_id: fields.schoolId ?? null,
    esc_id: fields.escId ?? null,
    workday_start: atSchool ? "07:30" : "08:00",
    workday_end: atSchool ? "15:30" : "16:30",
    created_at: RECORDS_CREATED_AT,
  });
  return id;
}

interface Section {
  id: number;
  teacherId: number;
  students: number[];
  elementary: boolean;
}

// Values follow a student's standing with some noise, so report cards look coherent.
function markValue(rng: Random, scale: MarkScale, ability: number): string {
  const values = MARK_SCALE_VALUES[scale];
  if (scale === "STANDARDS_1_4") {
    const x = Math.round(2.9 + 0.65 * ability + 0.45 * rng.normal());
    return values[Math.min(3, Math.max(0, x - 1))]!;
  }
  if (scale === "EFFORT_ESU") {
    const x = 0.55 * ability + 0.6 * rng.normal();
    return values[x > 0.55 ? 0 : x < -1.2 ? 2 : 1]!;
  }
  const x = Math.round(2.5 + 1.0 * ability + 0.7 * rng.normal()); // 4 = A ... 0 = F
  return values[4 - Math.min(4, Math.max(0, x))]!;
}

/** Appends one school's staff, students, sections, enrollments and marks to `rows`. */
export function generateSchool(ctx: GenerationContext, plan: SchoolPlan, rows: SchoolRows): void {
  const rng = new Random(deriveSeed(ctx.seed, 2, plan.index));
  const schoolId = ctx.schoolIds[plan.index]!;
  const principalId = addEmployee(ctx, rng, rows.employee, {
    role: "PRINCIPAL",
    schoolId,
    email: plan.demo ? `principal@${DEMO_DOMAIN}` : undefined,
  });
  rows.principals.push({ schoolId, employeeId: principalId });

  const ability = new Map<number, number>();
  const byGrade: number[][] = [];
  for (let grade = 0; grade <= 12; grade++) {
    const ids: number[] = [];
    for (let i = 0; i < plan.grades[grade]!; i++) {
      const id = ++ctx.ids.student;
      rows.student.add({
        id,
        district_student_id: districtStudentId(ctx, id),
        first_name: rng.pick(FIRST_NAMES),
        last_name: rng.pick(LAST_NAMES),
        grade_level: grade,
        school_id: schoolId,
      });
      ability.set(id, rng.normal());
      ids.push(id);
    }
    byGrade.push(ids);
  }

  const sections: Section[] = [];
  const addSection = (teacherId: number, course: string, grade: number, students: number[], elementary: boolean) => {
    const id = ++ctx.ids.section;
    rows.section.add({
      id,
      school_id: schoolId,
      teacher_id: teacherId,
      course_name: course,
      grade_level: grade,
      level: elementary ? "ELEMENTARY" : "SECONDARY",
    });
    for (const studentId of students) {
      rows.enrollment.add({ id: ++ctx.ids.enrollment, school_id: schoolId, section_id: id, student_id: studentId, started_at: ENROLLED_FROM });
    }
    sections.push({ id, teacherId, students, elementary });
  };
  /** Deals students round-robin into `count` classes of about equal size. */
  const deal = (students: number[], count: number): number[][] => {
    const classes: number[][] = Array.from({ length: count }, () => []);
    rng.shuffle([...students]).forEach((s, i) => classes[i % count]!.push(s));
    return classes.map((c) => c.sort((a, b) => a - b));
  };

  // Elementary grades: one self-contained homeroom per class, one teacher each.
  let room = 1;
  let demoSectionId: number | undefined;
  for (let grade = 0; grade <= 5; grade++) {
    const students = byGrade[grade]!;
    if (students.length === 0) continue;
    const cap = grade <= 3 ? 24 : 30; // K-3 class-size reduction
    for (const group of deal(students, Math.ceil(students.length / cap))) {
      const demo = plan.demo && grade === 3 && demoSectionId === undefined;
      const teacherId = addEmployee(ctx, rng, rows.employee, {
        role: "TEACHER",
        schoolId,
        email: demo ? `teacher@${DEMO_DOMAIN}` : undefined,
      });
      const label = grade === 0 ? "Kindergarten" : `Grade ${grade}`;
      addSection(teacherId, `${label} Homeroom, Room ${room++}`, grade, group, true);
      if (demo) demoSectionId = sections[sections.length - 1]!.id;
    }
  }

  // Secondary grades: six periods per student; teachers of a subject take five sections each.
  const subjects = ["ENGLISH", "MATH", "SCIENCE", "SOCIAL", "PE", "ELECTIVE"] as const;
  for (const subject of subjects) {
    const planned: { course: string; grade: number; students: number[] }[] = [];
    for (let grade = 6; grade <= 12; grade++) {
      const students = byGrade[grade]!;
      if (students.length === 0) continue;
      const cap = subject === "PE" ? 45 : 36;
      deal(students, Math.ceil(students.length / cap)).forEach((group, i) => {
        const course =
          subject === "PE"
            ? "Physical Education"
            : subject === "ELECTIVE"
              ? ELECTIVES[(i + grade) % ELECTIVES.length]!
              : SECONDARY_COURSES[subject][grade - 6]!;
        planned.push({ course, grade, students: group });
      });
    }
    let teacherId = 0;
    planned.forEach((p, i) => {
      if (i % 5 === 0) teacherId = addEmployee(ctx, rng, rows.employee, { role: "TEACHER", schoolId });
      // Period 1-6 with one free conference period.
      addSection(teacherId, `${p.course} - Period ${(i % 5) + 1 + (i % 5 >= 2 ? 1 : 0)}`, p.grade, p.students, false);
    });
  }

  addMarks(ctx, rng, plan, schoolId, sections, ability, rows, demoSectionId);
}

function addMarks(
  ctx: GenerationContext,
  rng: Random,
  plan: SchoolPlan,
  schoolId: number,
  sections: Section[],
  ability: Map<number, number>,
  rows: SchoolRows,
  demoSectionId: number | undefined,
): void {
  // A teacher types all their sections' marks, section by section, student by student.
  const byTeacher = new Map<number, Section[]>();
  for (const s of sections) {
    const list = byTeacher.get(s.teacherId);
    if (list) list.push(s);
    else byTeacher.set(s.teacherId, [s]);
  }
  const m = rows.mark.cols;
  const h = rows.markHistory.cols;
  // The client's clock is a moment ahead of the server's store (the round trip), derived from the row id.
  const addHistory = (markId: number, teacherId: number, section: number, oldValue: string | null, newValue: string, version: number, savedAt: number, typedAt: number) => {
    const id = ++ctx.ids.markHistory;
    h.id.push(id);
    h.mark_id.push(markId);
    h.school_id.push(schoolId);
    h.section_id.push(section);
    h.old_value.push(oldValue);
    h.new_value.push(newValue);
    h.version.push(version);
    h.changed_by_id.push(teacherId);
    h.changed_at.push(savedAt);
    h.client_entered_at.push(typedAt < savedAt ? typedAt : savedAt - 150 - ((id * 7919) % 1850));
    h.source.push("GRID");
  };
  let times = new Float64Array(1024);
  let saved = new Float64Array(1024);
  // A roster error locks out the first few teachers the school's list gives it.
  const locked = new Set([...byTeacher.keys()].slice(0, plan.rosterError?.teachers ?? 0));
  for (const [teacherId, teacherSections] of byTeacher) {
    const elementary = teacherSections[0]!.elementary;
    const period = elementary ? ctx.elementary : ctx.secondary;
    const n = teacherSections.reduce((sum, s) => sum + s.students.length, 0) * period.items.length;
    const behaviour: Behaviour = drawBehaviour(rng, plan, elementary, locked.has(teacherId));
    // The demo teacher is halfway through: some marks in before the clock starts, the rest to do.
    if (teacherSections[0]!.id === demoSectionId) {
      Object.assign(behaviour, { startDay: 5, tau: 3, slack: 0, marksPerHour: 60, hoursPerSchoolDay: 0.7, stops: [], outageHit: false });
    }
    if (times.length < n) {
      times = new Float64Array(n * 2);
      saved = new Float64Array(n * 2);
    }
    const typed = entryTimes(rng, ctx.calendar, behaviour, n, elementary, times, saved);
    let k = 0;
    for (const section of teacherSections) {
      for (const studentId of section.students) {
        const a = ability.get(studentId)!;
        for (const item of period.items) {
          // Marks never typed by the end of the window: the teacher did not finish.
          if (k >= typed) break;
          const typedAt = times[k]!;
          const enteredAt = saved[k++]!;
          const value = markValue(rng, item.scale, a);
          let updatedAt = enteredAt;
          let version = 1;
          if (rng.chance(0.025)) {
            // A later correction: a second save of the same mark, also clear of blackouts.
            const corrected = clearOfBlackouts(ctx.calendar, rng, typedAt + rng.range(2, 48) * HOUR, 0, typedAt);
            if (corrected < ctx.cutoff) {
              updatedAt = corrected;
              version = 2;
            }
          }
          if (enteredAt >= ctx.cutoff) continue;
          const markId = ++ctx.ids.mark;
          if (version === 1) {
            addHistory(markId, teacherId, section.id, null, value, 1, enteredAt, typedAt);
          } else {
            const values = MARK_SCALE_VALUES[item.scale];
            const first = values[(values.indexOf(value) + 1) % values.length]!;
            addHistory(markId, teacherId, section.id, null, first, 1, enteredAt, typedAt);
            addHistory(markId, teacherId, section.id, first, value, 2, updatedAt, updatedAt);
          }
          m.id.push(markId);
          m.school_id.push(schoolId);
          m.period_id.push(period.periodId);
          m.section_id.push(section.id);
          m.student_id.push(studentId);
          m.grading_item_id.push(item.id);
          m.value.push(value);
          m.entered_by_id.push(teacherId);
          m.entered_at.push(enteredAt);
          m.updated_at.push(updatedAt);
          m.version.push(version);
        }
      }
    }
  }
}
