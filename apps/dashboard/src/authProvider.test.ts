import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { type Role, roleMay } from "./authProvider";

const matrix = JSON.parse(fs.readFileSync(new URL("../../api/src/access/matrix.json", import.meta.url), "utf8")) as {
  rules: Record<Role, Record<string, Record<string, "allow" | "deny">>>;
};
const RESOURCE_OF: Record<string, string> = {
  escs: "esc",
  schools: "school",
  employees: "employee",
  sections: "section",
  students: "student",
  marks: "mark",
};
const roles = Object.keys(matrix.rules) as Role[];
const cases = roles.flatMap((role) => Object.entries(RESOURCE_OF).map(([resource, entity]) => ({ role, resource, entity })));

describe("the dashboard's menu follows the API's authorization matrix", () => {
  it.each(cases)("$role sees $resource in the menu only if the API lets them read any of it", ({ role, resource, entity }) => {
    const apiAllows = Object.values(matrix.rules[role][`${entity}.read`]!).includes("allow");
    expect(roleMay(role, resource, "list")).toBe(apiAllows);
  });

  // Marks change through saveMarks (the teacher's grid), never through an edit form.
  it.each(cases.filter((c) => c.resource !== "marks"))("$role gets an edit button on $resource only if the API lets them change some of it", ({ role, resource, entity }) => {
    const update = matrix.rules[role][`${entity}.update`];
    const apiAllows = update ? Object.values(update).includes("allow") : false;
    expect(roleMay(role, resource, "edit")).toBe(apiAllows);
  });
});
