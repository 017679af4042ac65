import "server-only";
import { sql } from "drizzle-orm";
import { getDb, rowsOf } from "@/db/client";

export type RateLimitResult = { allowed: boolean; remaining: number; resetAt: Date; limit: number };

/**
 * Fixed-window counter stored in the database, so every app instance shares it.
 * Counts this hit and says whether it is within `limit` per `windowMs`.
 */
export async function hit(key: string, limit: number, windowMs: number, now = Date.now()): Promise<RateLimitResult> {
  const db = await getDb();
  const windowStart = new Date(Math.floor(now / windowMs) * windowMs);
  const result = await db.execute(sql`
    insert into rate_limits (key, window_start, count) values (${key}, ${windowStart.toISOString()}, 1)
    on conflict (key) do update set
      count = case when rate_limits.window_start = excluded.window_start then rate_limits.count + 1 else 1 end,
      window_start = excluded.window_start
    returning count`);
  const count = Number(rowsOf<{ count: number }>(result)[0]?.count ?? 1);
  return {
    allowed: count <= limit,
    remaining: Math.max(0, limit - count),
    resetAt: new Date(windowStart.getTime() + windowMs),
    limit,
  };
}

/**
 * Counts one hit on each of `checks` (distinct keys, one shared window) in a single
 * statement, and answers them in the same order.
 */
export async function hitAll(
  checks: readonly { key: string; limit: number }[],
  windowMs: number,
  now = Date.now(),
): Promise<RateLimitResult[]> {
  if (checks.length === 0) return [];
  if (checks.length === 1) return [await hit(checks[0]!.key, checks[0]!.limit, windowMs, now)];
  const db = await getDb();
  const windowStart = new Date(Math.floor(now / windowMs) * windowMs);
  const keys = JSON.stringify(checks.map((c) => c.key));
  const result = await db.execute(sql`
    insert into rate_limits (key, window_start, count)
    select k, ${windowStart.toISOString()}::timestamptz, 1 from json_array_elements_text(${keys}::json) as k
    on conflict (key) do update set
      count = case when rate_limits.window_start = excluded.window_start then rate_limits.count + 1 else 1 end,
      window_start = excluded.window_start
    returning key, count`);
  const counts = new Map(rowsOf<{ key: string; count: number }>(result).map((r) => [r.key, Number(r.count)]));
  const resetAt = new Date(windowStart.getTime() + windowMs);
  return checks.map(({ key, limit }) => {
    const count = counts.get(key) ?? 1;
    return { allowed: count <= limit, remaining: Math.max(0, limit - count), resetAt, limit };
  });
}
