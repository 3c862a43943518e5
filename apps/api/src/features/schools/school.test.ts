import { testDbKinds } from "@gradewatch/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildFixture, type Fixture } from "../../test/fixtures.js";
import { startTestApi, type TestApi } from "../../test/harness.js";

describe.each(testDbKinds())("schools on %s", (kind) => {
  let api: TestApi;
  let f: Fixture;
  beforeAll(async () => {
    api = await startTestApi(kind);
    f = await buildFixture(api.database.db);
  });
  afterAll(() => api?.close());

  const LIST = `query($page: Int, $perPage: Int, $sortField: String, $sortOrder: SortOrder, $filter: SchoolFilter) {
    schools(page: $page, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder, filter: $filter) {
      total items { id name locationCode level esc { code } principal { fullName } }
    }
  }`;

  it("should list schools sorted by name with their ESC, principal and a total", async () => {
    const res = await api.gql(LIST, {});
    expect(res.errors).toBeUndefined();
    expect(res.data!.schools.total).toBe(3);
    expect(res.data!.schools.items.map((s: { name: string }) => s.name)).toEqual([
      "Elm Street Elementary",
      "Oak Avenue Elementary",
      "Valley Senior High",
    ]);
    expect(res.data!.schools.items[0]).toMatchObject({ esc: { code: "NORTH" }, principal: { fullName: "Pat Rivera" } });
    expect(res.data!.schools.items[1].principal).toBeNull();
  });

  it("should filter by ESC, level and name search, and page and sort descending", async () => {
    const byEsc = await api.gql(LIST, { filter: { escId: String(f.escs.north) } });
    expect(byEsc.data!.schools.items.map((s: { locationCode: string }) => s.locationCode).sort()).toEqual(["1001", "8001"]);
    const byLevel = await api.gql(LIST, { filter: { level: "HIGH" } });
    expect(byLevel.data!.schools).toMatchObject({ total: 1, items: [{ name: "Valley Senior High" }] });
    const search = await api.gql(LIST, { filter: { q: "oak" } });
    expect(search.data!.schools.items.map((s: { name: string }) => s.name)).toEqual(["Oak Avenue Elementary"]);
    const literalPercent = await api.gql(LIST, { filter: { q: "%" } });
    expect(literalPercent.data!.schools.total).toBe(0);
    const page2 = await api.gql(LIST, { page: 2, perPage: 2, sortField: "locationCode", sortOrder: "DESC" });
    expect(page2.data!.schools).toMatchObject({ total: 3, items: [{ locationCode: "1001" }] });
  });

  it("should create, update and delete a school, and refuse a duplicate location code with CONFLICT", async () => {
    const created = await api.gql(
      `mutation($input: SchoolCreateInput!) { createSchool(input: $input) { id name level esc { code } } }`,
      { input: { locationCode: "2001", name: "  Birch Middle School ", level: "MIDDLE", escId: String(f.escs.east) } },
    );
    expect(created.errors).toBeUndefined();
    expect(created.data!.createSchool).toMatchObject({ name: "Birch Middle School", level: "MIDDLE", esc: { code: "EAST" } });
    const id = created.data!.createSchool.id;

    const dup = await api.gql(`mutation($input: SchoolCreateInput!) { createSchool(input: $input) { id } }`, {
      input: { locationCode: "2001", name: "Copy", level: "MIDDLE", escId: String(f.escs.east) },
    });
    expect(dup.errors![0]).toMatchObject({ extensions: { code: "CONFLICT" }, message: "Another record already has this locationCode (2001)" });

    const updated = await api.gql(`mutation($id: ID!) { updateSchool(id: $id, input: { enrollment: 640 }) { enrollment name } }`, { id });
    expect(updated.data!.updateSchool).toEqual({ enrollment: 640, name: "Birch Middle School" });

    const deleted = await api.gql(`mutation($id: ID!) { deleteSchool(id: $id) { id } }`, { id });
    expect(deleted.data!.deleteSchool.id).toBe(id);
    const gone = await api.gql(`query($id: ID!) { school(id: $id) { id } }`, { id });
    expect(gone.errors![0]).toMatchObject({ message: `School ${id} not found`, extensions: { code: "NOT_FOUND" } });
  });

  it("should refuse to delete a school that still has students, with CONFLICT and nothing deleted", async () => {
    const res = await api.gql(`mutation($id: ID!) { deleteSchool(id: $id) { id } }`, { id: String(f.schools.oak) });
    expect(res.errors![0].extensions.code).toBe("CONFLICT");
    expect(res.errors![0].message).toMatch(/still referenced/);
    const still = await api.gql(`query($id: ID!) { school(id: $id) { name } }`, { id: String(f.schools.oak) });
    expect(still.data!.school.name).toBe("Oak Avenue Elementary");
  });

  it("should reject invalid input with every reason and write nothing", async () => {
    const res = await api.gql(`mutation($input: SchoolCreateInput!) { createSchool(input: $input) { id } }`, {
      input: { locationCode: "12", name: "X", level: "ELEMENTARY", escId: String(f.escs.north), enrollment: -5 },
    });
    expect(res.errors![0].extensions.code).toBe("BAD_USER_INPUT");
    expect(res.errors![0].message).toContain("locationCode must be 4 digits");
    expect(res.errors![0].message).toContain("name must be 2 to 120 characters");
    expect(res.errors![0].message).toContain("enrollment cannot be negative");
    const unknownEsc = await api.gql(`mutation($input: SchoolCreateInput!) { createSchool(input: $input) { id } }`, {
      input: { locationCode: "3001", name: "Nowhere Elementary", level: "ELEMENTARY", escId: "999999" },
    });
    expect(unknownEsc.errors![0]).toMatchObject({ message: "escId 999999 does not exist", extensions: { code: "BAD_USER_INPUT" } });
    const count = await api.gql(`{ schools { total } }`);
    expect(count.data!.schools.total).toBe(3);
  });
});
