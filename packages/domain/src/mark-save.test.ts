import { describe, expect, it } from "vitest";
import { effectiveDeadline } from "./deadlines.js";
import { decideMarkSave, type MarkSaveFacts } from "./mark-save.js";

const facts = (over: Partial<MarkSaveFacts> = {}, payload: Partial<MarkSaveFacts["payload"]> = {}): MarkSaveFacts => ({
  now: new Date("2014-11-05T20:00:00Z"),
  ids: { periodId: 1, sectionId: 2, studentId: 3, gradingItemId: 4 },
  section: { level: "ELEMENTARY" },
  period: { name: "Elementary Reporting Period 1", level: "ELEMENTARY", windowOpensOn: "2014-10-27" },
  deadline: effectiveDeadline({ periodDeadline: "2014-11-14" }),
  scale: "STANDARDS_1_4",
  enrolled: true,
  current: null,
  ...over,
  payload: { value: "3", ...payload },
});

describe("deciding a mark save", () => {
  it("should save a new mark as version 1 with the value normalised and an empty comment as none", () => {
    expect(decideMarkSave(facts({}, { value: " 3 ", comment: "  " }))).toEqual({ status: "SAVED", write: "INSERT", value: "3", comment: null, version: 1 });
  });

  it("should update a mark seen at its current version to the next version", () => {
    const current = { value: "2", comment: null, version: 4 };
    expect(decideMarkSave(facts({ current }, { baseVersion: 4 }))).toEqual({ status: "SAVED", write: "UPDATE", value: "3", comment: null, version: 5 });
  });

  it("should write nothing when the stored mark already says the same", () => {
    const current = { value: "3", comment: "ok", version: 2 };
    expect(decideMarkSave(facts({ current }, { baseVersion: 2, comment: " ok " }))).toMatchObject({ status: "SAVED", write: "NONE", version: 2 });
  });

  it.each([[null], [1], [3]])("should answer CONFLICT naming the current version when the base version is %s and the mark is at 2", (baseVersion) => {
    const current = { value: "3", comment: null, version: 2 };
    expect(decideMarkSave(facts({ current }, { baseVersion }))).toEqual({ status: "CONFLICT", version: 2, reason: "Someone saved version 2 of this mark since you last saw it" });
  });

  it.each<[string, Partial<MarkSaveFacts>, Partial<MarkSaveFacts["payload"]>, string, string]>([
    ["the section is out of scope", { section: null }, {}, "NOT_FOUND", "Section 2 not found"],
    ["the period does not exist", { period: null }, {}, "NOT_FOUND", "Reporting period 1 not found"],
    ["the period marks the other level", { section: { level: "SECONDARY" } }, {}, "BAD_USER_INPUT", "Elementary Reporting Period 1 does not mark secondary sections"],
    ["the item is not marked in the period", { scale: null }, {}, "BAD_USER_INPUT", "Grading item 4 is not marked in Elementary Reporting Period 1"],
    ["the student is not enrolled", { enrolled: false }, {}, "BAD_USER_INPUT", "Student 3 is not enrolled in this section"],
    ["the window has not opened", { now: new Date("2014-10-27T06:59:59Z") }, {}, "BAD_USER_INPUT", "The marking window for Elementary Reporting Period 1 opens on 2014-10-27"],
    ["the deadline has passed", { now: new Date("2014-11-15T08:00:00Z") }, {}, "DEADLINE_PASSED", "The deadline for Elementary Reporting Period 1 passed at Friday, November 14, 2014 at 11:59:59 PM PST"],
    ["the value is off the scale", {}, { value: "A" }, "BAD_USER_INPUT", '"A" is not on the Standards 1-4 scale (allowed: 1, 2, 3, 4)'],
    ["a base version is sent for a new mark", {}, { baseVersion: 2 }, "BAD_USER_INPUT", "baseVersion 2 was sent for a mark that has never been saved"],
  ])("should reject when %s", (_, over, payload, code, reason) => {
    expect(decideMarkSave(facts(over, payload))).toEqual({ status: "REJECTED", code, reason });
  });

  it("should check the deadline before the scale, so a late off-scale value is told about the deadline", () => {
    expect(decideMarkSave(facts({ now: new Date("2014-11-16T00:00:00Z") }, { value: "Z" }))).toMatchObject({ code: "DEADLINE_PASSED" });
  });

  it("should accept a save until the extended deadline", () => {
    const deadline = effectiveDeadline({ periodDeadline: "2014-11-14", schoolExtendedTo: "2014-11-21" });
    expect(decideMarkSave(facts({ deadline, now: new Date("2014-11-20T20:00:00Z") })).status).toBe("SAVED");
  });
});
