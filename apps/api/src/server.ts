import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ApolloServer, type ApolloServerPlugin, HeaderMap } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloArmor } from "@escape.tech/graphql-armor";
import type { Db, DbKind } from "@gradewatch/db";
import { OperationTypeNode } from "graphql";
import express, { type ErrorRequestHandler, type Request, type Response } from "express";
import type { Actor } from "./access/actor.js";
import { assertRowLevelSecurity, inActorTransaction } from "./access/request-scope.js";
import type { Clock } from "./clock.js";
import {
  authenticate,
  type AuthConfig,
  changePassword,
  SESSION_COOKIE,
  type SignInResult,
  signIn,
  signOut,
  signOutEverywhere,
  verifiedSessionId,
} from "./features/auth/auth.service.js";
import { type Context, createContext } from "./graphql/context.js";
import { AppError, parseId } from "./graphql/errors.js";
import { sectionMarksCsv } from "./features/marks/mark-export.service.js";
import { compensationRoutes } from "./features/compensation/compensation.routes.js";
import { riskEvents } from "./features/risk/risk.events.js";
import { formatError, productionFormatError } from "./graphql/format-error.js";
import { requestGuards } from "./graphql/request-guards.js";
import { getSchema } from "./graphql/schema.js";
import { type Logger, logger as defaultLogger } from "./logger.js";

export const BODY_LIMIT = "256kb";
export const MAX_TOKENS = 2_000;
const defaultDashboardDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../dashboard/dist");

export interface ServerDeps {
  db: Db;
  dbKind: DbKind;
  clock: Clock;
  auth: AuthConfig;
  logger?: Logger;
  dashboardDir?: string;
  production?: boolean;
  /** Row-level security on (the default); off only to measure its cost. */
  rls?: boolean;
  /** How often the risk views' change stream looks at the stamp, and its heartbeat (tests shorten them). */
  riskEvents?: { intervalMs?: number; heartbeatMs?: number; maxAgeMs?: number };
}

/** Thrown out of a request's transaction to roll it back; the answer is sent all the same. */
class RolledBack extends Error {
  override name = "RolledBack";
  constructor(readonly response: { status: number; headers: HeaderMap; body: string }) {
    super("The request met an error: its transaction was rolled back");
  }
}

// The real cause of a masked error goes to the log, tied to the request id the client sees. A request that
// met any error is rolled back (`failed`): a mutation document commits all of its fields or none.
function errorResponses(logger: Logger, failed: WeakSet<object>): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const err of errors) {
            const code = err.extensions?.code;
            if (!code || code === "INTERNAL_SERVER_ERROR") {
              logger.error({ requestId: contextValue.requestId, err: err.originalError ?? err }, "request failed");
            }
          }
        },
        async willSendResponse({ response, contextValue, operation }) {
          if (response.body.kind !== "single") return;
          const result = response.body.singleResult;
          if (!result.errors?.length) return;
          // Apollo hands plugins a shallow copy of the context: mark the request by its transaction.
          failed.add(contextValue.db);
          // What a field answered before another failed was rolled back with it: show none of it.
          const mutation = operation?.operation === OperationTypeNode.MUTATION;
          if (mutation && "data" in result) result.data = null;
          for (const err of result.errors) {
            if (mutation) (err.extensions as Record<string, unknown>).saved = false;
            if (err.extensions?.code === "INTERNAL") (err.extensions as Record<string, unknown>).requestId = contextValue.requestId;
            if (err.extensions?.code === "MAINTENANCE") {
              response.http.status = 503;
              response.http.headers.set("retry-after", String(err.extensions.retryAfter ?? 60));
            }
          }
        },
      };
    },
  };
}

const errorBody = (code: string, message: string, extra: Record<string, unknown> = {}) => ({
  errors: [{ message, extensions: { ...extra, code } }],
});

const bodyErrors: ErrorRequestHandler = (err, _req, res, next) => {
  const type = (err as { type?: string }).type;
  if (type === "entity.too.large") return res.status(413).json(errorBody("BAD_USER_INPUT", `Request body is larger than ${BODY_LIMIT}`));
  if (type === "entity.parse.failed") return res.status(400).json(errorBody("BAD_USER_INPUT", "Request body is not valid JSON"));
  if (type === "charset.unsupported") return res.status(415).json(errorBody("BAD_USER_INPUT", "Send the body as UTF-8 JSON (charset=utf-8)"));
  if (type === "encoding.unsupported") {
    return res.status(415).json(errorBody("BAD_USER_INPUT", "Unsupported content-encoding: send identity, gzip, deflate or br"));
  }
  // A body that does not decode as its content-encoding says (gzip named on a plain body, say).
  const status = (err as { status?: number }).status;
  if (status && status >= 400 && status < 500) return res.status(400).json(errorBody("BAD_USER_INPUT", "Request body could not be read as sent"));
  next(err);
};

function cookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? "").split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return decodeURIComponent(v.join("="));
  }
  return undefined;
}

function tokenOf(req: Request): string | undefined {
  const bearer = /^Bearer (.+)$/i.exec(req.headers.authorization ?? "")?.[1];
  return bearer ?? cookie(req, SESSION_COOKIE);
}

// Decided once per request, so the id in a masked error is the one its real cause was logged under.
const requestIdOf = (req: Request, res: Response): string =>
  ((res.locals as { requestId?: string }).requestId ??= String(req.headers["x-request-id"] ?? "").slice(0, 64) || crypto.randomUUID());

export async function createServer(deps: ServerDeps) {
  const logger = deps.logger ?? defaultLogger;
  const rls = deps.rls ?? true;
  if (rls) await assertRowLevelSecurity(deps.db);
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", "loopback");
  const httpServer = http.createServer(app);
  const failed = new WeakSet<object>();
  const armor = new ApolloArmor({
    maxDepth: { n: 8 },
    maxAliases: { n: 15 },
    maxDirectives: { n: 20 },
    // armor's token limit re-parses in a plugin hook, turning syntax errors into 500s; graphql-js's own limit does not.
    maxTokens: { enabled: false },
    costLimit: { maxCost: 5_000 },
    blockFieldSuggestion: { enabled: true },
  }).protect();
  const apollo = new ApolloServer<Context>({
    schema: await getSchema(),
    formatError: deps.production ? productionFormatError : formatError,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: true,
    introspection: !deps.production,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // main.ts owns shutdown: it also closes the database after the server drains.
    stopOnTerminationSignals: false,
    parseOptions: { maxTokens: MAX_TOKENS },
    validationRules: armor.validationRules,
    plugins: [
      ...(armor.plugins as ApolloServerPlugin<Context>[]),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      requestGuards<Context>(),
      errorResponses(logger, failed),
      // No field sets a cache hint: Apollo's default cache-control plugin would only wrap every field resolved.
      ApolloServerPluginCacheControlDisabled(),
    ],
  });
  await apollo.start();

  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok", database: deps.dbKind, now: deps.clock.now().toISOString(), simulatedClock: deps.clock.simulated });
  });

  const setSessionCookie = (req: Request, res: Response, result: SignInResult) =>
    res.cookie(SESSION_COOKIE, result.token, {
      httpOnly: true,
      sameSite: "strict",
      secure: deps.production && req.secure,
      path: "/",
      expires: new Date(Date.now() + (result.expiresAt.getTime() - deps.clock.now().getTime())),
    });

  app.post("/auth/sign-in", express.json({ limit: "8kb" }), async (req: Request, res: Response) => {
    const { email, password } = (req.body ?? {}) as { email?: unknown; password?: unknown };
    if (typeof email !== "string" || typeof password !== "string" || !email || !password || email.length > 200 || password.length > 200) {
      return res.status(400).json(errorBody("BAD_USER_INPUT", "Send a JSON body with an email and a password"));
    }
    try {
      const result = await signIn(deps.db, deps.clock, deps.auth, { email, password, address: req.ip ?? "unknown" });
      setSessionCookie(req, res, result);
      res.json({ token: result.token, expiresAt: result.expiresAt.toISOString(), employeeId: String(result.actor.id), role: result.actor.role });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      const code = String(err.extensions.code);
      if (code === "RATE_LIMITED") res.set("Retry-After", String(err.extensions.retryAfter));
      res.status(code === "RATE_LIMITED" ? 429 : 401).json(errorBody(code, err.message));
    }
  });

  app.post("/auth/sign-out", async (req: Request, res: Response) => {
    const actor = await authenticate(deps.db, deps.clock, deps.auth, tokenOf(req));
    if (actor) await signOut(deps.db, deps.clock, actor);
    res.clearCookie(SESSION_COOKIE, { path: "/" }).json({ signedOut: true });
  });

  // Ends every session of the signed-in employee, on every device.
  app.post("/auth/sign-out-everywhere", async (req: Request, res: Response) => {
    const actor = await authenticate(deps.db, deps.clock, deps.auth, tokenOf(req));
    if (!actor) return res.status(401).json(errorBody("UNAUTHENTICATED", "Sign in to continue"));
    const sessions = await signOutEverywhere(deps.db, deps.clock, actor.id);
    res.clearCookie(SESSION_COOKIE, { path: "/" }).json({ signedOut: true, sessions });
  });

  // A new password ends every session; the caller carries on in a fresh one.
  app.post("/auth/password", express.json({ limit: "8kb" }), async (req: Request, res: Response) => {
    const actor = await authenticate(deps.db, deps.clock, deps.auth, tokenOf(req));
    if (!actor) return res.status(401).json(errorBody("UNAUTHENTICATED", "Sign in to continue"));
    const { currentPassword, newPassword } = (req.body ?? {}) as { currentPassword?: unknown; newPassword?: unknown };
    if (typeof currentPassword !== "string" || typeof newPassword !== "string" || currentPassword.length > 200) {
      return res.status(400).json(errorBody("BAD_USER_INPUT", "Send a JSON body with currentPassword and newPassword"));
    }
    try {
      const result = await changePassword(deps.db, deps.clock, deps.auth, actor, { currentPassword, newPassword });
      setSessionCookie(req, res, result);
      res.json({ token: result.token, expiresAt: result.expiresAt.toISOString() });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      const code = String(err.extensions.code);
      res.status(code === "FORBIDDEN" ? 403 : 400).json(errorBody(code, err.message));
    }
  });

  // The teacher's backup record: a section's marks as CSV, under the same scope and row-level security.
  app.get("/exports/sections/:id/marks.csv", async (req: Request, res: Response) => {
    const actor = await authenticate(deps.db, deps.clock, deps.auth, tokenOf(req));
    if (!actor) return res.status(401).json(errorBody("UNAUTHENTICATED", "Sign in to continue"));
    try {
      const { filename, csv } = await inActorTransaction(deps.db, actor, (tx) => sectionMarksCsv(tx as unknown as Db, actor, parseId(String(req.params.id))), rls);
      res.set("Content-Type", "text/csv; charset=utf-8").set("Content-Disposition", `attachment; filename="${filename}"`).send(csv);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      const code = String(err.extensions.code);
      res.status(code === "NOT_FOUND" ? 404 : 400).json(errorBody(code, err.message));
    }
  });

  app.use(compensationRoutes({ db: deps.db, rls, actorOf: (req) => authenticate(deps.db, deps.clock, deps.auth, tokenOf(req)) }));
  // Open risk views hear of changes here and ask again at once (they poll every 30 s besides).
  const events = riskEvents({ db: deps.db, actorOf: (req) => authenticate(deps.db, deps.clock, deps.auth, tokenOf(req)), ...deps.riskEvents });
  app.use(events.router);

  app.use("/graphql", express.json({ limit: BODY_LIMIT }), async (req: Request, res: Response) => {
    const requestId = requestIdOf(req, res);
    // The token is checked here; the session behind it is looked up in the request's first statement.
    const sessionId = verifiedSessionId(deps.clock, deps.auth, tokenOf(req));
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
    }
    // A mutation's maintenance check rides on the statement that sets the request's identity. Only a
    // mutation document contains the word; a query that happens to is just checked for nothing.
    const query = (req.body as { query?: unknown } | undefined)?.query;
    const maintenanceAt = typeof query === "string" && /\bmutation\b/.test(query) ? deps.clock.now() : undefined;
    // The response is written only after the request's transaction has committed, or rolled back when
    // anything in it failed.
    const response = await inActorTransaction(
      deps.db,
      null,
      async (tx, frame) => {
        const actor: Actor | null = frame.actor ?? null;
        const result = await apollo.executeHTTPGraphQLRequest({
          httpGraphQLRequest: { method: req.method.toUpperCase(), headers, search: new URL(req.url, "http://x").search, body: req.body },
          context: async () => createContext({ db: tx, dbKind: deps.dbKind, clock: deps.clock, actor }, requestId, frame.maintenance),
        });
        let body = "";
        if (result.body.kind === "complete") body = result.body.string;
        else for await (const chunk of result.body.asyncIterator) body += chunk;
        const response = { status: result.status ?? 200, headers: result.headers, body };
        if (failed.has(tx)) throw new RolledBack(response);
        return response;
      },
      rls,
      { maintenanceAt, ...(sessionId ? { session: { id: sessionId, now: deps.clock.now() } } : {}) },
    ).catch((err: unknown) => {
      if (err instanceof RolledBack) return err.response;
      throw err;
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.status(response.status).send(response.body);
  });
  app.use(bodyErrors);

  const dashboardDir = deps.dashboardDir ?? defaultDashboardDir;
  if (fs.existsSync(path.join(dashboardDir, "index.html"))) {
    app.use(express.static(dashboardDir, { index: false, maxAge: "1h" }));
    // Client-side routes all load the single page.
    app.get(/^\/(?!graphql|healthz|auth\/|exports\/|events\/).*/, (_req, res) => {
      res.set("Cache-Control", "no-cache").sendFile(path.join(dashboardDir, "index.html"));
    });
  } else {
    app.get("/", (_req, res) => {
      res.type("text").send("Gradewatch API. The dashboard is not built: run `pnpm build` (or `npm start`).");
    });
  }
  app.use(((err, req, res, _next) => {
    const requestId = requestIdOf(req, res);
    logger.error({ requestId, err }, "request failed");
    if (!res.headersSent) res.status(500).json(errorBody("INTERNAL", "Internal server error", { requestId }));
  }) as ErrorRequestHandler);

  return {
    app,
    httpServer,
    listen(port: number, host = "0.0.0.0") {
      return new Promise<number>((resolve, reject) => {
        httpServer.once("error", reject);
        httpServer.listen(port, host, () => {
          const address = httpServer.address();
          resolve(typeof address === "object" && address ? address.port : port);
        });
      });
    },
    async stop() {
      events.close();
      await apollo.stop();
      if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}
