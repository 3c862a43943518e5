import { useCallback } from "react";
import { useSearchParams } from "react-router-dom";

/** A path carrying the "as of" instant, so moving between risk views keeps the moment being looked at. */
export const withAsOf = (path: string, asOf: string | null | undefined) => (asOf ? `${path}?asOf=${encodeURIComponent(asOf)}` : path);

/** The page's "as of" instant, kept in the address (?asOf=...): null is the present. */
export function useAsOfParam(): [string | null, (asOf: string | null) => void] {
  const [params, setParams] = useSearchParams();
  const asOf = params.get("asOf");
  const set = useCallback(
    (next: string | null) =>
      setParams(
        (p) => {
          const out = new URLSearchParams(p);
          if (next) out.set("asOf", next);
          else out.delete("asOf");
          return out;
        },
        { replace: true },
      ),
    [setParams],
  );
  return [asOf, set];
}
