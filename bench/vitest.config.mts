// Vitest settings for the timed parts of the benchmarks (bench/*.bench.ts): the app's own
// configuration (aliases, server-only shim) with other files, no time limit, one file at a time.
import { defineConfig } from "vitest/config";
import base from "../vitest.config.ts";

export default defineConfig({
  ...base,
  test: { ...base.test, include: ["bench/*.bench.ts"], fileParallelism: false, testTimeout: 0, hookTimeout: 0 },
});
