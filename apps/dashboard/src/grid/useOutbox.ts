import { useSyncExternalStore } from "react";
import { useGetIdentity } from "react-admin";
import { type Outbox, outboxFor, type OutboxStatus } from "./outbox";
import type { PendingChange } from "./outbox-store";

const EMPTY: { ops: PendingChange[]; status: OutboxStatus } = { ops: [], status: { problem: null, sending: false } };
const noSubscribe = () => () => undefined;
const empty = () => EMPTY;

/** The signed-in user's outbox and its live contents. */
export function useOutbox(): { box: Outbox | null; ops: PendingChange[]; status: OutboxStatus } {
  const { identity } = useGetIdentity();
  const box = identity ? outboxFor(String(identity.id)) : null;
  const snap = useSyncExternalStore(box?.subscribe ?? noSubscribe, box?.getSnapshot ?? empty);
  return { box, ...snap };
}
