import { type CombinedError, createClient, fetchExchange } from "@urql/core";
import { HttpError } from "react-admin";
import { waitForSignInAgain } from "./session";

export const client = createClient({
  url: "/graphql",
  preferGetMethod: false,
  requestPolicy: "network-only",
  fetchOptions: { credentials: "include" },
  exchanges: [fetchExchange],
});

const STATUS: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  BAD_USER_INPUT: 400,
  DEADLINE_PASSED: 422,
  RATE_LIMITED: 429,
  MAINTENANCE: 503,
};

/** A GraphQL or network failure as react-admin's HttpError, carrying the server's message and code. */
export function toHttpError(error: CombinedError): HttpError {
  const first = error.graphQLErrors[0];
  if (first) {
    const code = String(first.extensions?.code ?? "INTERNAL");
    return new HttpError(first.message, STATUS[code] ?? 500, { code });
  }
  return new HttpError("The server cannot be reached. Check your connection and try again.", 0, { code: "NETWORK" });
}

export const isUnauthenticated = (error: CombinedError | undefined) =>
  (error?.response as Response | undefined)?.status === 401 || error?.graphQLErrors.some((e) => e.extensions?.code === "UNAUTHENTICATED");

export async function request<T>(query: string, variables: Record<string, unknown> = {}, mutation = false): Promise<T> {
  for (;;) {
    const result = mutation ? await client.mutation(query, variables).toPromise() : await client.query(query, variables).toPromise();
    // A request refused for want of a session did nothing on the server: after signing in again, send it again.
    if (isUnauthenticated(result.error) && (await waitForSignInAgain())) continue;
    if (result.error) throw toHttpError(result.error);
    return result.data as T;
  }
}
