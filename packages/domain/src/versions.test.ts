import { describe, expect, it } from "vitest";
import { expectVersion } from "./versions.js";

describe("expected version", () => {
  const current = { version: 3, value: "B" };

  it("should pass when the expected version is the stored one, or nothing is stored and none is expected", () => {
    expect(expectVersion(current, 3)).toEqual({ ok: true });
    expect(expectVersion(null, null)).toEqual({ ok: true });
  });

  it.each([[2], [4], [null]])("should answer CONFLICT with the current state when %s is expected of version 3", (expected) => {
    expect(expectVersion(current, expected)).toEqual({ ok: false, status: "CONFLICT", current });
  });

  it("should answer NOT_FOUND when a version is expected of something never stored", () => {
    expect(expectVersion(null, 1)).toEqual({ ok: false, status: "NOT_FOUND" });
  });
});
