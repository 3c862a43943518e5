import { outage } from "@gradewatch/db/schema";
import { testDbKinds } from "@gradewatch/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAccessFixture, type AccessFixture } from "../../test/access-fixture.js";
import { startTestApi, type TestApi } from "../../test/harness.js";

/** An open `GET /events/risk` stream: the events read so far, and a wait for the next one of a name. */
async function openStream(url: string, token: string) {
  const controller = new AbortController();
  const res = await fetch(`${url}/events/risk`, { headers: { authorization: `Bearer ${token}` }, signal: controller.signal });
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/);
  const events: string[] = [];
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  const reading = (async () => {
    for (;;) {
      const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const name = /^event: (.+)$/m.exec(block)?.[1];
        if (name) events.push(name);
      }
    }
  })();
  return {
    events,
    count: (name: string) => events.filter((e) => e === name).length,
    close: async () => {
      controller.abort();
      await reading;
    },
  };
}

const waitFor = async (check: () => boolean, ms: number) => {
  const until = Date.now() + ms;
  while (!check() && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
  return check();
};

describe.each(testDbKinds())("risk change events on %s", (kind) => {
  let api: TestApi;
  let f: AccessFixture;
  let director: string;
  let hour = 0;
  // An outage recorded after the fact: one of the changes the risk facts are made of.
  const recordOutage = (db = api.database.db) =>
    db.insert(outage).values({ kind: "UNPLANNED", startsAt: new Date(Date.UTC(2014, 10, 20, hour)), endsAt: new Date(Date.UTC(2014, 10, 20, hour++, 30)), description: "Recorded after the fact" });

  beforeAll(async () => {
    api = await startTestApi(kind, { riskEvents: { intervalMs: 50, heartbeatMs: 60_000 } });
    f = await buildAccessFixture(api.database.db);
    director = await api.tokenFor(f.actors.ESC_DIRECTOR.id);
  }, 120_000);
  afterAll(() => api?.close());

  it("should refuse a stream to nobody signed in, and to a role without risk views, in words", async () => {
    const anonymous = await fetch(`${api.url}/events/risk`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({ errors: [{ message: "Sign in to continue", extensions: { code: "UNAUTHENTICATED" } }] });
    const teacher = await fetch(`${api.url}/events/risk`, { headers: { authorization: `Bearer ${await api.tokenFor(f.actors.TEACHER.id)}` } });
    expect(teacher.status).toBe(404);
  });

  it("should tell an open view that the facts changed once a change commits, and say nothing while none does", async () => {
    const stream = await openStream(api.url, director);
    try {
      // The watcher takes its first look: nothing has changed since.
      await new Promise((r) => setTimeout(r, 300));
      expect(stream.count("change")).toBe(0);
      await recordOutage();
      expect(await waitFor(() => stream.count("change") === 1, 5_000)).toBe(true);
      await new Promise((r) => setTimeout(r, 300));
      expect(stream.count("change")).toBe(1);
    } finally {
      await stream.close();
    }
  });

  // Two connections at once: a change held open in one while the watcher looks in another (PGlite has one).
  it.runIf(kind === "postgres")("should not announce a change still in flight: a view asking then would not see it", async () => {
    const stream = await openStream(api.url, director);
    try {
      await new Promise((r) => setTimeout(r, 300));
      let commit!: () => void;
      let recorded!: () => void;
      const ready = new Promise<void>((resolve) => (recorded = resolve));
      const go = new Promise<void>((resolve) => (commit = resolve));
      const writer = api.database.db.transaction(async (tx) => {
        await recordOutage(tx as unknown as typeof api.database.db);
        recorded();
        await go;
      });
      await ready;
      await new Promise((r) => setTimeout(r, 500));
      expect(stream.count("change")).toBe(0);
      commit();
      await writer;
      expect(await waitFor(() => stream.count("change") === 1, 5_000)).toBe(true);
    } finally {
      await stream.close();
    }
  });
});
