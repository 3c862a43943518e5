import express, { type Request, type Response, type Router } from "express";
import type { Db } from "@gradewatch/db";
import { reachOf } from "@gradewatch/domain/policy";
import type { Actor } from "../../access/actor.js";
import { inActorTransaction } from "../../access/request-scope.js";
import { AppError, parseId } from "../../graphql/errors.js";
import { payPeriodFile } from "./compensation-export.service.js";

const errorBody = (code: string, message: string) => ({ errors: [{ message, extensions: { code } }] });

/** Payroll files of a closed pay period, for HR: the stored bytes, the same at every export. */
export function compensationRoutes(deps: { db: Db; rls: boolean; actorOf: (req: Request) => Promise<Actor | null> }): Router {
  const router = express.Router();
  router.get("/exports/pay-periods/:id/:kind.csv", async (req: Request, res: Response) => {
    const actor = await deps.actorOf(req);
    if (!actor) return res.status(401).json(errorBody("UNAUTHENTICATED", "Sign in to continue"));
    const kind = String(req.params.kind);
    if (kind !== "summary" && kind !== "detail") return res.status(404).json(errorBody("NOT_FOUND", "Ask for summary.csv or detail.csv"));
    if (reachOf(actor.role, "compensation.manage") === "none") return res.status(404).json(errorBody("NOT_FOUND", `Pay period ${String(req.params.id)} not found`));
    try {
      const { filename, csv } = await inActorTransaction(deps.db, actor, (tx) => payPeriodFile(tx as unknown as Db, parseId(String(req.params.id)), kind), deps.rls);
      res.set("Content-Type", "text/csv; charset=utf-8").set("Content-Disposition", `attachment; filename="${filename}"`).send(csv);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      const code = String(err.extensions.code);
      res.status(code === "NOT_FOUND" ? 404 : 400).json(errorBody(code, err.message));
    }
  });
  return router;
}
