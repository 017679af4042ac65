import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";

/** One transaction-level advisory lock serialises evaluations and rule changes across processes. */
const alertsLockKey = 7_246_015_001;

/** Takes the lock if free (an evaluation already running elsewhere → false: skip this round). */
export async function tryLockAlerts(tx: Executor): Promise<boolean> {
  const [row] = rowsOf<{ ok: boolean }>(await tx.execute(sql`select pg_try_advisory_xact_lock(${alertsLockKey}::bigint) as ok`));
  return row?.ok === true;
}

/** Waits for the lock (rule changes: an evaluation in flight finishes first). Released at commit. */
export async function lockAlerts(tx: Executor): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${alertsLockKey}::bigint)`);
}
