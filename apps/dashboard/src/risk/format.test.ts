import { describe, expect, it } from "vitest";
import { percentLabel } from "./format";

describe("percentLabel", () => {
  it("should never show a share of marks as reached before it is", () => {
    expect(percentLabel(99.75)).toBe("99.7%");
    expect(percentLabel(99.96)).toBe("99.9%");
    expect(percentLabel(88.6)).toBe("88%");
    expect(percentLabel(9.96)).toBe("9.9%");
    expect(percentLabel(100)).toBe("100%");
    expect(percentLabel(0)).toBe("0%");
    expect(percentLabel(0.04)).toBe("0.0%");
  });
});
