import { testDbKinds } from "@gradewatch/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildFixture, type Fixture } from "../../test/fixtures.js";
import { startTestApi, TEST_PASSWORD, type TestApi } from "../../test/harness.js";

describe.each(testDbKinds())("signing out everywhere on %s", (kind) => {
  let api: TestApi;
  let f: Fixture;
  beforeAll(async () => {
    api = await startTestApi(kind);
    f = await buildFixture(api.database.db);
  });
  afterAll(() => api?.close());

  const post = (route: string, token: string | null, body?: unknown) =>
    fetch(`${api.url}${route}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
  const signIn = async (email: string, password: string) => post("/auth/sign-in", null, { email, password });
  const signedIn = async (token: string) => (await api.gqlAs(token, `{ me { id } }`)).errors?.[0]?.extensions.code ?? "SIGNED_IN";

  it("should end every session of the employee, on every device, and no one else's", async () => {
    const laptop = await api.tokenFor(f.teachers.elm);
    const phone = await api.tokenFor(f.teachers.elm);
    const colleague = await api.tokenFor(f.principals.elm);
    const res = await post("/auth/sign-out-everywhere", phone);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ signedOut: true, sessions: 2 });
    expect(res.headers.get("set-cookie")).toMatch(/^gw_session=;/);
    expect(await signedIn(laptop)).toBe("UNAUTHENTICATED");
    expect(await signedIn(phone)).toBe("UNAUTHENTICATED");
    expect(await signedIn(colleague)).toBe("SIGNED_IN");
  });

  it("should answer 401 without a session", async () => {
    const res = await post("/auth/sign-out-everywhere", null);
    expect(res.status).toBe(401);
  });

  it("should keep every session and the password when the current password is wrong", async () => {
    const laptop = await api.tokenFor(f.teachers.oak);
    const res = await post("/auth/password", laptop, { currentPassword: "not the password", newPassword: "a brand new passphrase" });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { errors: { message: string }[] }).errors[0]!.message).toBe("The current password is wrong");
    expect(await signedIn(laptop)).toBe("SIGNED_IN");
    expect((await signIn("olga@oak.test", TEST_PASSWORD)).status).toBe(200);
  });

  it("should refuse a new password that is too short and change nothing", async () => {
    const laptop = await api.tokenFor(f.teachers.oak);
    const res = await post("/auth/password", laptop, { currentPassword: TEST_PASSWORD, newPassword: "short" });
    expect(res.status).toBe(400);
    expect(await signedIn(laptop)).toBe("SIGNED_IN");
  });

  it("should sign the employee out everywhere on a password change and carry on in a fresh session", async () => {
    const laptop = await api.tokenFor(f.principals.elm);
    const phone = (await (await signIn("pat@elm.test", TEST_PASSWORD)).json()) as { token: string };
    const res = await post("/auth/password", laptop, { currentPassword: TEST_PASSWORD, newPassword: "a brand new passphrase" });
    expect(res.status).toBe(200);
    const fresh = (await res.json()) as { token: string };
    expect(await signedIn(laptop)).toBe("UNAUTHENTICATED");
    expect(await signedIn(phone.token)).toBe("UNAUTHENTICATED");
    expect(await signedIn(fresh.token)).toBe("SIGNED_IN");
    expect((await signIn("pat@elm.test", TEST_PASSWORD)).status).toBe(401);
    expect((await signIn("pat@elm.test", "a brand new passphrase")).status).toBe(200);
  });
});
