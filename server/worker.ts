/**
 * Entry of `npm run worker` (`node --import tsx server/worker.ts`); the worker itself is
 * server/platform/jobs/worker-main.ts.
 *
 * This file alone does not import "server-only": outside Next.js that marker throws
 * unless resolved with the `react-server` condition, and that condition cannot be used
 * process-wide (next-intl's react-server entry then loads a client provider needing
 * React's client hooks). So the marker is resolved to an empty module here, before any
 * server module loads.
 */
import { register } from "node:module";

if (!process.env.DATABASE_URL) {
  console.error(
    "[worker] refusing to start: DATABASE_URL is not set. The embedded PGlite database can be opened by one process only, " +
      "so with PGlite the jobs run inside the app server (npm start). Set DATABASE_URL to a PostgreSQL database to run a separate worker.",
  );
  process.exit(2);
}

const serverOnlyHook = `export async function resolve(specifier, context, next) {
  return specifier === "server-only" ? { url: "data:text/javascript,", shortCircuit: true } : next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(serverOnlyHook)}`);

await import("./platform/jobs/worker-main");
