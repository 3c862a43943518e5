import fs from "node:fs";
import type { Actor } from "./actor.js";

export type Scope = "own" | "sameSchool" | "sameEsc" | "otherEsc";
export type Operation =
  | "esc.read"
  | "school.read"
  | "employee.read"
  | "section.read"
  | "student.read"
  | "mark.read"
  | "school.update"
  | "employee.update"
  | "section.update"
  | "student.update"
  | "mark.update";

export interface Matrix {
  scopes: Scope[];
  fields: Record<string, Operation | "public" | "signedIn" | "admin">;
  rules: Record<Actor["role"], Record<Operation, Record<Scope, "allow" | "deny">>>;
}

export const matrix = JSON.parse(fs.readFileSync(new URL("./matrix.json", import.meta.url), "utf8")) as Matrix;

export const allows = (role: Actor["role"], op: Operation, scope: Scope) => matrix.rules[role][op][scope] === "allow";
