/** Incident and alert severities, sev1 the most urgent. Shared by monitoring, alerts and incidents. */
export const severities = ["sev1", "sev2", "sev3", "sev4"] as const;
export type Severity = (typeof severities)[number];

export function isSeverity(value: unknown): value is Severity {
  return typeof value === "string" && (severities as readonly string[]).includes(value);
}
