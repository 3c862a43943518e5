import crypto from "node:crypto";
import { SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { fixedClock } from "../../clock.js";
import { verifiedSessionId } from "./auth.service.js";

// The token check on every request, without jose: what jose's jwtVerify accepted, and only that.
describe("the session token check", () => {
  const secret = new TextEncoder().encode("token-test-secret-token-test-secret");
  const config = { secret, slowDownMs: 0 };
  const sid = "581752e2-d2ef-4979-b466-b6074f1a7be2";
  const issued = new Date("2014-11-05T16:00:00Z");
  const at = (hoursLater: number) => fixedClock(new Date(issued.getTime() + hoursLater * 3600_000));
  const sign = (claims: Record<string, unknown> = { sid }, header: Record<string, unknown> = { alg: "HS256" }, key = secret) =>
    new SignJWT(claims)
      .setProtectedHeader(header as { alg: string })
      .setIssuedAt(issued.getTime() / 1000)
      .setExpirationTime(issued.getTime() / 1000 + 10 * 3600)
      .sign(key);

  // jose will not sign what it would not accept (a critical extension): sign such a token by hand.
  const handSigned = (header: Record<string, unknown>, claims: Record<string, unknown>) => {
    const input = [header, claims].map((part) => Buffer.from(JSON.stringify(part)).toString("base64url")).join(".");
    return `${input}.${crypto.createHmac("sha256", secret).update(input).digest("base64url")}`;
  };

  it("should give the session id when the token is signed with the secret and unexpired", async () => {
    expect(verifiedSessionId(at(1), config, await sign())).toBe(sid);
  });

  it("should refuse the token when it has expired", async () => {
    expect(verifiedSessionId(at(10), config, await sign())).toBeNull();
  });

  it("should refuse the token when it is not yet valid", async () => {
    expect(verifiedSessionId(at(1), config, await sign({ sid, nbf: issued.getTime() / 1000 + 2 * 3600 }))).toBeNull();
  });

  it("should refuse the token when another secret signed it", async () => {
    expect(verifiedSessionId(at(1), config, await sign({ sid }, { alg: "HS256" }, new TextEncoder().encode("another-secret-another-secret-another")))).toBeNull();
  });

  it("should refuse the token when its claims were changed after signing", async () => {
    const [header, , signature] = (await sign()).split(".");
    const payload = Buffer.from(JSON.stringify({ sid: "00000000-0000-0000-0000-000000000000", exp: 2e9 })).toString("base64url");
    expect(verifiedSessionId(at(1), config, `${header}.${payload}.${signature}`)).toBeNull();
  });

  it("should refuse the token when it names another algorithm or a critical extension", async () => {
    expect(verifiedSessionId(at(1), config, await sign({ sid }, { alg: "HS512" }))).toBeNull();
    expect(verifiedSessionId(at(1), config, handSigned({ alg: "HS256" }, { sid }))).toBe(sid);
    expect(verifiedSessionId(at(1), config, handSigned({ alg: "HS256", crit: ["x"], x: 1 }, { sid }))).toBeNull();
    const unsigned = `${Buffer.from(JSON.stringify({ alg: "none" })).toString("base64url")}.${Buffer.from(JSON.stringify({ sid })).toString("base64url")}.`;
    expect(verifiedSessionId(at(1), config, unsigned)).toBeNull();
  });

  it("should refuse the token when it is missing, malformed or carries no session id", async () => {
    expect(verifiedSessionId(at(1), config, undefined)).toBeNull();
    expect(verifiedSessionId(at(1), config, "not.a-token")).toBeNull();
    expect(verifiedSessionId(at(1), config, await sign({ sid: "x" }))).toBeNull();
  });
});
