import "server-only";
import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";

/** The PostgreSQL channel the bus listens on; the payload is the user id whose notifications changed. */
export const notificationChannel = "dihya_notifications";

/**
 * NOTIFY each user's listeners through PostgreSQL. Called inside the transaction that made
 * the change, so listeners (in any process) hear it after the commit and never on a rollback.
 */
export async function signalUsers(tx: Executor, userIds: readonly string[]): Promise<void> {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return;
  const rows = sql.join(
    unique.map((id) => sql`(${id})`),
    sql`, `,
  );
  await tx.execute(sql`select pg_notify(${notificationChannel}, v.id) from (values ${rows}) as v(id)`);
}
