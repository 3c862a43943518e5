import { describe, expect, it } from "vitest";
import { allowedActions, defineMachine, transition } from "./state-machine.js";

// A made-up lifecycle, only to exercise the helper: no feature uses it.
const ACTIONS = ["submit", "approve", "reject", "reopen", "withdraw"] as const;
type Action = (typeof ACTIONS)[number];
const machine = defineMachine({
  states: ["DRAFT", "SUBMITTED", "APPROVED", "REJECTED", "WITHDRAWN"],
  transitions: {
    DRAFT: { submit: "SUBMITTED", withdraw: "WITHDRAWN" },
    SUBMITTED: { approve: "APPROVED", reject: "REJECTED", withdraw: "WITHDRAWN" },
    REJECTED: { reopen: "DRAFT" },
    APPROVED: {},
    WITHDRAWN: {},
  },
});

const cases = machine.states.flatMap((from) => ACTIONS.map((action) => ({ from, action, to: (machine.transitions[from] as Partial<Record<Action, string>>)[action] })));

describe("state machine", () => {
  it.each(cases.filter((c) => c.to))("should move $from to $to when $action", ({ from, action, to }) => {
    expect(transition(machine, from, action)).toEqual({ ok: true, to });
  });

  it.each(cases.filter((c) => !c.to))("should refuse $action from $from naming the allowed actions", ({ from, action }) => {
    expect(transition(machine, from, action)).toEqual({ ok: false, from, action, allowed: allowedActions(machine, from) });
  });

  it("should name no allowed action when refusing from a final state", () => {
    expect(transition(machine, "APPROVED", "reopen")).toEqual({ ok: false, from: "APPROVED", action: "reopen", allowed: [] });
  });

  it("should refuse an action that is only an Object property name", () => {
    expect(transition(machine, "DRAFT", "toString" as Action)).toMatchObject({ ok: false, allowed: ["submit", "withdraw"] });
  });

  it("should refuse a table whose transition leads to an unknown state", () => {
    expect(() => defineMachine({ states: ["A"], transitions: { A: { go: "B" as "A" } } })).toThrow(/unknown state/);
  });
});
