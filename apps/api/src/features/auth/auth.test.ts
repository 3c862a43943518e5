import { districtSetting, employee, session } from "@gradewatch/db/schema";
import { testDbKinds } from "@gradewatch/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Clock, fixedClock } from "../../clock.js";
import { buildFixture, type Fixture } from "../../test/fixtures.js";
import { startTestApi, TEST_PASSWORD, type TestApi } from "../../test/harness.js";
import { REFUSE_AFTER, resolveSessionSecret, SESSION_HOURS } from "./auth.service.js";

describe.each(testDbKinds())("sign-in and sessions on %s", (kind) => {
  let api: TestApi;
  let f: Fixture;
  let now = new Date("2014-11-05T16:00:00Z").getTime();
  const clock: Clock = { now: () => new Date(now), simulated: true };
  beforeAll(async () => {
    api = await startTestApi(kind, { clock });
    f = await buildFixture(api.database.db);
  });
  afterAll(() => api?.close());

  const signIn = (email: string, password: string, ip = "10.0.0.1") =>
    fetch(`${api.url}/auth/sign-in`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": ip },
      body: JSON.stringify({ email, password }),
    });

  it("should sign in with email and password, set an httpOnly SameSite cookie, and accept it", async () => {
    await api.tokenFor(f.principals.elm);
    const res = await signIn("PAT@elm.test", TEST_PASSWORD);
    expect(res.status).toBe(200);
    const setCookie = res.headers.get("set-cookie")!;
    expect(setCookie).toMatch(/^gw_session=[^;]+;/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    const me = await fetch(`${api.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: setCookie.split(";")[0]! },
      body: JSON.stringify({ query: "{ me { fullName role scope } }" }),
    });
    expect(((await me.json()) as any).data.me).toEqual({ fullName: "Pat Rivera", role: "PRINCIPAL", scope: "Elm Street Elementary" });
  });

  it("should stamp sessions and the generated session secret with the district's clock", async () => {
    const token = await api.tokenFor(f.teachers.elm);
    const { sid } = JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString()) as { sid: string };
    const [row] = await api.database.db.select({ createdAt: session.createdAt }).from(session).where(eq(session.id, sid));
    expect(row!.createdAt).toEqual(new Date(now));
    const at = new Date("2014-11-02T10:00:00Z");
    await resolveSessionSecret(api.database.db, fixedClock(at), undefined);
    const [secret] = await api.database.db.select({ updatedAt: districtSetting.updatedAt }).from(districtSetting).where(eq(districtSetting.key, "session_secret"));
    expect(secret!.updatedAt).toEqual(at);
  });

  it("should refuse a wrong password or unknown email with the same message", async () => {
    for (const [email, password] of [["pat@elm.test", "nope"], ["nobody@elm.test", "nope"]]) {
      const res = await signIn(email!, password!, "10.0.0.2");
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ errors: [{ message: "Wrong email or password", extensions: { code: "UNAUTHENTICATED" } }] });
    }
  });

  it("should answer a malformed sign-in body with BAD_USER_INPUT", async () => {
    const res = await fetch(`${api.url}/auth/sign-in`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: 1 }) });
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).errors[0].extensions.code).toBe("BAD_USER_INPUT");
  });

  it("should refuse a forged token", async () => {
    const res = await api.gqlAs("eyJhbGciOiJIUzI1NiJ9.eyJzaWQiOiJ4In0.forged", "{ me { id } }");
    expect(res.errors![0].extensions.code).toBe("UNAUTHENTICATED");
  });

  it("should end a session on sign-out", async () => {
    const token = await api.tokenFor(f.teachers.elm);
    expect((await api.gqlAs(token, "{ me { role } }")).data!.me.role).toBe("TEACHER");
    const out = await fetch(`${api.url}/auth/sign-out`, { method: "POST", headers: { authorization: `Bearer ${token}` } });
    expect(out.status).toBe(200);
    expect((await api.gqlAs(token, "{ me { role } }")).errors![0].extensions.code).toBe("UNAUTHENTICATED");
  });

  it("should refuse a disabled account on its next request", async () => {
    const token = await api.tokenFor(f.teachers.oak);
    expect((await api.gqlAs(token, "{ me { id } }")).errors).toBeUndefined();
    await api.database.db.update(employee).set({ active: false }).where(eq(employee.id, f.teachers.oak));
    expect((await api.gqlAs(token, "{ me { id } }")).errors![0].extensions.code).toBe("UNAUTHENTICATED");
    const again = await signIn("olga@oak.test", TEST_PASSWORD, "10.0.0.3");
    expect(again.status).toBe(401);
  });

  it(`should expire a session after ${SESSION_HOURS} hours`, async () => {
    const token = await api.tokenFor(f.principals.elm);
    now += (SESSION_HOURS - 1) * 3600_000;
    expect((await api.gqlAs(token, "{ me { id } }")).errors).toBeUndefined();
    now += 2 * 3600_000;
    expect((await api.gqlAs(token, "{ me { id } }")).errors![0]).toMatchObject({ message: "Sign in to continue", extensions: { code: "UNAUTHENTICATED" } });
  });

  it(`should refuse with 429 RATE_LIMITED after ${REFUSE_AFTER} failures for one account, even with the right password`, async () => {
    for (let i = 0; i < REFUSE_AFTER; i++) {
      expect((await signIn("terry@elm.test", `guess-${i}`, `10.1.0.${i}`)).status).toBe(401);
    }
    const res = await signIn("terry@elm.test", TEST_PASSWORD, "10.2.0.1");
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await res.json()) as any).errors[0]).toMatchObject({ extensions: { code: "RATE_LIMITED" } });
    now += 16 * 60_000;
    expect((await signIn("terry@elm.test", TEST_PASSWORD, "10.2.0.1")).status).toBe(200);
  });

  it("should let no more than the limit of parallel wrong guesses reach the password check", async () => {
    const guesses = await Promise.all(
      Array.from({ length: REFUSE_AFTER + 6 }, (_, i) => signIn("nobody-parallel@elm.test", `parallel-${i}`, `10.3.0.${i}`).then((r) => r.status)),
    );
    const checked = guesses.filter((s) => s === 401).length;
    expect(guesses.filter((s) => s !== 401 && s !== 429)).toEqual([]);
    expect(checked).toBeLessThanOrEqual(REFUSE_AFTER);
    expect(guesses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(6);
    // Whatever the interleaving, exactly REFUSE_AFTER wrong guesses in all are checked before refusal.
    let more = 0;
    while ((await signIn("nobody-parallel@elm.test", `after-${more}`, "10.3.1.1")).status === 401) more++;
    expect(checked + more).toBe(REFUSE_AFTER);
  });

  it(`should refuse one address after ${REFUSE_AFTER} failures across accounts`, async () => {
    for (let i = 0; i < REFUSE_AFTER; i++) await signIn(`someone${i}@elm.test`, "x", "10.9.9.9");
    expect((await signIn("pat@elm.test", TEST_PASSWORD, "10.9.9.9")).status).toBe(429);
    expect((await signIn("pat@elm.test", TEST_PASSWORD, "10.9.9.10")).status).toBe(200);
  });
});
