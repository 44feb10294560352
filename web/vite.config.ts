/**
 * Vite build of the explorer: root is web/, output web/dist, which the express app serves at / (with an SPA fallback).
 * `npm run dev:web` proxies /api to a running server (http://127.0.0.1:8080); run as `vite build web` / `vite web`, so root is web/.
 */
import { defineConfig } from "vite";

export default defineConfig({
  base: "/",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    // The Cypher parser of the console is large; it is loaded on demand, not with the first view.
    chunkSizeWarningLimit: 2_000,
  },
  server: {
    proxy: { "/api": "http://127.0.0.1:8080" },
  },
});
