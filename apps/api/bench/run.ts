// type-graphql needs the metadata polyfill before any decorated class loads, whatever a bench imports first.
import "reflect-metadata";

const benches: Record<string, () => Promise<unknown>> = {
  scope: () => import("./scope.js"),
  marks: () => import("./marks.js"),
  lists: () => import("./lists.js"),
  // The risk views against their floors (BENCH_RISK_URL), then the forecast's backtest (BENCH_RISK_URLS).
  risk: async () => {
    await import("./risk.js");
    await import("./risk-backtest.js");
  },
  "risk-views": () => import("./risk.js"),
  "risk-backtest": () => import("./risk-backtest.js"),
  compensation: () => import("./compensation.js"),
};

const name = process.argv[2];
if (!name || !benches[name]) {
  console.error(`usage: pnpm bench <${Object.keys(benches).join("|")}>`);
  process.exit(2);
}
// The lists bench compares servers as `npm start` runs them (graphql-js skips its development checks).
if (name === "lists") process.env.NODE_ENV ??= "production";
await benches[name]!();
