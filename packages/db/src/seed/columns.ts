import { type SQL, sql } from "drizzle-orm";

type Value = string | number | null;

/**
 * Rows of one table held column by column, inserted with a single `unnest` statement: one parameter
 * per column whatever the row count, so a batch of 50,000 marks is one round trip.
 * Types name the column's PostgreSQL type; "timestamptz" columns take epoch milliseconds.
 */
export class ColumnBuffer<C extends string> {
  readonly cols: Record<C, Value[]>;
  private readonly names: C[];

  constructor(
    readonly table: string,
    private readonly types: Record<C, string>,
  ) {
    this.names = Object.keys(types) as C[];
    this.cols = Object.fromEntries(this.names.map((n) => [n, []])) as unknown as Record<C, Value[]>;
  }

  get length(): number {
    return this.cols[this.names[0]!].length;
  }

  add(row: Record<C, Value>): void {
    for (const n of this.names) this.cols[n].push(row[n]);
  }

  /** Inserts with the ids given (the seed allocates them), hence `overriding system value`. */
  insertSql(): SQL {
    const arrays: SQL[] = [];
    const selects: SQL[] = [];
    for (const n of this.names) {
      const type = this.types[n];
      const col = sql`${sql.identifier(n)}`;
      // Numbers and text travel as their own arrays; enums and times as text (PGlite cannot
      // serialise arrays of types it does not know), then cast.
      if (type === "timestamptz") {
        arrays.push(sql`${sql.param(this.cols[n])}::float8[]`);
        selects.push(sql`to_timestamp(${col} / 1000.0)`);
      } else if (["int", "bigint", "smallint", "text"].includes(type)) {
        arrays.push(sql`${sql.param(this.cols[n])}::${sql.raw(type)}[]`);
        selects.push(col);
      } else {
        arrays.push(sql`${sql.param(this.cols[n])}::text[]`);
        selects.push(sql`${col}::${sql.raw(type)}`);
      }
    }
    const names = sql.join(
      this.names.map((n) => sql.identifier(n)),
      sql`, `,
    );
    return sql`insert into ${sql.identifier(this.table)} (${names}) overriding system value
      select ${sql.join(selects, sql`, `)} from unnest(${sql.join(arrays, sql`, `)}) as u(${names})`;
  }
}

export function employeeBuffer() {
  return new ColumnBuffer("employee", {
    id: "int",
    employee_number: "text",
    first_name: "text",
    last_name: "text",
    email: "text",
    role: "employee_role",
    school_id: "int",
    esc_id: "int",
    workday_start: "time",
    workday_end: "time",
    created_at: "timestamptz",
  });
}

export function schoolBuffer() {
  return new ColumnBuffer("school", {
    id: "int",
    location_code: "text",
    name: "text",
    level: "school_level",
    esc_id: "int",
    enrollment: "int",
  });
}

/** One batch of schools' rows, in foreign-key order. */
export class SchoolRows {
  readonly employee = employeeBuffer();
  readonly student = new ColumnBuffer("student", {
    id: "int",
    district_student_id: "text",
    first_name: "text",
    last_name: "text",
    grade_level: "smallint",
    school_id: "int",
  });
  readonly section = new ColumnBuffer("section", {
    id: "int",
    school_id: "int",
    teacher_id: "int",
    course_name: "text",
    grade_level: "smallint",
    level: "period_level",
  });
  readonly enrollment = new ColumnBuffer("enrollment", {
    id: "int",
    school_id: "int",
    section_id: "int",
    student_id: "int",
    started_at: "timestamptz",
  });
  readonly mark = new ColumnBuffer("mark", {
    id: "bigint",
    school_id: "int",
    period_id: "int",
    section_id: "int",
    student_id: "int",
    grading_item_id: "int",
    value: "text",
    entered_by_id: "int",
    entered_at: "timestamptz",
    updated_at: "timestamptz",
    version: "int",
  });
  /** Every save of every mark, as saveMarks would have written it (no operation id: typed in the grid). */
  readonly markHistory = new ColumnBuffer("mark_history", {
    id: "bigint",
    mark_id: "bigint",
    school_id: "int",
    section_id: "int",
    old_value: "text",
    new_value: "text",
    version: "int",
    changed_by_id: "int",
    changed_at: "timestamptz",
    client_entered_at: "timestamptz",
    source: "mark_source",
  });
  /** Principal of each school in the batch, set once the employees exist. */
  readonly principals: { schoolId: number; employeeId: number }[] = [];

  get buffers() {
    return [this.employee, this.student, this.section, this.enrollment, this.mark, this.markHistory];
  }
}
