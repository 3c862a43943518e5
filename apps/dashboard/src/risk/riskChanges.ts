import { useEffect, useRef, useSyncExternalStore } from "react";

// One stream of server-sent events (`GET /events/risk`, the session cookie rides along) for every open
// live risk view: the server says "change" when the facts moved, and each view asks again at once. The
// views poll every 30 s besides, so a stream that cannot open (signed out, an older server) costs nothing.
type Listener = () => void;
const listeners = new Set<Listener>();
const stateListeners = new Set<Listener>();
let source: EventSource | undefined;
let connected = false;

function setConnected(value: boolean) {
  if (connected === value) return;
  connected = value;
  for (const l of [...stateListeners]) l();
}

function open() {
  if (source || typeof EventSource === "undefined" || document.visibilityState === "hidden") return;
  const s = new EventSource("/events/risk");
  source = s;
  let opened = false;
  s.onopen = () => {
    setConnected(true);
    // Opened again after a dropped stream (an API restart, say): a change may have gone by meanwhile.
    if (opened) for (const l of [...listeners]) l();
    opened = true;
  };
  // The browser reconnects by itself after a dropped stream; a refused one (401, 404) stays closed until a
  // view opens, or the tab comes back, again (signed in anew by then, say).
  s.onerror = () => {
    if (s.readyState === EventSource.CLOSED && source === s) source = undefined;
    setConnected(s.readyState === EventSource.OPEN);
  };
  s.addEventListener("change", () => {
    for (const l of [...listeners]) l();
  });
}

function close() {
  source?.close();
  source = undefined;
  setConnected(false);
}

// A browser allows six connections to one server: a tab in the background gives its stream up, and on
// coming back opens it again and asks at once (it may have missed a change meanwhile).
if (typeof document !== "undefined") {
  document.addEventListener("visibilitychange", () => {
    if (listeners.size === 0) return;
    if (document.visibilityState === "hidden") close();
    else if (!source) {
      open();
      for (const l of [...listeners]) l();
    }
  });
}

/** Calls `onChange` whenever the server announces changed risk facts, while `live` (the present, not a replay). */
export function useRiskChanges(live: boolean, onChange: () => void) {
  const ref = useRef(onChange);
  useEffect(() => {
    ref.current = onChange;
  });
  useEffect(() => {
    if (!live) return;
    const listener = () => ref.current();
    listeners.add(listener);
    open();
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) close();
    };
  }, [live]);
}

/** Whether the change stream is open: the status line says "updates as changes are saved" then. */
export function useRiskStreamConnected(): boolean {
  return useSyncExternalStore(
    (l) => {
      stateListeners.add(l);
      return () => stateListeners.delete(l);
    },
    () => connected,
  );
}
