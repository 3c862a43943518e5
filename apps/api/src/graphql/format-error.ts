import { unwrapResolverError } from "@apollo/server/errors";
import type { GraphQLFormattedError } from "graphql";
import { GraphQLError } from "graphql";
import { ArgumentValidationError } from "type-graphql";
import { ERROR_CODES, type ErrorCode } from "./errors.js";

const KNOWN = new Set<string>(ERROR_CODES);
// Apollo's own request errors describe the client's mistake; they are safe to show as bad input.
const CLIENT_MISTAKES = new Set([
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_USER_INPUT",
  "BAD_REQUEST",
  "OPERATION_RESOLUTION_FAILURE",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
]);

const INTERNAL_MESSAGE = "Internal server error";

function validationMessage(err: ArgumentValidationError): { message: string; fields: Record<string, string[]> } {
  const fields: Record<string, string[]> = {};
  const walk = (errors: ArgumentValidationError["extensions"]["validationErrors"], prefix: string) => {
    for (const e of errors) {
      const name = `${prefix}${e.property}`;
      if (e.constraints) fields[name] = Object.values(e.constraints);
      if (e.children?.length) walk(e.children as never, `${name}.`);
    }
  };
  walk(err.extensions.validationErrors, "");
  const messages = Object.values(fields).flat();
  return { message: messages.length ? messages.join("; ") : "Invalid input", fields };
}

// graphql-js suggests enum values and field names ("Did you mean the enum value "X"?") in coercion and
// validation messages: with introspection off that would still reveal the schema.
const withoutSuggestions = (message: string) => message.replace(/\s*Did you mean [^?]*\?/g, "");

/** Every error leaves with a code from the closed set; anything unexpected is masked as INTERNAL. */
export function formatError(formatted: GraphQLFormattedError, error: unknown, production = false): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const path = formatted.path;
  const code = (c: ErrorCode, message: string, extra: Record<string, unknown> = {}): GraphQLFormattedError => ({
    message: production ? withoutSuggestions(message) : message,
    ...(path ? { path } : {}),
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    extensions: { ...extra, code: c },
  });
  if (original instanceof ArgumentValidationError) {
    const { message, fields } = validationMessage(original);
    return code("BAD_USER_INPUT", message, { fields });
  }
  if (original instanceof GraphQLError && !original.originalError) {
    const c = String(original.extensions?.code ?? formatted.extensions?.code ?? "");
    if (c === "UNAUTHORIZED") return code("FORBIDDEN", "Your role may not do this");
    if (KNOWN.has(c)) {
      const { code: _c, stacktrace: _s, http: _h, ...rest } = (original.extensions ?? {}) as Record<string, unknown>;
      return code(c as ErrorCode, original.message, rest);
    }
    if (CLIENT_MISTAKES.has(c) || c === "") return code("BAD_USER_INPUT", original.message);
  }
  const fc = String(formatted.extensions?.code ?? "");
  if (CLIENT_MISTAKES.has(fc)) return code("BAD_USER_INPUT", formatted.message);
  return code("INTERNAL", INTERNAL_MESSAGE);
}

/** formatError for a production server: no schema hints in messages. */
export const productionFormatError = (formatted: GraphQLFormattedError, error: unknown) => formatError(formatted, error, true);
