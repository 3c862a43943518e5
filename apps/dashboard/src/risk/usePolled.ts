import { useCallback, useEffect, useRef, useState } from "react";
import { useRiskChanges } from "./riskChanges";

/** How often a live risk view asks again while it is open. */
export const REFRESH_MS = 30_000;

export interface Polled<T> {
  data: T | undefined;
  error: Error | undefined;
  reload: () => void;
}

/**
 * Loads `load()` now and again every 30 s while `live` (the present, which moves), and whenever the server
 * announces changed facts (riskChanges); a past instant's
 * answer does not change, so it loads once. The previous answer stays on screen while the next one loads.
 */
export function usePolled<T>(load: () => Promise<T>, key: string, live: boolean): Polled<T> {
  const [state, setState] = useState<{ key?: string; data?: T; error?: Error }>({});
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  useEffect(() => {
    loadRef.current = load;
  });
  useEffect(() => {
    let alive = true;
    loadRef.current().then(
      (data) => alive && setState({ key, data }),
      (error: Error) => alive && setState((s) => ({ key, error, data: s.key === key ? s.data : undefined })),
    );
    return () => {
      alive = false;
    };
  }, [key, tick]);
  useEffect(() => {
    if (!live) return;
    const timer = setInterval(() => setTick((t) => t + 1), REFRESH_MS);
    return () => clearInterval(timer);
  }, [live, key]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  // And at once when the server says the facts changed.
  useRiskChanges(live, reload);
  // An answer to another question (another school, another instant) is not shown as this one's.
  const current = state.key === key;
  return { data: current ? state.data : undefined, error: current ? state.error : undefined, reload };
}
