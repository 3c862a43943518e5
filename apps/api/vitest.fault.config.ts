import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

export default defineConfig({
  // graphql 16 has no "exports" map: Node loads its CommonJS build for Apollo and type-graphql, so our
  // own imports must load the same copy or `instanceof GraphQLError` and schema printing break.
  resolve: { alias: [{ find: /^graphql$/, replacement: require.resolve("graphql") }] },
  test: {
    pool: "forks",
    maxWorkers: 1,
    testTimeout: 240_000,
    hookTimeout: 180_000,
    include: ["fault/**/*.fault.test.ts"],
    // type-graphql decorators need the metadata polyfill before any feature module loads.
    setupFiles: ["reflect-metadata"],
  },
});
