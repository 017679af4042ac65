import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
import { dayIn } from "@/server/energy/equipment/dates";

/**
 * The next free reference of a year, `INT-<year>-<5 digits>` (more digits past 99 999).
 * Takes a transaction-scoped advisory lock first, so concurrent transactions number one
 * after the other (the lock is held until the caller commits); the unique index on
 * `reference` stays the last line of defence. `at` decides the year (Africa/Algiers).
 */
export async function nextReference(tx: Executor, at: Date = new Date()): Promise<string> {
  const year = dayIn(at).slice(0, 4);
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('dihya.interventions.reference'))`);
  const prefix = `INT-${year}-`;
  const digits = sql`substring(reference from ${prefix.length + 1}::int)`;
  const [row] = rowsOf<{ n: number | string | null }>(
    await tx.execute(
      sql`select max(${digits}::int) as n from interventions where reference like ${`${prefix}%`} and ${digits} ~ '^[0-9]{1,9}$'`,
    ),
  );
  const next = Number(row?.n ?? 0) + 1;
  return `${prefix}${String(next).padStart(5, "0")}`;
}
