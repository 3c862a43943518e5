import { describe, expect, it } from "vitest";
import { apply, planEnqueue, planResolve, planResult, sendable, summary } from "./outbox-logic";
import type { PendingChange, ServerMark } from "./outbox-store";

const cell = { periodId: "1", sectionId: "2", studentId: "3", gradingItemId: "4" };
const other = { ...cell, studentId: "5" };
let seq = 0;
const ctx = () => ({ userId: "9", seq: ++seq, now: new Date("2014-11-05T16:00:00Z") });
const mark = (value: string, version: number): ServerMark => ({ id: "7", ...cell, value, version, updatedAt: "2014-11-05T16:00:01Z", enteredBy: "Ani Castro" });
const sendAll = (ops: PendingChange[]) => apply(ops, { put: sendable(ops, 100).map((o) => ({ ...o, sent: true })), del: [] });

describe("the grid's outbox", () => {
  it("should rewrite an unsent change to the same cell instead of queueing a second one", () => {
    let ops = apply([], planEnqueue([], cell, "2", 3, ctx()));
    const first = ops[0]!.operationId;
    ops = apply(ops, planEnqueue(ops, cell, "4", 3, ctx()));
    expect(ops.map((o) => [o.value, o.baseVersion])).toEqual([["4", 3]]);
    expect(ops[0]!.operationId).not.toBe(first);
  });

  it("should keep a sent change frozen and make a later one wait for its version", () => {
    let ops = sendAll(apply([], planEnqueue([], cell, "2", 3, ctx())));
    const sent = ops[0]!;
    ops = apply(ops, planEnqueue(ops, cell, "4", 3, ctx()));
    expect(sendable(ops, 10).map((o) => o.operationId)).toEqual([sent.operationId]);
    ops = apply(ops, planResult(ops, sent, { operationId: sent.operationId, status: "SAVED", mark: mark("2", 4) }));
    expect(ops.map((o) => [o.value, o.baseVersion, o.waitsFor])).toEqual([["4", 4, null]]);
    expect(sendable(ops, 10)).toHaveLength(1);
  });

  it("should send the oldest change of each cell first, in entry order", () => {
    let ops = apply([], planEnqueue([], other, "1", null, ctx()));
    ops = apply(ops, planEnqueue(ops, cell, "2", null, ctx()));
    expect(sendable(ops, 10).map((o) => o.studentId)).toEqual(["5", "3"]);
    expect(sendable(ops, 1).map((o) => o.studentId)).toEqual(["5"]);
  });

  it("should hold a conflict for the teacher, and keep their value over the other one only when they choose it", () => {
    let ops = sendAll(apply([], planEnqueue([], cell, "2", 3, ctx())));
    const sent = ops[0]!;
    ops = apply(ops, planResult(ops, sent, { operationId: sent.operationId, status: "CONFLICT", mark: mark("1", 4) }));
    expect(ops.map((o) => [o.state, o.theirs?.value])).toEqual([["conflict", "1"]]);
    expect(sendable(ops, 10)).toHaveLength(0);
    expect(summary(ops)).toBe("1 change not yet saved · 1 needs your decision");
    const kept = apply(ops, planResolve(ops[0]!, "mine"));
    expect(kept.map((o) => [o.state, o.value, o.baseVersion, o.sent])).toEqual([["pending", "2", 4, false]]);
    expect(kept[0]!.operationId).not.toBe(sent.operationId);
    expect(apply(ops, planResolve(ops[0]!, "theirs"))).toEqual([]);
  });

  it("should keep a refused change with its reason until the teacher discards it", () => {
    let ops = sendAll(apply([], planEnqueue([], cell, "9", null, ctx())));
    ops = apply(ops, planResult(ops, ops[0]!, { operationId: ops[0]!.operationId, status: "REJECTED", reason: "window closed" }));
    expect(ops.map((o) => [o.state, o.reason])).toEqual([["rejected", "window closed"]]);
    expect(summary(ops)).toBe("1 change not yet saved · 1 refused");
    expect(summary([])).toBe("All changes saved");
  });

  it("should count a cell refused on this device in the header when nothing else waits", () => {
    expect(summary([], 1)).toBe("1 refused · every other change saved");
  });
});
