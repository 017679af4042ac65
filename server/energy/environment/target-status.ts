import "server-only";
import type { Executor } from "@/db/client";
import type { Actor } from "@/server/auth/actor";
import { environmentIndicators } from "./indicators";
import { currentMonth } from "./months";
import { listTargets, type TargetListItem } from "./targets-service";
import type { Compliance } from "./types";

export type TargetWithStatus = TargetListItem & { compliance: Compliance | null };

/**
 * Every target with its year-to-date compliance: January through the last month with data
 * (a past year: through December; the current year: through this month). null: no data yet
 * for that site and year (a future year, or no readings). Needs `environment.read`.
 */
export async function targetsWithStatus(db: Executor, actor: Actor, now = new Date()): Promise<TargetWithStatus[]> {
  const targets = await listTargets(db, actor);
  const thisMonth = currentMonth(now);
  const thisYear = Number(thisMonth.slice(0, 4));
  const latest = new Map<string, Compliance>();
  for (const year of new Set(targets.map((t) => t.year))) {
    if (year > thisYear) continue;
    const to = year === thisYear ? thisMonth : `${year}-12`;
    const result = await environmentIndicators(db, actor, { from: `${year}-01`, to }, now);
    for (const row of result.data) latest.set(`${row.site.id}:${year}`, row.compliance);
  }
  return targets.map((t) => ({ ...t, compliance: latest.get(`${t.siteId}:${t.year}`) ?? null }));
}
