import type { Db, DbKind } from "@gradewatch/db";
import type { Clock } from "../clock.js";
import { createLoaders, type Loaders } from "./loaders.js";

export interface Context {
  db: Db;
  dbKind: DbKind;
  clock: Clock;
  loaders: Loaders;
  requestId: string;
}

export function createContext(deps: { db: Db; dbKind: DbKind; clock: Clock }, requestId: string): Context {
  return { ...deps, loaders: createLoaders(deps.db), requestId };
}
