import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { expressMiddleware } from "@as-integrations/express5";
import { ApolloArmor } from "@escape.tech/graphql-armor";
import type { Db, DbKind } from "@gradewatch/db";
import express, { type ErrorRequestHandler } from "express";
import type { Clock } from "./clock.js";
import { type Context, createContext } from "./graphql/context.js";
import { formatError } from "./graphql/format-error.js";
import { getSchema } from "./graphql/schema.js";
import { type Logger, logger as defaultLogger } from "./logger.js";

export const BODY_LIMIT = "256kb";
export const MAX_TOKENS = 2_000;
const defaultDashboardDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../dashboard/dist");

export interface ServerDeps {
  db: Db;
  dbKind: DbKind;
  clock: Clock;
  logger?: Logger;
  dashboardDir?: string;
  production?: boolean;
}

// The real cause of a masked error goes to the log, tied to the request id the client sees.
function errorResponses(logger: Logger): ApolloServerPlugin<Context> {
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
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== "single") return;
          for (const err of response.body.singleResult.errors ?? []) {
            if (err.extensions?.code === "INTERNAL") (err.extensions as Record<string, unknown>).requestId = contextValue.requestId;
          }
        },
      };
    },
  };
}

const jsonError = (status: number, code: string, message: string) => ({ status, body: { errors: [{ message, extensions: { code } }] } });

const bodyErrors: ErrorRequestHandler = (err, _req, res, next) => {
  const type = (err as { type?: string }).type;
  const reply =
    type === "entity.too.large"
      ? jsonError(413, "BAD_USER_INPUT", `Request body is larger than ${BODY_LIMIT}`)
      : type === "entity.parse.failed"
        ? jsonError(400, "BAD_USER_INPUT", "Request body is not valid JSON")
        : undefined;
  if (!reply) return next(err);
  res.status(reply.status).json(reply.body);
};

export async function createServer(deps: ServerDeps) {
  const logger = deps.logger ?? defaultLogger;
  const app = express();
  app.disable("x-powered-by");
  const httpServer = http.createServer(app);
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
    formatError,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: true,
    introspection: !deps.production,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    parseOptions: { maxTokens: MAX_TOKENS },
    validationRules: armor.validationRules,
    plugins: [...armor.plugins, ApolloServerPluginDrainHttpServer({ httpServer }), errorResponses(logger)],
  });
  await apollo.start();

  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok", database: deps.dbKind, now: deps.clock.now().toISOString(), simulatedClock: deps.clock.simulated });
  });
  app.use(
    "/graphql",
    express.json({ limit: BODY_LIMIT }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const requestId = String(req.headers["x-request-id"] ?? "").slice(0, 64) || crypto.randomUUID();
        return createContext({ db: deps.db, dbKind: deps.dbKind, clock: deps.clock }, requestId);
      },
    }),
  );
  app.use(bodyErrors);

  const dashboardDir = deps.dashboardDir ?? defaultDashboardDir;
  if (fs.existsSync(path.join(dashboardDir, "index.html"))) {
    app.use(express.static(dashboardDir, { index: false, maxAge: "1h" }));
    // Client-side routes all load the single page.
    app.get(/^\/(?!graphql|healthz).*/, (_req, res) => {
      res.set("Cache-Control", "no-cache").sendFile(path.join(dashboardDir, "index.html"));
    });
  } else {
    app.get("/", (_req, res) => {
      res.type("text").send("Gradewatch API. The dashboard is not built: run `pnpm build` (or `npm start`).");
    });
  }

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
      await apollo.stop();
      if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}
