import "server-only";
import type { Executor } from "@/db/client";
import type { energyAlerts } from "@/db/schema";
import { wallClock } from "@/server/energy/maintenance/site-time";
import { notify } from "@/server/platform/notifications/notify";
import { emitEvent } from "@/server/platform/webhooks/emit";
import type { RuleContext } from "./rule-context";

type AlertRow = typeof energyAlerts.$inferSelect;

export const alertsLink = "/energy/alerts";

/** Unit as written in messages: kW or m³. */
const unitText = (rule: RuleContext) => (rule.unit === "m3" ? "m³" : "kW");
/** Values rounded to 3 decimals (ICU formats them in each reader's language). */
const round = (v: number | null) => (v === null ? 0 : Math.round(v * 1000) / 1000);
const siteTime = (at: Date, rule: RuleContext) => {
  const { day, time } = wallClock(at, rule.siteTimezone);
  return `${day} ${time}`;
};

/** Params of both alert messages (`kind`: `meter`, or the site kind summed; times on the site's wall clock). */
function paramsOf(rule: RuleContext, alert: AlertRow): Record<string, string | number> {
  return {
    rule: rule.name,
    target: rule.meterId ? `${rule.meterCode} — ${rule.meterName}` : rule.siteName,
    site: rule.siteName,
    kind: rule.kind ?? "meter",
    comparator: rule.comparator,
    threshold: round(rule.threshold),
    unit: unitText(rule),
    duration: rule.durationMinutes,
    value: round(alert.lastValue),
    peak: round(alert.peakValue),
    since: siteTime(alert.breachStartedAt, rule),
  };
}

/** What webhooks receive: the alert with its rule and target. */
export function alertEventData(rule: RuleContext, alert: AlertRow) {
  return {
    id: alert.id,
    state: alert.state,
    rule: {
      id: rule.id,
      name: rule.name,
      comparator: rule.comparator,
      threshold: rule.threshold,
      durationMinutes: rule.durationMinutes,
      severity: rule.severity,
    },
    meter: rule.meterId ? { id: rule.meterId, code: rule.meterCode, name: rule.meterName } : null,
    site: { id: rule.siteId, name: rule.siteName },
    kind: rule.kind,
    unit: rule.unit,
    firedAt: alert.firedAt.toISOString(),
    breachStartedAt: alert.breachStartedAt.toISOString(),
    peakValue: alert.peakValue,
    lastValue: alert.lastValue,
    resolvedAt: alert.resolvedAt?.toISOString() ?? null,
  };
}

/** One `energy.alert.fired` notification per admin (severity of the rule) and the `energy.alert.fired` webhook. */
export async function announceFired(tx: Executor, rule: RuleContext, alert: AlertRow): Promise<void> {
  await notify(tx, {
    to: { role: "admin" },
    kind: "energy.alert.fired",
    severity: rule.severity,
    titleKey: "notifications.messages.energy.alert.fired.title",
    bodyKey: "notifications.messages.energy.alert.fired.body",
    params: paramsOf(rule, alert),
    link: alertsLink,
  });
  await emitEvent(tx, "energy.alert.fired", alertEventData(rule, alert));
}

/** One `energy.alert.resolved` notification per admin and the `energy.alert.resolved` webhook. */
export async function announceResolved(tx: Executor, rule: RuleContext, alert: AlertRow): Promise<void> {
  await notify(tx, {
    to: { role: "admin" },
    kind: "energy.alert.resolved",
    severity: "success",
    titleKey: "notifications.messages.energy.alert.resolved.title",
    bodyKey: "notifications.messages.energy.alert.resolved.body",
    params: paramsOf(rule, alert),
    link: alertsLink,
  });
  await emitEvent(tx, "energy.alert.resolved", alertEventData(rule, alert));
}
