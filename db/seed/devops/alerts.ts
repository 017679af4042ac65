import type { Tx } from "@/db/client";
import { createSilenceSchema } from "@/lib/devops/alert-silence-schema";
import { metricRuleSchema, type MetricRuleInput } from "@/lib/validation/metric-rules";
import type { Actor } from "@/server/auth/actor";
import { createMetricRule } from "@/server/devops/alerts/rules-service";
import { createSilence, expireSilence } from "@/server/devops/alerts/silences-service";

const hour = 60 * 60_000;

/** The demo's metric rules: CPU, memory and disk on every server, load on Kubernetes nodes. */
const demoRules: MetricRuleInput[] = [
  { name: "CPU au-dessus de 90 %", metric: "cpu", comparator: "gt", threshold: 90, forSeconds: 300, severity: "sev2", openIncident: true },
  { name: "Mémoire au-dessus de 95 %", metric: "memory", comparator: "gt", threshold: 95, forSeconds: 600, severity: "sev2" },
  { name: "Disque au-dessus de 85 %", metric: "disk", comparator: "gt", threshold: 85, forSeconds: 0, severity: "sev3" },
  {
    name: "Disque au-dessus de 95 %",
    metric: "disk",
    comparator: "gt",
    threshold: 95,
    forSeconds: 0,
    severity: "sev1",
    openIncident: true,
    notifyRoles: ["admin", "devops"],
    repeatMinutes: 60,
  },
  {
    name: "Charge au-dessus de 8 (nœuds Kubernetes)",
    metric: "load",
    comparator: "gt",
    threshold: 8,
    forSeconds: 300,
    severity: "sev3",
    selector: { role: "k8s-node" },
  },
];

/**
 * The alerting demo, through the services (audited as `actor`, who needs monitoring.write):
 * five rules, a silence in force on the staging environment for a planned maintenance and
 * one already expired. Returns the ids.
 */
export async function seedAlertRules(tx: Tx, actor: Actor, now = new Date()) {
  const rules: string[] = [];
  for (const input of demoRules) rules.push((await createMetricRule(tx, actor, metricRuleSchema.parse(input))).id);
  const maintenance = await createSilence(
    tx,
    actor,
    createSilenceSchema.parse({
      matchers: [{ name: "environment", op: "=", value: "staging" }],
      endsAt: new Date(now.getTime() + 48 * hour).toISOString(),
      comment: "maintenance planifiée",
    }),
    now,
  );
  const past = new Date(now.getTime() - 3 * 24 * hour);
  const upgrade = await createSilence(
    tx,
    actor,
    createSilenceSchema.parse({
      matchers: [
        { name: "alertname", op: "=~", value: "Disque.*" },
        { name: "server", op: "=~", value: "db-.*" },
      ],
      startsAt: past.toISOString(),
      endsAt: new Date(past.getTime() + 4 * hour).toISOString(),
      comment: "extension des volumes des bases de données",
    }),
    past,
  );
  await expireSilence(tx, actor, upgrade.id, new Date(past.getTime() + 2 * hour));
  return { rules, silences: [maintenance.id, upgrade.id] };
}
