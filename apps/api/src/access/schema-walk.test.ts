import { getNamedType, GraphQLObjectType, isNonNullType } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getSchema } from "../graphql/schema.js";
import { startTestApi, type TestApi } from "../test/harness.js";
import { matrix } from "./matrix.js";

const schema = await getSchema();
const rootFields = (["Query", "Mutation"] as const).flatMap((root) =>
  Object.values((schema.getType(root) as GraphQLObjectType).getFields()).map((field) => ({ root, field, key: `${root}.${field.name}` })),
);

describe("every Query and Mutation field has an access rule", () => {
  it.each(rootFields.map((f) => f.key))("%s names its rule in matrix.json", (key) => {
    expect(matrix.fields[key], `add "${key}" to apps/api/src/access/matrix.json "fields"`).toBeDefined();
  });

  it("should not keep rules for fields that no longer exist", () => {
    expect(Object.keys(matrix.fields).sort()).toEqual(rootFields.map((f) => f.key).sort());
  });
});

describe("without signing in", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi("pglite");
  });
  afterAll(() => api?.close());

  const queries = rootFields.filter((f) => f.root === "Query");
  it.each(queries.map((q) => [q.key, q] as const))("%s answers only if public", async (_key, { key, field }) => {
    const required = field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
    const args = required.length ? `(${required.map((a) => `${a.name}: "1"`).join(", ")})` : "";
    const selection = getNamedType(field.type) instanceof GraphQLObjectType ? " { __typename }" : "";
    const res = await api.gqlAs(null, `{ ${field.name}${args}${selection} }`);
    if (matrix.fields[key] === "public") {
      expect(res.errors).toBeUndefined();
    } else {
      expect(res.data?.[field.name] ?? null).toBeNull();
      expect(res.errors![0]).toMatchObject({ message: "Sign in to continue", extensions: { code: "UNAUTHENTICATED" } });
    }
  });
});
