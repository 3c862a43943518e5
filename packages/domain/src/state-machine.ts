/** A transition table: for each state, the actions allowed in it and the state each one leads to. */
export type TransitionTable<S extends string, A extends string> = { readonly [state in S]: { readonly [action in A]?: S } };

export interface Machine<S extends string, A extends string> {
  readonly states: readonly S[];
  readonly transitions: TransitionTable<S, A>;
}

export type Transition<S extends string, A extends string> = { ok: true; to: S } | { ok: false; from: S; action: A; allowed: A[] };

/** Checks the table once: every target is a known state. */
export function defineMachine<const S extends string, A extends string>(machine: { states: readonly S[]; transitions: TransitionTable<S, A> }): Machine<S, A> {
  for (const from of machine.states) {
    for (const [action, to] of Object.entries(machine.transitions[from] ?? {})) {
      if (!machine.states.includes(to as S)) throw new Error(`Transition ${from} --${action}--> ${String(to)}: unknown state`);
    }
  }
  return machine;
}

/** The actions allowed from `state`, in the table's order. */
export function allowedActions<S extends string, A extends string>(machine: Machine<S, A>, state: S): A[] {
  return Object.keys(machine.transitions[state] ?? {}) as A[];
}

/** Where `action` takes `state`, or a refusal naming the state, the action and the actions allowed from it. */
export function transition<S extends string, A extends string>(machine: Machine<S, A>, state: S, action: A): Transition<S, A> {
  const table = machine.transitions[state] ?? {};
  const to = Object.hasOwn(table, action) ? (table as Record<string, S | undefined>)[action] : undefined;
  if (to !== undefined) return { ok: true, to };
  return { ok: false, from: state, action, allowed: allowedActions(machine, state) };
}
