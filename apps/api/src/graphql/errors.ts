import { GraphQLError } from "graphql";

/** The closed set of error codes a client may see. Every error leaving the API carries one of these. */
export const ERROR_CODES = [
  "BAD_USER_INPUT",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT",
  "DEADLINE_PASSED",
  "MAINTENANCE",
  "RATE_LIMITED",
  "INTERNAL",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
  }
}

export const badInput = (message: string, extensions?: Record<string, unknown>) =>
  new AppError("BAD_USER_INPUT", message, extensions);
export const forbidden = (message: string) => new AppError("FORBIDDEN", message);
export const notFound = (what: string, id: string | number) => new AppError("NOT_FOUND", `${what} ${id} not found`);
export const conflict = (message: string) => new AppError("CONFLICT", message);

interface PgLikeError {
  code?: string;
  detail?: string;
  constraint?: string;
  message?: string;
}

function pgErrorOf(err: unknown): PgLikeError | undefined {
  for (let e = err as { cause?: unknown } | undefined, depth = 0; e && depth < 4; e = e.cause as never, depth++) {
    const code = (e as PgLikeError).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return e as PgLikeError;
  }
  return undefined;
}

const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** Maps constraint violations to client errors; anything else is rethrown to be masked as INTERNAL. */
export function translateDbError(err: unknown): never {
  const pgErr = pgErrorOf(err);
  if (pgErr) {
    const detail = pgErr.detail ?? "";
    const key = /Key \(([^)]+)\)=\(([^)]*)\)/.exec(detail);
    const field = key ? key[1]!.split(", ").map(camel).join(", ") : undefined;
    switch (pgErr.code) {
      case "23505":
        throw conflict(field ? `Another record already has this ${field} (${key![2]})` : "Duplicate record");
      case "23503":
        if (/is still referenced/.test(detail)) {
          const table = /table "([^"]+)"/.exec(detail)?.[1];
          throw conflict(`This record is still referenced${table ? ` by ${table.replace(/_/g, " ")} records` : ""}; remove those first`);
        }
        throw badInput(field ? `${field} ${key![2]} does not exist` : "A referenced record does not exist");
      case "23514":
        throw badInput(`Invalid value: violates rule ${pgErr.constraint ?? "check"}`);
      case "23502":
        throw badInput("A required value is missing");
      case "22001":
      case "22003":
      case "22007":
      case "22008":
      case "22P02":
        throw badInput("A value is out of range or malformed");
    }
  }
  throw err;
}

export function parseId(raw: string, what = "id"): number {
  if (!/^[1-9][0-9]{0,9}$/.test(raw) || Number(raw) > 2_147_483_647) {
    throw badInput(`Invalid ${what} "${raw.slice(0, 40)}": expected a positive integer id`);
  }
  return Number(raw);
}

type Savepointable = { transaction<T>(fn: (tx: unknown) => Promise<T>): Promise<T> };

/**
 * Runs a write in its own savepoint: a constraint violation becomes a clear client error and leaves the
 * request's transaction usable, with nothing of the failed write applied.
 */
export async function write<D extends Savepointable, T>(db: D, fn: (tx: D) => Promise<T>): Promise<T> {
  try {
    return await db.transaction((tx) => fn(tx as D));
  } catch (err) {
    translateDbError(err);
  }
}
