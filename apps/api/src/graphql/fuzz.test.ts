import { testDbKinds } from "@gradewatch/db/testing";
import fc from "fast-check";
import {
  GraphQLEnumType,
  type GraphQLField,
  GraphQLInputObjectType,
  type GraphQLInputType,
  GraphQLObjectType,
  GraphQLScalarType,
  getNamedType,
  isListType,
  isNonNullType,
} from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAccessFixture } from "../test/access-fixture.js";
import { fingerprint } from "../test/fingerprint.js";
import { startTestApi, type TestApi } from "../test/harness.js";
import { rootFieldsOf } from "../test/schema-samples.js";
import { getSchema } from "./schema.js";

const fields = rootFieldsOf(await getSchema());
const RUNS_PER_FIELD = 8;
const REFUSALS = ["BAD_USER_INPUT", "NOT_FOUND", "FORBIDDEN", "UNAUTHENTICATED"];

// A well-formed value of the type, so that the one malformed argument is what the request is judged on.
const SAMPLES: Record<string, unknown> = { ID: "1", String: "sample", Int: 1, Float: 1, Boolean: true, LocalDate: "2014-11-03", DateTimeISO: "2014-11-03T08:00:00Z" };
function sample(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sample(type.ofType);
  if (isListType(type)) return [sample(type.ofType)];
  if (type instanceof GraphQLEnumType) return type.getValues()[0]!.name;
  if (type instanceof GraphQLScalarType) {
    if (!(type.name in SAMPLES)) throw new Error(`add a sample for scalar ${type.name}`);
    return SAMPLES[type.name];
  }
  const required = Object.values((type as GraphQLInputObjectType).getFields()).filter((f) => isNonNullType(f.type) && f.defaultValue === undefined);
  return Object.fromEntries(required.map((f) => [f.name, sample(f.type)]));
}

const NUL = fc.string({ maxLength: 20 }).map((s) => `${s}\u0000${s}`);
// Past the 256 kB body limit.
const HUGE_TEXT = fc.constant("x".repeat(300_000));
const JUNK_OBJECT = fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.jsonValue({ maxDepth: 3 }), { minKeys: 1, maxKeys: 4 });
const NOT_AN_INT = fc.oneof(
  fc.constantFrom(2 ** 31, -(2 ** 31) - 1, 2 ** 53, 1e300, -1e300, 1.5),
  fc.double({ noNaN: true, noDefaultInfinity: true }).filter((d) => !Number.isInteger(d)),
);

/** A value no resolver may accept for the type: the request must be refused. */
function malformed(type: GraphQLInputType, depth = 0): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return fc.oneof(fc.constant(null), malformed(type.ofType, depth));
  if (isListType(type)) return fc.oneof(malformed(type.ofType, depth).map((v) => [v]), JUNK_OBJECT);
  if (type instanceof GraphQLEnumType) {
    const names = new Set(type.getValues().map((v) => v.name));
    return fc.oneof(fc.string({ maxLength: 30 }).filter((s) => !names.has(s)), fc.integer(), JUNK_OBJECT, NUL);
  }
  if (type instanceof GraphQLScalarType) {
    switch (type.name) {
      case "Int":
        return fc.oneof(NOT_AN_INT, fc.string({ maxLength: 10 }), fc.boolean(), JUNK_OBJECT);
      case "Float":
        return fc.oneof(fc.string({ maxLength: 10 }), fc.boolean(), JUNK_OBJECT);
      case "Boolean":
        return fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), JUNK_OBJECT);
      case "String":
        return fc.oneof(fc.integer(), fc.boolean(), JUNK_OBJECT, NUL, HUGE_TEXT);
      case "ID":
        // Finite only: JSON writes Infinity as null, which a nullable ID rightly accepts.
        return fc.oneof(fc.boolean(), fc.double({ noNaN: true, noDefaultInfinity: true }).filter((d) => !Number.isInteger(d)), JUNK_OBJECT, NUL, HUGE_TEXT);
      default:
        return fc.oneof(fc.constantFrom("not a date", "2014-13-45", "2014-11-03T25:61:00Z", ""), fc.integer(), fc.boolean(), JUNK_OBJECT, NUL);
    }
  }
  const input = type as GraphQLInputObjectType;
  const base = sample(input) as Record<string, unknown>;
  const inputFields = Object.values(input.getFields());
  const nested =
    depth < 3
      ? fc.constantFrom(...inputFields).chain((f) => malformed(f.type, depth + 1).map((v) => ({ ...base, [f.name]: v })))
      : fc.constant({ ...base, [inputFields[0]!.name]: JUNK_OBJECT });
  const unknownField = fc.string({ minLength: 1, maxLength: 12 }).filter((k) => /^[A-Za-z_]\w*$/.test(k) && !(k in input.getFields()));
  return fc.oneof(nested, unknownField.map((k) => ({ ...base, [k]: 1 })), fc.string({ maxLength: 10 }), fc.integer());
}

/** Where a value can go in a field's arguments: every argument, input field and list item, three levels deep. */
interface Leaf {
  steps: { key: string | number; type: GraphQLInputType }[];
}
function leavesOf(type: GraphQLInputType, steps: Leaf["steps"], depth: number): Leaf[] {
  const inner = isNonNullType(type) ? type.ofType : type;
  const here = { steps };
  if (isListType(inner)) return [here, ...leavesOf(inner.ofType, [...steps, { key: 0, type: inner.ofType }], depth)];
  if (inner instanceof GraphQLInputObjectType && depth < 3) {
    return [here, ...Object.values(inner.getFields()).flatMap((f) => leavesOf(f.type, [...steps, { key: f.name, type: f.type }], depth + 1))];
  }
  return [here];
}
const typeOf = (leaf: Leaf) => leaf.steps[leaf.steps.length - 1]!.type;
const scalarName = (type: GraphQLInputType) => {
  const inner = isNonNullType(type) ? type.ofType : type;
  return inner instanceof GraphQLScalarType ? inner.name : undefined;
};

// A copy of the variables with the value put at the leaf; what is missing on the way is filled in well-formed.
function setAt(variables: Record<string, unknown>, leaf: Leaf, value: unknown): Record<string, unknown> {
  const root = structuredClone(variables);
  let node = root as Record<string | number, unknown>;
  leaf.steps.forEach(({ key, type }, i) => {
    if (i === leaf.steps.length - 1) node[key] = value;
    else {
      if (node[key] === null || typeof node[key] !== "object") node[key] = sample(type);
      node = node[key] as Record<string | number, unknown>;
    }
  });
  return root;
}

// The same well-formed edge value everywhere a type goes: the answer may be anything but a server failure.
// NUL goes into every String: that one must be refused.
const EVERYWHERE: { name: string; type: string; value: unknown; refused: boolean }[] = [
  { name: "NUL in every String", type: "String", value: "A\u0000B", refused: true },
  { name: "the largest Int in every Int", type: "Int", value: 2_147_483_647, refused: false },
  { name: "the smallest Int in every Int", type: "Int", value: -2_147_483_648, refused: false },
  { name: "the largest id in every ID", type: "ID", value: "2147483647", refused: false },
  { name: "10,000 characters in every String", type: "String", value: "x".repeat(10_000), refused: false },
  { name: "SQL and LIKE syntax in every String", type: "String", value: "'; drop table mark; -- %_\\", refused: false },
];

interface Case {
  variables: Record<string, unknown>;
  /** What is malformed: the request must be refused. */
  malformed?: string;
}

function validVariables(field: GraphQLField<unknown, unknown>): Record<string, unknown> {
  return Object.fromEntries(field.args.filter((a) => isNonNullType(a.type)).map((a) => [a.name, sample(a.type)]));
}
function leavesOfField(field: GraphQLField<unknown, unknown>): Leaf[] {
  return field.args.flatMap((arg) => leavesOf(arg.type, [{ key: arg.name, type: arg.type }], 0));
}

/** Each value everywhere its type goes, once. */
function everywhereCases(field: GraphQLField<unknown, unknown>): (Case & { name: string })[] {
  const leaves = leavesOfField(field);
  return EVERYWHERE.flatMap(({ name, type, value, refused }) => {
    const targets = leaves.filter((leaf) => scalarName(typeOf(leaf)) === type);
    if (!targets.length) return [];
    const variables = targets.reduce((v, leaf) => setAt(v, leaf, value), validVariables(field));
    return [{ name, variables, ...(refused ? { malformed: name } : {}) }];
  });
}

/** One malformed value at one random place. */
function malformedCases(field: GraphQLField<unknown, unknown>): fc.Arbitrary<Case> {
  const leaves = leavesOfField(field);
  const valid = validVariables(field);
  return fc
    .constantFrom(...leaves)
    .chain((leaf) => malformed(typeOf(leaf)).map((v) => ({ variables: setAt(valid, leaf, v), malformed: leaf.steps.map((s) => s.key).join(".") })));
}

function documentOf(root: "Query" | "Mutation", field: GraphQLField<unknown, unknown>): string {
  const declared = field.args.map((a) => `$${a.name}: ${String(a.type)}`).join(", ");
  const args = field.args.map((a) => `${a.name}: $${a.name}`).join(", ");
  const selection = getNamedType(field.type) instanceof GraphQLObjectType ? " { __typename }" : "";
  return `${root === "Query" ? "query" : "mutation"}${declared ? `(${declared})` : ""} { ${field.name}${args ? `(${args})` : ""}${selection} }`;
}

describe.each(testDbKinds())("malformed arguments to every field on %s", (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(kind, { production: true });
    await buildAccessFixture(api.database.db);
  });
  afterAll(() => api?.close());

  async function judge(root: "Query" | "Mutation", query: string, { variables, malformed: what }: Case) {
    // Only a mutation may write; a query's transaction is rolled back on any error as well.
    const before = root === "Mutation" ? await fingerprint(api.database.db) : undefined;
    const res = await fetch(`${api.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${api.adminToken}` },
      body: JSON.stringify({ query, variables }),
    });
    const text = await res.text();
    const body = (text.startsWith("{") ? JSON.parse(text) : {}) as { errors?: { extensions?: { code?: string } }[] };
    const codes = (body.errors ?? []).map((e) => e.extensions?.code);
    const said = `${query} ${JSON.stringify(variables).slice(0, 200)} -> ${res.status} ${text.slice(0, 300)}`;
    expect(res.status, said).toBeLessThan(500);
    expect(codes, said).not.toContain("INTERNAL");
    if (what !== undefined) {
      expect(res.status >= 400 || codes.length > 0, `${what} was accepted: ${said}`).toBe(true);
      for (const code of codes) expect(REFUSALS, said).toContain(code);
    }
    if (before && (res.status >= 400 || codes.length > 0)) expect(await fingerprint(api.database.db), said).toEqual(before);
  }

  const withArgs = fields.filter((f) => f.field.args.length > 0);
  it.each(withArgs.map((f) => [f.key, f] as const))("%s refuses malformed input with a client error and changes nothing", async (_key, { root, field }) => {
    const query = documentOf(root, field);
    for (const c of everywhereCases(field)) await judge(root, query, c);
    await fc.assert(
      fc.asyncProperty(malformedCases(field), (c) => judge(root, query, c)),
      { numRuns: RUNS_PER_FIELD },
    );
  });
});
