import { type ComponentType, lazy } from "react";

/** A page whose code loads the first time it opens, so the first screen carries only what it shows (react-admin's layout holds the Suspense). */
export const lazyPage = <M extends Record<K, ComponentType>, K extends keyof M & string>(load: () => Promise<M>, name: K) =>
  lazy(async () => ({ default: (await load())[name] }));
