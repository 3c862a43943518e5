import { gzipSync } from "node:zlib";
import { testDbKinds } from "@gradewatch/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fingerprint } from "../test/fingerprint.js";
import { buildFixture, type Fixture } from "../test/fixtures.js";
import { startTestApi, type TestApi } from "../test/harness.js";

describe.each(testDbKinds())("bad input gets a clear error, and a mutation document is all or nothing, on %s", (kind) => {
  let api: TestApi;
  let f: Fixture;
  beforeAll(async () => {
    api = await startTestApi(kind, { production: true });
    f = await buildFixture(api.database.db);
  });
  afterAll(() => api?.close());

  const outage = (description: string) =>
    `createOutage(input: { kind: UNPLANNED, startsAt: "2014-11-04T22:00:00Z", endsAt: "2014-11-05T00:00:00Z", description: "${description}" }) { id }`;
  const outageCount = async () => (await api.gql(`{ outages { total } }`)).data!.outages.total as number;
  const post = (body: string | Buffer, headers: Record<string, string>) =>
    fetch(`${api.url}/graphql`, { method: "POST", headers: { authorization: `Bearer ${api.adminToken}`, ...headers }, body });
  const saveItem = (operationId: string, value: string, baseVersion: number | null = 1) => ({
    operationId,
    studentId: String(f.students.ana),
    sectionId: String(f.sections.elm),
    gradingItemId: String(f.items.reading),
    periodId: String(f.period),
    value,
    baseVersion,
  });
  const SAVE = `mutation($items: [SaveMarkInput!]!) { saveMarks(items: $items) { status code reason } }`;

  it("should save nothing and say so when the second mutation of a document is refused", async () => {
    const before = await fingerprint(api.database.db);
    const res = await api.gql(`mutation { first: ${outage("Power cut")} second: deleteOutage(id: "999999") { id } }`);
    expect(res.data ?? null).toBeNull();
    expect(res.errors).toEqual([expect.objectContaining({ message: "Outage 999999 not found", path: ["second"], extensions: { code: "NOT_FOUND", saved: false } })]);
    expect(await outageCount()).toBe(0);
    expect(await fingerprint(api.database.db)).toEqual(before);
  });

  it("should save every mutation of a document when all of them succeed", async () => {
    const res = await api.gql(`mutation { first: ${outage("Power cut")} second: ${outage("Network cut")} }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.first.id).not.toBe(res.data!.second.id);
    expect(await outageCount()).toBe(2);
  });

  it.each([
    ["an Int at the top of its range in a filter", `{ students(filter: { gradeLevel: 2147483647 }) { total } }`, /gradeLevel must be 0/],
    [
      "a version at the top of the Int range",
      `mutation { restoreMark(markId: "1", baseVersion: 2147483647, version: 2147483647, operationId: "op-restore-1") { status } }`,
      /version must not be greater than 2147483646/,
    ],
    ["sorting by __proto__", `{ schools(sortField: "__proto__") { total } }`, /Cannot sort by "__proto__"/],
    ["sorting by constructor", `{ students(sortField: "constructor") { total } }`, /Cannot sort by "constructor"/],
  ])("should answer %s with BAD_USER_INPUT", async (_label, query, message) => {
    const res = await api.gql(query);
    expect(res.status).toBeLessThan(500);
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0]).toMatchObject({ message: expect.stringMatching(message), extensions: { code: "BAD_USER_INPUT" } });
  });

  it("should answer a baseVersion at the top of the Int range with BAD_USER_INPUT and leave the mark as it was", async () => {
    const res = await api.gql(SAVE, { items: [saveItem("op-top-version", "4", 2147483647)] });
    expect(res.errors![0]).toMatchObject({ message: "baseVersion must be at most 2147483646", extensions: { code: "BAD_USER_INPUT", saved: false } });
    const marks = await api.gql(`{ marks { items { value version } } }`);
    expect(marks.data!.marks.items).toEqual([{ value: "3", version: 1 }]);
  });

  it.each([
    ["a search text", `query($q: String) { students(filter: { q: $q }) { total } }`, { q: "An\u0000a" }],
    ["a search text written in the query", `{ students(filter: { q: "An\\u0000a" }) { total } }`, {}],
  ])("should refuse a NUL character in %s with BAD_USER_INPUT", async (_label, query, variables) => {
    const res = await api.gql(query, variables);
    expect(res.status).toBe(400);
    expect(res.errors).toEqual([{ message: "Text may not contain the NUL character (U+0000)", extensions: { code: "BAD_USER_INPUT" } }]);
  });

  it("should refuse a NUL character in a mark value and leave the mark as it was", async () => {
    const res = await api.gql(SAVE, { items: [saveItem("op-nul-value", "4\u0000")] });
    expect(res.status).toBe(400);
    expect(res.errors![0]).toMatchObject({ message: "Text may not contain the NUL character (U+0000)", extensions: { code: "BAD_USER_INPUT" } });
    const marks = await api.gql(`{ marks { items { value version } } }`);
    expect(marks.data!.marks.items).toEqual([{ value: "3", version: 1 }]);
  });

  it("should answer a filter given as null as if it were left out", async () => {
    const res = await api.gql(`{ schools(filter: null, sortField: null) { total } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.schools.total).toBe(3);
  });

  it("should refuse a subscription with BAD_USER_INPUT", async () => {
    const res = await api.gql(`subscription { me { id } }`);
    expect(res.status).toBe(400);
    expect(res.errors).toEqual([{ message: "Subscriptions are not supported: send a query or a mutation", extensions: { code: "BAD_USER_INPUT" } }]);
  });

  it("should not suggest enum values, which would reveal the schema", async () => {
    const res = await api.gql(`query($level: SchoolLevel) { schools(filter: { level: $level }) { total } }`, { level: "ELEMENTARI" });
    expect(res.errors![0].extensions.code).toBe("BAD_USER_INPUT");
    expect(res.errors![0].message).toMatch(/ELEMENTARI/);
    expect(JSON.stringify(res)).not.toMatch(/Did you mean|ELEMENTARY/);
  });

  it("should answer a body in another charset than UTF-8 with 415", async () => {
    const res = await post(JSON.stringify({ query: "{ me { id } }" }), { "content-type": "application/json; charset=latin-1" });
    expect(res.status).toBe(415);
    expect(await res.json()).toEqual({ errors: [{ message: "Send the body as UTF-8 JSON (charset=utf-8)", extensions: { code: "BAD_USER_INPUT" } }] });
  });

  it("should answer content-encoding gzip on a plain body with 400, and still read a body that is gzipped", async () => {
    const body = JSON.stringify({ query: "{ me { role } }" });
    const plain = await post(body, { "content-type": "application/json", "content-encoding": "gzip" });
    expect(plain.status).toBe(400);
    expect(await plain.json()).toEqual({ errors: [{ message: "Request body could not be read as sent", extensions: { code: "BAD_USER_INPUT" } }] });
    const gzipped = await post(gzipSync(body), { "content-type": "application/json", "content-encoding": "gzip" });
    expect(await gzipped.json()).toEqual({ data: { me: { role: "DISTRICT_ADMIN" } } });
  });

  it("should answer an unknown content-encoding with 415", async () => {
    const res = await post(JSON.stringify({ query: "{ me { id } }" }), { "content-type": "application/json", "content-encoding": "snappy" });
    expect(res.status).toBe(415);
    expect(((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe("BAD_USER_INPUT");
  });
});
