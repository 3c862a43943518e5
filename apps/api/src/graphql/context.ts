import type { Db, DbKind } from "@gradewatch/db";
import type { Actor } from "../access/actor.js";
import type { Clock } from "../clock.js";
import { createLoaders, type Loaders } from "./loaders.js";

export interface Context {
  db: Db;
  dbKind: DbKind;
  clock: Clock;
  actor: Actor | null;
  loaders: Loaders;
  requestId: string;
}

export interface SignedInContext extends Context {
  actor: Actor;
}

export function createContext(deps: { db: Db; dbKind: DbKind; clock: Clock; actor: Actor | null }, requestId: string): Context {
  return { ...deps, loaders: createLoaders(deps.db, deps.actor), requestId };
}
