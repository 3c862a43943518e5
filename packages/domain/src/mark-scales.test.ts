import { describe, expect, it } from "vitest";
import { checkMark, scalesAllowing } from "./mark-scales.js";

describe("mark scales", () => {
  it("should normalise case and whitespace of a mark on the scale", () => {
    expect(checkMark("LETTER_A_F", " b ")).toEqual({ ok: true, value: "B" });
    expect(checkMark("EFFORT_ESU", "s")).toEqual({ ok: true, value: "S" });
  });

  it("should reject a value off the scale naming the allowed values", () => {
    expect(checkMark("STANDARDS_1_4", "5")).toEqual({
      ok: false,
      reason: '"5" is not on the Standards 1-4 scale (allowed: 1, 2, 3, 4)',
    });
    expect(checkMark("LETTER_A_F", "E").ok).toBe(false);
  });

  it("should list the scales a typed mark is on", () => {
    expect(scalesAllowing(" s ")).toEqual(["EFFORT_ESU"]);
    expect(scalesAllowing("4")).toEqual(["STANDARDS_1_4"]);
    expect(scalesAllowing("Z")).toEqual([]);
  });
});
