import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../test/harness.js";

describe("GraphQL hardening in production mode", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi("pglite", { production: true });
  });
  afterAll(() => api?.close());

  it("should refuse introspection", async () => {
    const res = await api.gql(`{ __schema { types { name } } }`);
    expect(res.data ?? null).toBeNull();
    expect(res.errors![0].extensions.code).toBe("BAD_USER_INPUT");
    expect(res.errors![0].message).toMatch(/introspection/i);
  });

  it("should refuse batched requests", async () => {
    const res = await fetch(`${api.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${api.adminToken}` },
      body: JSON.stringify([{ query: "{ me { id } }" }, { query: "{ me { id } }" }]),
    });
    expect(res.status).toBe(400);
  });

  it("should still answer ordinary queries", async () => {
    const res = await api.gql(`{ me { role } }`);
    expect(res.data!.me.role).toBe("DISTRICT_ADMIN");
  });
});
