import { describe, expect, it } from "vitest";
import { allows, mayAssignRole, OPERATIONS, REACHES, ROLES, rolesFor, roleMay, reachOf, SCOPES } from "./policy.js";

describe("the access policy", () => {
  it("should allow a scope only with every narrower one, for every role and operation", () => {
    for (const role of ROLES) {
      for (const op of OPERATIONS) {
        const allowed = SCOPES.map((scope) => allows(role, op, scope));
        expect(allowed, `${role} ${op}`).toEqual([...allowed].sort((a, b) => Number(b) - Number(a)));
        expect(allowed.filter(Boolean).length, `${role} ${op}`).toBe(REACHES.indexOf(reachOf(role, op)));
      }
    }
  });

  it("should open the dashboard's edit form only to roles the API lets change the resource", () => {
    expect(roleMay("HR", "employees", "edit")).toBe(true);
    expect(roleMay("HR", "students", "list")).toBe(false);
    expect(roleMay("PRINCIPAL", "students", "create")).toBe(true);
    expect(roleMay("TEACHER", "marks", "enter")).toBe(true);
    expect(roleMay("ESC_DIRECTOR", "marks", "enter")).toBe(false);
    expect(roleMay(undefined, "schools", "list")).toBe(false);
  });

  it("should keep the district administrator's own operations to the district administrator", () => {
    expect(rolesFor("outage.update")).toEqual(["DISTRICT_ADMIN"]);
    expect(rolesFor("mark.update")).toEqual(["TEACHER", "PRINCIPAL", "DISTRICT_ADMIN"]);
  });

  it("should let only a district administrator give or edit the district administrator role, and nobody without employee.update give any", () => {
    const givable = Object.fromEntries(ROLES.map((actor) => [actor, ROLES.filter((role) => mayAssignRole(actor, role))]));
    expect(givable).toEqual({
      TEACHER: [],
      PRINCIPAL: [],
      ESC_DIRECTOR: [],
      INSTRUCTIONAL_SUPERINTENDENT: [],
      HR: ["TEACHER", "PRINCIPAL", "ESC_DIRECTOR", "INSTRUCTIONAL_SUPERINTENDENT", "HR"],
      DISTRICT_ADMIN: [...ROLES],
    });
  });
});
