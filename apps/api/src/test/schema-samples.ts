import {
  getNamedType,
  GraphQLEnumType,
  type GraphQLField,
  type GraphQLInputType,
  GraphQLInputObjectType,
  GraphQLObjectType,
  GraphQLScalarType,
  type GraphQLSchema,
  isListType,
  isNonNullType,
} from "graphql";

export interface RootField {
  root: "Query" | "Mutation";
  field: GraphQLField<unknown, unknown>;
  key: string;
}

export const rootFieldsOf = (schema: GraphQLSchema): RootField[] =>
  (["Query", "Mutation"] as const).flatMap((root) =>
    Object.values((schema.getType(root) as GraphQLObjectType).getFields()).map((field) => ({ root, field, key: `${root}.${field.name}` })),
  );

const SAMPLE_SCALARS: Record<string, string> = {
  ID: `"1"`,
  String: `"x"`,
  Int: "1",
  Float: "1",
  Boolean: "true",
  LocalDate: `"2014-11-03"`,
  DateTimeISO: `"2014-11-03T08:00:00Z"`,
};

/** A literal of the type with every required field filled in, so that an operation passes GraphQL validation. */
export function sampleLiteral(type: GraphQLInputType): string {
  if (isNonNullType(type)) return sampleLiteral(type.ofType);
  if (isListType(type)) return `[${sampleLiteral(type.ofType)}]`;
  if (type instanceof GraphQLEnumType) return type.getValues()[0]!.name;
  if (type instanceof GraphQLScalarType) {
    const literal = SAMPLE_SCALARS[type.name];
    if (!literal) throw new Error(`add a sample literal for scalar ${type.name}`);
    return literal;
  }
  const fields = Object.values((type as GraphQLInputObjectType).getFields()).filter((f) => isNonNullType(f.type) && f.defaultValue === undefined);
  return `{ ${fields.map((f) => `${f.name}: ${sampleLiteral(f.type)}`).join(", ")} }`;
}

/** The field with its required arguments as sample literals and the smallest selection. */
export function sampleCall(field: GraphQLField<unknown, unknown>): string {
  const required = field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
  const args = required.length ? `(${required.map((a) => `${a.name}: ${sampleLiteral(a.type)}`).join(", ")})` : "";
  const selection = getNamedType(field.type) instanceof GraphQLObjectType ? " { __typename }" : "";
  return `${field.name}${args}${selection}`;
}
