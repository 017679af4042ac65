import path from "node:path";
import { defineConfig } from "vitest/config";

// Integration tests run on a real database: PGlite in memory by default, PostgreSQL when
// TEST_DATABASE_URL is set (files then run one at a time: they share that database).
const onPostgres = !!process.env.TEST_DATABASE_URL;

export default defineConfig({
  resolve: {
    alias: {
      "server-only": path.resolve(import.meta.dirname, "tests/support/server-only.ts"),
      "@": path.resolve(import.meta.dirname),
    },
  },
  test: {
    include: ["tests/**/*.test.ts"],
    environment: "node",
    fileParallelism: !onPostgres,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: { DIHYA_SEED: "none", DIHYA_PAYMENT_SANDBOX: "on" },
    // next-auth imports "next/server" without an extension; let Vite resolve it.
    server: { deps: { inline: ["next-auth"] } },
  },
});
