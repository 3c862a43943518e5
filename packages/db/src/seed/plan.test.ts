import { describe, expect, it } from "vitest";
import { planDistrict } from "./plan.js";

describe("the lausd plan", () => {
  const plan = planDistrict("lausd", 1105);
  const count = <T>(items: T[], pick: (t: T) => unknown) =>
    items.reduce((m, t) => m.set(pick(t), (m.get(pick(t)) ?? 0) + 1), new Map<unknown, number>());

  it("should have about 1,000 schools, 450 of them elementary, and about 650,000 students", () => {
    expect(plan.schools).toHaveLength(1000);
    expect(count(plan.schools, (s) => s.level).get("ELEMENTARY")).toBe(450);
    const students = plan.schools.reduce((n, s) => n + s.students, 0);
    expect(students).toBeGreaterThan(600_000);
    expect(students).toBeLessThan(700_000);
    for (const s of plan.schools) expect(s.grades.reduce((a, b) => a + b, 0)).toBe(s.students);
  });

  it("should give ISIC about 15% of the schools and share the rest among the four geographic ESCs", () => {
    const byEsc = count(plan.schools, (s) => s.escIndex);
    expect(byEsc.get(4)).toBeGreaterThanOrEqual(140);
    expect(byEsc.get(4)).toBeLessThanOrEqual(160);
    for (const esc of [0, 1, 2, 3]) expect(byEsc.get(esc)).toBeGreaterThanOrEqual(210);
  });

  it("should spread schools from early finishers to laggards that start late", () => {
    const byPace = count(plan.schools, (s) => s.pace);
    expect(byPace.get("AHEAD")).toBeGreaterThanOrEqual(240);
    expect(byPace.get("LAGGARD")).toBeGreaterThanOrEqual(110);
    const elementaryLaggards = plan.schools.filter((s) => s.level === "ELEMENTARY" && s.pace === "LAGGARD").length;
    expect(elementaryLaggards).toBeGreaterThan(20);
  });

  it("should give every school its own location code and name, and be the same plan for the same seed", () => {
    expect(new Set(plan.schools.map((s) => s.locationCode)).size).toBe(1000);
    expect(new Set(plan.schools.map((s) => s.name)).size).toBe(1000);
    expect(planDistrict("lausd", 1105)).toEqual(plan);
    expect(planDistrict("lausd", 1106).schools.map((s) => s.locationCode)).not.toEqual(plan.schools.map((s) => s.locationCode));
    expect(plan.schools.filter((s) => s.demo)).toHaveLength(1);
  });
});
