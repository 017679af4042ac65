import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { closeDb, getDb, rowsOf } from "@/db/client";
import { migrationsFolder } from "@/db/migrate";
import { startJobs, stopJobs } from "./start";

/**
 * The body of `npm run worker` (entry: server/worker.ts): a process that only runs
 * background jobs and schedules, next to any number of app servers on the same PostgreSQL
 * (DATABASE_URL). It applies no migrations: it waits until the database has the schema
 * this code expects (the app server migrates).
 * Stops on SIGTERM/SIGINT: no new claims, running jobs get DIHYA_JOB_GRACE_MS to finish.
 */
const log = (message: string) => console.log(`[worker] ${message}`);

/** The newest migration of this code base, as drizzle records it once applied. */
function expectedMigration(): number {
  const journal = JSON.parse(readFileSync(path.join(migrationsFolder, "meta", "_journal.json"), "utf8")) as { entries: { when: number }[] };
  return Math.max(...journal.entries.map((e) => e.when));
}

async function waitForSchema(): Promise<void> {
  const expected = expectedMigration();
  const db = await getDb();
  let waited = 0;
  for (;;) {
    try {
      const [row] = rowsOf<{ latest: string | number | null }>(
        await db.execute(sql`select max(created_at) as latest from drizzle.__drizzle_migrations`),
      );
      if (Number(row?.latest ?? 0) >= expected) return;
    } catch {
      // The migrations table does not exist yet.
    }
    if (waited % 10_000 === 0) log("waiting for the app server to apply the database migrations…");
    await new Promise((resolve) => setTimeout(resolve, 1000));
    waited += 1000;
  }
}

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) {
    log(`${signal} again: exiting now`);
    process.exit(1);
  }
  stopping = true;
  log(`${signal}: finishing running jobs…`);
  await stopJobs();
  await closeDb();
  log("stopped");
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));

await waitForSchema();
if (!stopping) {
  // The runner's timers do not keep a process alive; this worker exists for them.
  setInterval(() => {}, 1 << 30);
  const runner = await startJobs();
  log(`ready (runner ${runner.options.id}, concurrency ${runner.options.concurrency}, poll ${runner.options.pollMs} ms)`);
}
