import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { type Role, roleMay } from "../authProvider";

const matrix = JSON.parse(fs.readFileSync(new URL("../../../api/src/access/matrix.json", import.meta.url), "utf8")) as {
  rules: Record<Role, Record<string, Record<string, "allow" | "deny">>>;
};

describe("enter, import and restore buttons follow the API's authorization matrix", () => {
  it.each(Object.keys(matrix.rules) as Role[])("%s sees them only if the API lets them change some marks", (role) => {
    const apiAllows = Object.values(matrix.rules[role]["mark.update"]!).includes("allow");
    expect(roleMay(role, "marks", "enter")).toBe(apiAllows);
    expect(roleMay(role, "marks", "import")).toBe(apiAllows);
    expect(roleMay(role, "marks", "restore")).toBe(apiAllows);
  });
});
