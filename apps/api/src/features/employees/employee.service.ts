import { HOME, mayAssignRole, type Role } from "@gradewatch/domain/policy";
import { and, eq, ilike, inArray, or, type SQL } from "drizzle-orm";
import type { Db } from "@gradewatch/db";
import type { Actor } from "../../access/actor.js";
import type { Clock } from "../../clock.js";
import { employeeScope, escScope, schoolScope } from "../../access/scope.js";
import { employee, esc, school } from "@gradewatch/db/schema";
import { badInput, forbidden, notFound, parseId, write } from "../../graphql/errors.js";
import { definedOnly, optionalId } from "../../graphql/inputs.js";
import { employeeColumns, escColumns, type Loaders, schoolColumns } from "../../graphql/loaders.js";
import { likePattern, type ListWants, paginate, selectedToOne } from "../../graphql/pagination.js";
import type { EmployeeListArgs } from "./employee.args.js";
import type { EmployeeCreateInput, EmployeeUpdateInput } from "./employee.input.js";

function checkScope(role: Role, schoolId: number | null | undefined, escId: number | null | undefined) {
  if (HOME[role] === "school" && !schoolId) throw badInput(`A ${role.toLowerCase()} needs a schoolId`);
  if (HOME[role] === "esc" && !escId) throw badInput(`An ${role.toLowerCase().replace(/_/g, " ")} needs an escId`);
}

function checkWorkday(start: string | undefined, end: string | undefined) {
  if (start && end && start.padEnd(8, ":00") >= end.padEnd(8, ":00")) {
    throw badInput("workdayStart must be before workdayEnd");
  }
}

export function listEmployees(db: Db, actor: Actor, args: EmployeeListArgs, wants: ListWants, loaders: Loaders) {
  const f = args.filter ?? {};
  const where: (SQL | undefined)[] = [employeeScope(actor)];
  if (f.ids) where.push(inArray(employee.id, f.ids.map((id) => parseId(id))));
  if (f.q) {
    const p = likePattern(f.q);
    where.push(
      or(ilike(employee.lastName, p), ilike(employee.firstName, p), ilike(employee.email, p), ilike(employee.employeeNumber, p)),
    );
  }
  if (f.role) where.push(eq(employee.role, f.role));
  if (f.schoolId) where.push(eq(employee.schoolId, parseId(f.schoolId, "schoolId")));
  if (f.escId) {
    const escId = parseId(f.escId, "escId");
    where.push(
      or(eq(employee.escId, escId), inArray(employee.schoolId, db.select({ id: school.id }).from(school).where(eq(school.escId, escId)))),
    );
  }
  if (f.active !== undefined && f.active !== null) where.push(eq(employee.active, f.active));
  return paginate(db, args, {
    table: employee,
    columns: employeeColumns,
    where: and(...where),
    total: wants.total,
    toOne: selectedToOne(wants, {
      school: { table: school, columns: schoolColumns, key: employee.schoolId, scope: schoolScope(actor), loader: loaders.school },
      esc: { table: esc, columns: escColumns, key: employee.escId, scope: escScope(actor), loader: loaders.esc },
    }),
    sortable: {
      id: employee.id,
      lastName: employee.lastName,
      firstName: employee.firstName,
      employeeNumber: employee.employeeNumber,
      email: employee.email,
      role: employee.role,
      schoolId: employee.schoolId,
      active: employee.active,
    },
    defaultSort: "lastName",
    tieBreaker: employee.id,
  });
}

export async function getEmployee(db: Db, actor: Actor, id: number) {
  const [row] = await db.select(employeeColumns).from(employee).where(and(employeeScope(actor), eq(employee.id, id)));
  if (!row) throw notFound("Employee", id);
  return row;
}

// Roles are read from the database on every request, so these rules are what stops an HR clerk (or
// anyone with employee.update) from handing out district-wide access, to themselves or anyone else.
function checkCreateAllowed(actor: Actor, role: string) {
  if (!mayAssignRole(actor.role, role as Role)) throw forbidden("Only a district administrator may create a district administrator");
}

function checkUpdateAllowed(
  actor: Actor,
  current: { id: number; role: string; schoolId: number | null; escId: number | null },
  values: { role?: string; schoolId?: number | null; escId?: number | null; active?: boolean },
) {
  const changes = (key: "role" | "schoolId" | "escId") => values[key] !== undefined && values[key] !== current[key];
  if (current.id === actor.id) {
    if (changes("role") || changes("schoolId") || changes("escId")) {
      throw forbidden("You may not change your own role, school or ESC");
    }
    if (values.active === false) throw forbidden("You may not disable your own account");
  }
  if (!mayAssignRole(actor.role, current.role as Role)) throw forbidden("Only a district administrator may change a district administrator");
  if (values.role !== undefined && !mayAssignRole(actor.role, values.role as Role)) {
    throw forbidden("Only a district administrator may make someone a district administrator");
  }
}

export async function createEmployee(db: Db, clock: Clock, actor: Actor, input: EmployeeCreateInput) {
  checkCreateAllowed(actor, input.role);
  const schoolId = optionalId(input.schoolId, "schoolId");
  const escId = optionalId(input.escId, "escId");
  checkScope(input.role, schoolId, escId);
  checkWorkday(input.workdayStart, input.workdayEnd);
  return write(db, async (tx) => {
      const [row] = await tx
        .insert(employee)
        .values({
          employeeNumber: input.employeeNumber,
          firstName: input.firstName.trim(),
          lastName: input.lastName.trim(),
          email: input.email.trim().toLowerCase(),
          role: input.role,
          schoolId,
          escId,
          workdayStart: input.workdayStart,
          workdayEnd: input.workdayEnd,
          active: input.active,
          createdAt: clock.now(),
        })
        .returning();
      return row!;
  });
}

export async function updateEmployee(db: Db, actor: Actor, id: number, input: EmployeeUpdateInput) {
  const current = await getEmployee(db, actor, id);
  const values = definedOnly({
    employeeNumber: input.employeeNumber,
    firstName: input.firstName?.trim(),
    lastName: input.lastName?.trim(),
    email: input.email?.trim().toLowerCase(),
    role: input.role,
    schoolId: optionalId(input.schoolId, "schoolId"),
    escId: optionalId(input.escId, "escId"),
    workdayStart: input.workdayStart,
    workdayEnd: input.workdayEnd,
    active: input.active,
  });
  checkUpdateAllowed(actor, current, values);
  const next = { ...current, ...values };
  checkScope(next.role, next.schoolId, next.escId);
  checkWorkday(next.workdayStart, next.workdayEnd);
  if (Object.keys(values).length === 0) return current;
  return write(db, async (tx) => {
      const [row] = await tx.update(employee).set(values).where(eq(employee.id, id)).returning();
      if (!row) throw notFound("Employee", id);
      return row;
  });
}
