import "server-only";
import { and, inArray, ne } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { energyAlerts } from "@/db/schema";
import { fireAlert, resolveAlert, trackAlert } from "./alert-transitions";
import { judge } from "./judge";
import { concernedRules, type RuleContext } from "./rule-context";
import { loadSeries } from "./series";

/**
 * A breach fires only while its newest reading is this recent: importing last year's
 * readings (CSV, backfill) pages nobody. Resolution does not depend on it.
 */
export const freshnessMs = 24 * 60 * 60 * 1000;

type Filter = { meterIds?: readonly string[]; ruleIds?: readonly string[]; now?: Date };

/**
 * Evaluates the enabled rules concerned (see concernedRules) on their latest readings, in
 * the caller's transaction, in a fixed number of queries plus one write per change:
 * - no open alert and a breach (every interval of the last `duration` present and beyond the
 *   threshold, newest reading fresh) → one alert, one notification per admin, one webhook;
 * - an open alert (firing or acknowledged) and the newest value still beyond → last value and peak kept, nobody told;
 * - an open alert and the newest value back within the threshold → resolved, one notification per admin, one webhook.
 */
export async function evaluateRules(tx: Executor, filter: Filter): Promise<void> {
  const now = filter.now ?? new Date();
  const rules = await concernedRules(tx, filter);
  if (rules.length === 0) return;
  const series = await loadSeries(tx, rules);
  const openRows = await tx
    .select({ id: energyAlerts.id, ruleId: energyAlerts.ruleId })
    .from(energyAlerts)
    .where(
      and(
        inArray(
          energyAlerts.ruleId,
          rules.map((r) => r.id),
        ),
        ne(energyAlerts.state, "resolved"),
      ),
    );
  const openByRule = new Map(openRows.map((r) => [r.ruleId, r.id]));
  for (const rule of rules) await evaluateOne(tx, rule, series.get(rule.id), openByRule.get(rule.id), now);
}

async function evaluateOne(
  tx: Executor,
  rule: RuleContext,
  data: { step: number; points: { ts: Date; value: number }[] } | undefined,
  openAlertId: string | undefined,
  now: Date,
): Promise<void> {
  if (!data) return;
  const verdict = judge(data.points, rule, data.step);
  const latest = verdict.latest;
  if (!latest) return;
  if (openAlertId) {
    if (verdict.latestBeyond) await trackAlert(tx, rule, openAlertId, latest.value, verdict.runPeak ?? latest.value);
    else await resolveAlert(tx, rule, openAlertId, now, { last: latest.value });
    return;
  }
  if (verdict.breach && now.getTime() - latest.ts.getTime() <= freshnessMs) {
    await fireAlert(tx, rule, now, { startedAt: verdict.breach.startedAt, peak: verdict.breach.peak, last: latest.value });
  }
}

/**
 * Evaluates the threshold rules concerned by the readings of `meterIds` (every enabled rule
 * without it), in the caller's transaction: called by ingest with the meters it touched and
 * by the `energy.alerts` job every 5 minutes. `now` stamps the changes (default: the clock).
 */
export async function evaluateAlerts(tx: Executor, opts: { meterIds?: string[]; now?: Date } = {}): Promise<void> {
  await evaluateRules(tx, opts);
}
