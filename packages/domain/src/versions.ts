export type VersionCheck<S> = { ok: true } | { ok: false; status: "CONFLICT"; current: S } | { ok: false; status: "NOT_FOUND" };

/**
 * Optimistic concurrency: the expected version must be the stored one, and null (or none) expects nothing
 * stored yet. Otherwise CONFLICT carrying the current state, or NOT_FOUND when a version was expected of
 * something never stored.
 */
export function expectVersion<S extends { version: number }>(current: S | null | undefined, expected: number | null | undefined): VersionCheck<S> {
  if (!current) return expected ? { ok: false, status: "NOT_FOUND" } : { ok: true };
  return (expected ?? 0) === current.version ? { ok: true } : { ok: false, status: "CONFLICT", current };
}
