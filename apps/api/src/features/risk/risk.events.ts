import express, { type Request, type Response, type Router } from "express";
import type { Db } from "@gradewatch/db";
import { reachOf } from "@gradewatch/domain/policy";
import type { Actor } from "../../access/actor.js";
import { changeStamp } from "./risk-stamp.js";

const errorBody = (code: string, message: string) => ({ errors: [{ message, extensions: { code } }] });

export interface RiskEvents {
  router: Router;
  /** Ends every open stream (server shutdown). */
  close(): void;
}

/**
 * `GET /events/risk`: server-sent events telling open risk views that the facts changed (`event: change`),
 * so that they ask again at once rather than at their next 30 s poll. One watcher per API process reads
 * completion_change_seq every `intervalMs` while a view is connected and announces a new stamp only when no
 * change is in flight (changeStamp's `quiet`), so a view that asks on the event sees the change. Every process
 * watches the same database sequence: a save through one process reaches views connected to another. The
 * event carries no facts (each view asks through GraphQL, under its own scope), and a stream ends after
 * `maxAgeMs` so that the browser reconnects with its session checked again.
 *
 * Not LISTEN/NOTIFY: a NOTIFY takes a database-wide lock at commit, which would queue every concurrent save
 * of new marks behind one another; one cheap read a process every 2 s costs the saves nothing.
 */
export function riskEvents(deps: { db: Db; actorOf: (req: Request) => Promise<Actor | null>; intervalMs?: number; heartbeatMs?: number; maxAgeMs?: number }): RiskEvents {
  const intervalMs = deps.intervalMs ?? 2_000;
  const heartbeatMs = deps.heartbeatMs ?? 20_000;
  const maxAgeMs = deps.maxAgeMs ?? 10 * 60_000;
  const clients = new Set<Response>();
  let timer: NodeJS.Timeout | undefined;
  let last: string | undefined;
  let sinceBeat = 0;
  let busy = false;

  const broadcast = (chunk: string) => {
    for (const res of clients) res.write(chunk);
  };
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      const { stamp, quiet } = await changeStamp(deps.db);
      if (quiet && stamp !== last) {
        if (last !== undefined) broadcast(`event: change\ndata: ${stamp}\n\n`);
        last = stamp;
      }
    } catch {
      // The database is away for a moment: the views still poll every 30 s, and the next tick tries again.
    } finally {
      busy = false;
    }
    sinceBeat += intervalMs;
    if (sinceBeat >= heartbeatMs) {
      sinceBeat = 0;
      // A comment line: keeps proxies from closing an idle stream.
      broadcast(": ping\n\n");
    }
  };
  const watch = () => {
    if (!timer && clients.size > 0) {
      timer = setInterval(() => void tick(), intervalMs);
      timer.unref();
      void tick();
    }
  };
  const unwatch = () => {
    if (timer && clients.size === 0) {
      clearInterval(timer);
      timer = undefined;
    }
  };

  const router = express.Router();
  router.get("/events/risk", async (req: Request, res: Response) => {
    const actor = await deps.actorOf(req);
    if (!actor) return res.status(401).json(errorBody("UNAUTHENTICATED", "Sign in to continue"));
    if (reachOf(actor.role, "risk.read") === "none") return res.status(404).json(errorBody("NOT_FOUND", "No risk views for this role"));
    res.writeHead(200, { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-cache, no-transform", Connection: "keep-alive", "X-Accel-Buffering": "no" });
    // How long the browser waits before reconnecting after the stream ends.
    res.write("retry: 5000\n\n");
    clients.add(res);
    const expire = setTimeout(() => res.end(), maxAgeMs);
    expire.unref();
    req.on("close", () => {
      clearTimeout(expire);
      clients.delete(res);
      unwatch();
    });
    watch();
  });
  return {
    router,
    close() {
      for (const res of clients) res.end();
      clients.clear();
      unwatch();
    },
  };
}
