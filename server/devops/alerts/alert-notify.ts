import "server-only";
import type { Executor } from "@/db/client";
import type { Severity } from "@/lib/devops/severity";
import type { NotificationSeverity } from "@/lib/notification-kinds";
import type { Role } from "@/lib/permissions";
import { notify } from "@/server/platform/notifications/notify";

export const alertsLink = "/devops/alerts";

const notificationSeverity: Record<Severity, NotificationSeverity> = {
  sev1: "critical",
  sev2: "critical",
  sev3: "warning",
  sev4: "info",
};

/**
 * What a notification says about an instance. Rule instances: `metric`, `comparator`,
 * `threshold`, `value`; Alertmanager instances: `summary` (their annotation). Always:
 * `alert` (its name), `server` (hostname, or the instance label, or empty), `severity` (SEV1…).
 */
export type AlertMessage = {
  roles: readonly Role[];
  severity: Severity;
  external: boolean;
  /** A rule instance resolved because its series stopped reporting (no value to quote). */
  noData?: boolean;
  params: Record<string, string | number>;
};

const base = "notifications.messages.devops.alert";

/** One `devops.alert.firing` per recipient of each role; `repeat`: the alert is still firing (re-notification). */
export async function announceFiring(tx: Executor, message: AlertMessage, repeat: boolean): Promise<void> {
  for (const role of message.roles) {
    await notify(tx, {
      to: { role },
      kind: "devops.alert.firing",
      severity: notificationSeverity[message.severity],
      titleKey: `${base}.firing.${repeat ? "titleRepeat" : "title"}`,
      bodyKey: `${base}.firing.${message.external ? "bodyExternal" : "body"}`,
      params: message.params,
      link: alertsLink,
    });
  }
}

/** One `devops.alert.resolved` per recipient of each role. */
export async function announceResolved(tx: Executor, message: AlertMessage): Promise<void> {
  for (const role of message.roles) {
    await notify(tx, {
      to: { role },
      kind: "devops.alert.resolved",
      severity: "success",
      titleKey: `${base}.resolved.title`,
      bodyKey: `${base}.resolved.${message.external ? "bodyExternal" : message.noData ? "bodyNoData" : "body"}`,
      params: message.params,
      link: alertsLink,
    });
  }
}

/** Values rounded to 2 decimals (ICU formats them in each reader's language). */
export const rounded = (v: number | null) => (v === null ? 0 : Math.round(v * 100) / 100);

export const comparatorSymbol: Record<string, string> = { gt: ">", gte: "≥", lt: "<", lte: "≤" };

/** A rule instance's message. */
export function ruleMessage(
  rule: { name: string; metric: string; comparator: string; threshold: number; severity: Severity; notifyRoles: readonly Role[] },
  hostname: string,
  value: number | null,
): AlertMessage {
  return {
    roles: rule.notifyRoles,
    severity: rule.severity,
    external: false,
    params: {
      alert: rule.name,
      server: hostname,
      metric: rule.metric,
      comparator: rule.comparator,
      threshold: rounded(rule.threshold),
      value: rounded(value),
      severity: rule.severity.toUpperCase(),
    },
  };
}
