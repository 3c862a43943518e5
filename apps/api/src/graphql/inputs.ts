import { parseId } from "./errors.js";

/** Drops keys whose value is undefined, so a partial update only touches what the caller sent. */
export function definedOnly<T extends Record<string, unknown>>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** undefined = leave as is, null = clear, otherwise a parsed id. */
export function optionalId(raw: string | null | undefined, what: string): number | null | undefined {
  if (raw === undefined || raw === null) return raw;
  return parseId(raw, what);
}
