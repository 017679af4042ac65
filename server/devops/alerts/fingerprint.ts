import "server-only";
import { createHash } from "node:crypto";

export type Labels = Record<string, string>;

/** SHA-256 of the labels sorted by name: the same labels always give the same fingerprint. */
export function fingerprintOf(labels: Labels): string {
  const sorted = Object.keys(labels)
    .sort()
    .map((k) => [k, labels[k]]);
  return createHash("sha256").update(JSON.stringify(sorted)).digest("hex");
}

/** A rule instance's identity: the rule (name and id) on one server. */
export function ruleFingerprint(rule: { id: string; name: string }, hostname: string): string {
  return fingerprintOf({ alertname: rule.name, rule_id: rule.id, server: hostname });
}

/**
 * The labels a rule instance carries (what silences match): alertname, server, environment,
 * role, severity, metric, rule_id, and the server's tags joined by commas in `tags`. Empty
 * values are left out, as Alertmanager does.
 */
export function ruleLabels(
  rule: { id: string; name: string; severity: string; metric: string },
  server: { hostname: string; environment: string; role: string; tags: readonly string[] },
): Labels {
  const labels: Labels = {
    alertname: rule.name,
    server: server.hostname,
    environment: server.environment,
    role: server.role,
    severity: rule.severity,
    metric: rule.metric,
    rule_id: rule.id,
    tags: [...server.tags].sort().join(","),
  };
  return Object.fromEntries(Object.entries(labels).filter(([, v]) => v !== ""));
}
