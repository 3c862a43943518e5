import crypto from "node:crypto";
import { and, count, eq, gt, isNull, lt, or } from "drizzle-orm";
import { SignJWT } from "jose";
import type { Db } from "@gradewatch/db";
import { districtSetting, employee, session, signInFailure } from "@gradewatch/db/schema";
import type { Actor } from "../../access/actor.js";
import type { Clock } from "../../clock.js";
import { AppError } from "../../graphql/errors.js";
import { hashPassword, verifyPassword } from "./password.js";

export const SESSION_COOKIE = "gw_session";
export const SESSION_HOURS = 10;
const FAILURE_WINDOW_MS = 15 * 60_000;
/** Failures (per account or per address, in the window) after which each attempt is slowed... */
export const SLOW_AFTER = 3;
/** ...and after which attempts are refused outright until the window passes. */
export const REFUSE_AFTER = 10;

export interface AuthConfig {
  secret: Uint8Array;
  slowDownMs: number;
}

/** SESSION_SECRET, or one generated once and kept in the database so restarts keep sessions. */
export async function resolveSessionSecret(db: Db, clock: Clock, fromEnv: string | undefined): Promise<Uint8Array> {
  if (fromEnv) {
    if (fromEnv.length < 32) throw new Error("SESSION_SECRET must be at least 32 characters");
    return new TextEncoder().encode(fromEnv);
  }
  const candidate = crypto.randomBytes(32).toString("base64");
  await db.insert(districtSetting).values({ key: "session_secret", value: candidate, updatedAt: clock.now() }).onConflictDoNothing();
  const [row] = await db.select().from(districtSetting).where(eq(districtSetting.key, "session_secret"));
  return new TextEncoder().encode(row!.value);
}

const rateLimited = (retryAfterSeconds: number) =>
  new AppError("RATE_LIMITED", `Too many failed sign-ins. Try again in ${Math.ceil(retryAfterSeconds / 60)} minutes.`, {
    retryAfter: retryAfterSeconds,
  });

export interface SignInResult {
  token: string;
  expiresAt: Date;
  actor: Actor;
}

export async function signIn(
  db: Db,
  clock: Clock,
  config: AuthConfig,
  input: { email: string; password: string; address: string },
): Promise<SignInResult> {
  const email = input.email.trim().toLowerCase();
  const now = clock.now();
  const since = new Date(now.getTime() - FAILURE_WINDOW_MS);
  await db.delete(signInFailure).where(lt(signInFailure.failedAt, since));
  // The attempt is recorded as a failure before it is counted or checked, so concurrent guesses see each
  // other: of N parallel attempts, the one recorded last sees all earlier ones, and at most REFUSE_AFTER
  // reach the password check. A correct password clears the record below; a refused attempt removes its own.
  const [attempt] = await db.insert(signInFailure).values({ email, address: input.address, failedAt: now }).returning({ id: signInFailure.id });
  const [{ n } = { n: 0 }] = await db
    .select({ n: count() })
    .from(signInFailure)
    .where(and(gt(signInFailure.failedAt, since), or(eq(signInFailure.email, email), eq(signInFailure.address, input.address))));
  const failures = Number(n) - 1;
  if (failures >= REFUSE_AFTER) {
    await db.delete(signInFailure).where(eq(signInFailure.id, attempt!.id));
    throw rateLimited(FAILURE_WINDOW_MS / 1000);
  }
  if (failures >= SLOW_AFTER) await new Promise((r) => setTimeout(r, config.slowDownMs * (failures - SLOW_AFTER + 1)));

  const [account] = await db.select().from(employee).where(eq(employee.email, email));
  const ok = await verifyPassword(input.password, account?.passwordHash ?? null);
  if (!account || !ok || !account.active) {
    throw new AppError("UNAUTHENTICATED", account && ok ? "This account is disabled" : "Wrong email or password");
  }
  await db.delete(signInFailure).where(eq(signInFailure.email, email));
  return startSession(db, clock, config, account);
}

async function startSession(db: Db, clock: Clock, config: AuthConfig, account: Omit<Actor, "sessionId">): Promise<SignInResult> {
  const now = clock.now();
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000);
  const [row] = await db.insert(session).values({ employeeId: account.id, createdAt: now, expiresAt }).returning();
  const token = await new SignJWT({ sid: row!.id })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(String(account.id))
    .setIssuedAt(Math.floor(now.getTime() / 1000))
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(config.secret);
  return {
    token,
    expiresAt,
    actor: { id: account.id, role: account.role, schoolId: account.schoolId, escId: account.escId, sessionId: row!.id },
  };
}

// The signing key as node:crypto holds it, made once per secret.
const hmacKeys = new WeakMap<Uint8Array, crypto.KeyObject>();
function hmacKey(secret: Uint8Array): crypto.KeyObject {
  let key = hmacKeys.get(secret);
  if (!key) {
    key = crypto.createSecretKey(secret);
    hmacKeys.set(secret, key);
  }
  return key;
}

const decodeJson = (part: string): unknown => JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * The session id a valid, unexpired token carries; no database access. The checks jose's jwtVerify makes
 * on the HS256 tokens startSession signs (algorithm, signature, exp/nbf/iat against the clock), with
 * node:crypto's HMAC: it runs on every request, and WebCrypto's verify costs ~0.3 ms to HMAC's ~0.04 ms.
 */
export function verifiedSessionId(clock: Clock, config: AuthConfig, token: string | undefined): string | null {
  if (!token) return null;
  const parts = token.split(".");
  if (parts.length !== 3) return null;
  const [header, payload, signature] = parts as [string, string, string];
  const expected = Buffer.from(crypto.createHmac("sha256", hmacKey(config.secret)).update(`${header}.${payload}`).digest("base64url"));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null;
  let protectedHeader: unknown;
  let claims: unknown;
  try {
    protectedHeader = decodeJson(header);
    claims = decodeJson(payload);
  } catch {
    return null;
  }
  // Only the algorithm the server signs with; a critical extension it does not know makes a token invalid.
  if (!isRecord(protectedHeader) || protectedHeader.alg !== "HS256" || protectedHeader.crit !== undefined || !isRecord(claims)) return null;
  const now = Math.floor(clock.now().getTime() / 1000);
  const { exp, nbf, iat, sid } = claims;
  if (exp !== undefined && (typeof exp !== "number" || exp <= now)) return null;
  if (nbf !== undefined && (typeof nbf !== "number" || nbf > now)) return null;
  if (iat !== undefined && typeof iat !== "number") return null;
  return typeof sid === "string" && /^[0-9a-f-]{36}$/.test(sid) ? sid : null;
}

/** The actor for a token, or null when it is missing, forged, expired, signed out or its account disabled. */
export async function authenticate(db: Db, clock: Clock, config: AuthConfig, token: string | undefined): Promise<Actor | null> {
  const sid = verifiedSessionId(clock, config, token);
  if (!sid) return null;
  const [row] = await db
    .select({ id: employee.id, role: employee.role, schoolId: employee.schoolId, escId: employee.escId })
    .from(session)
    .innerJoin(employee, eq(employee.id, session.employeeId))
    .where(and(eq(session.id, sid), isNull(session.revokedAt), gt(session.expiresAt, clock.now()), eq(employee.active, true)));
  return row ? { ...row, sessionId: sid } : null;
}

export async function signOut(db: Db, clock: Clock, actor: Actor): Promise<void> {
  await db.update(session).set({ revokedAt: clock.now() }).where(eq(session.id, actor.sessionId));
}

/** Ends every live session of the employee, on every device; answers how many. */
export async function signOutEverywhere(db: Db, clock: Clock, employeeId: number): Promise<number> {
  const ended = await db
    .update(session)
    .set({ revokedAt: clock.now() })
    .where(and(eq(session.employeeId, employeeId), isNull(session.revokedAt)))
    .returning({ id: session.id });
  return ended.length;
}

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 200;

/**
 * Sets a new password after checking the current one. Every session of the employee ends (whoever learnt
 * the old password is signed out everywhere); the caller carries on in the fresh session returned.
 */
export async function changePassword(
  db: Db,
  clock: Clock,
  config: AuthConfig,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
): Promise<SignInResult> {
  const [account] = await db.select().from(employee).where(eq(employee.id, actor.id));
  if (!account || !(await verifyPassword(input.currentPassword, account.passwordHash))) {
    throw new AppError("FORBIDDEN", "The current password is wrong");
  }
  if (input.newPassword.length < PASSWORD_MIN || input.newPassword.length > PASSWORD_MAX) {
    throw new AppError("BAD_USER_INPUT", `The new password must be ${PASSWORD_MIN} to ${PASSWORD_MAX} characters`);
  }
  await db.update(employee).set({ passwordHash: await hashPassword(input.newPassword) }).where(eq(employee.id, actor.id));
  await signOutEverywhere(db, clock, actor.id);
  return startSession(db, clock, config, account);
}
