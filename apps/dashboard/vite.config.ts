import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const api = "http://127.0.0.1:4000";

export default defineConfig({
  plugins: [react()],
  server: { port: 5173, proxy: { "/graphql": api, "/auth": api, "/healthz": api, "/exports": api, "/events": api } },
  build: { outDir: "dist" },
});
