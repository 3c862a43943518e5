import { describe, expect, it } from "vitest";
import { allows, type Operation, POLICY, ROLES, SCOPES } from "@gradewatch/domain/policy";
import { roleMay } from "./authProvider";

const apiAllowsSome = (role: (typeof ROLES)[number], op: Operation) => SCOPES.some((scope) => allows(role, op, scope));

const RESOURCE_OF: Record<string, string> = {
  escs: "esc",
  schools: "school",
  employees: "employee",
  sections: "section",
  students: "student",
  marks: "mark",
};
const roles = ROLES;
const cases = roles.flatMap((role) => Object.entries(RESOURCE_OF).map(([resource, entity]) => ({ role, resource, entity })));

describe("the dashboard's menu follows the API's authorization matrix", () => {
  it.each(cases)("$role sees $resource in the menu only if the API lets them read any of it", ({ role, resource, entity }) => {
    const apiAllows = apiAllowsSome(role, `${entity}.read` as Operation);
    expect(roleMay(role, resource, "list")).toBe(apiAllows);
  });

  // Marks change through saveMarks (the teacher's grid), never through an edit form.
  it.each(cases.filter((c) => c.resource !== "marks"))("$role gets an edit button on $resource only if the API lets them change some of it", ({ role, resource, entity }) => {
    const op = `${entity}.update`;
    const apiAllows = op in POLICY && apiAllowsSome(role, op as Operation);
    expect(roleMay(role, resource, "edit")).toBe(apiAllows);
  });
});
