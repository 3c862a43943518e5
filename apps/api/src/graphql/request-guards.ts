import type { ApolloServerPlugin } from "@apollo/server";
import { BREAK, type DocumentNode, OperationTypeNode, visit } from "graphql";
import { badInput } from "./errors.js";

// PostgreSQL text cannot hold U+0000: such a value would fail in SQL, deep inside a resolver.
const hasNul = (value: unknown): boolean => {
  if (typeof value === "string") return value.includes("\u0000");
  if (Array.isArray(value)) return value.some(hasNul);
  if (value && typeof value === "object") return Object.values(value).some(hasNul);
  return false;
};

function literalHasNul(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    StringValue(node) {
      if (node.value.includes("\u0000")) {
        found = true;
        return BREAK;
      }
      return undefined;
    },
  });
  return found;
}

const refused = (message: string) => badInput(message, { http: { status: 400 } });

/** Refuses, before anything runs, what the schema accepts but no resolver can handle. */
export function requestGuards<C extends object>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, request }) {
          if (operation?.operation === OperationTypeNode.SUBSCRIPTION) throw refused("Subscriptions are not supported: send a query or a mutation");
          if (hasNul(request.variables) || literalHasNul(document)) throw refused("Text may not contain the NUL character (U+0000)");
        },
      };
    },
  };
}
