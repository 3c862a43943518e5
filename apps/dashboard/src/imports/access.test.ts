import { describe, expect, it } from "vitest";
import { allows, type Operation, ROLES, SCOPES } from "@gradewatch/domain/policy";
import { roleMay } from "../authProvider";

const apiAllowsSome = (role: (typeof ROLES)[number], op: Operation) => SCOPES.some((scope) => allows(role, op, scope));


describe("enter, import and restore buttons follow the API's authorization matrix", () => {
  it.each(ROLES)("%s sees them only if the API lets them change some marks", (role) => {
    const apiAllows = apiAllowsSome(role, "mark.update");
    expect(roleMay(role, "marks", "enter")).toBe(apiAllows);
    expect(roleMay(role, "marks", "import")).toBe(apiAllows);
    expect(roleMay(role, "marks", "restore")).toBe(apiAllows);
  });
});
