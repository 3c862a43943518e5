import type { Db, DbKind } from "@gradewatch/db";
import type { Actor } from "../access/actor.js";
import type { MaintenanceSnapshot } from "../access/request-scope.js";
import type { Clock } from "../clock.js";
import { createLoaders, type Loaders } from "./loaders.js";

export interface Context {
  db: Db;
  dbKind: DbKind;
  clock: Clock;
  actor: Actor | null;
  loaders: Loaders;
  requestId: string;
  /** The maintenance state read when the request's transaction began (mutations only). */
  maintenance?: MaintenanceSnapshot;
}

export interface SignedInContext extends Context {
  actor: Actor;
}

export function createContext(
  deps: { db: Db; dbKind: DbKind; clock: Clock; actor: Actor | null },
  requestId: string,
  maintenance?: MaintenanceSnapshot,
): Context {
  return { ...deps, loaders: createLoaders(deps.db, deps.actor), requestId, ...(maintenance ? { maintenance } : {}) };
}
