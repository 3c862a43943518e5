import { type GraphQLFieldResolver, type GraphQLSchema, isNonNullType } from "graphql";
import { parseId } from "./errors.js";

/** The highest version a client may name: one more change must still fit in the database's integer. */
export const MAX_VERSION = 2_147_483_646;

/** Drops keys whose value is undefined, so a partial update only touches what the caller sent. */
export function definedOnly<T extends Record<string, unknown>>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** undefined = leave as is, null = clear, otherwise a parsed id. */
export function optionalId(raw: string | null | undefined, what: string): number | null | undefined {
  if (raw === undefined || raw === null) return raw;
  return parseId(raw, what);
}

/**
 * A nullable argument of a Query or Mutation field sent as null (`schools(filter: null)`) means what
 * leaving it out means; services then see only undefined for "not given".
 */
export function nullArgumentsAsAbsent(schema: GraphQLSchema): GraphQLSchema {
  for (const type of [schema.getQueryType(), schema.getMutationType()]) {
    for (const field of Object.values(type?.getFields() ?? {})) {
      const resolve = field.resolve as GraphQLFieldResolver<unknown, unknown> | undefined;
      if (!resolve || field.args.every((arg) => isNonNullType(arg.type))) continue;
      field.resolve = (source, args: Record<string, unknown>, context, info) =>
        resolve(source, Object.fromEntries(Object.entries(args).filter(([, v]) => v !== null)), context, info);
    }
  }
  return schema;
}
