import "server-only";
import { isSeverity, type Severity } from "@/lib/devops/severity";
import type { AlertMessage } from "./alert-notify";
import type { FiringInstance } from "./instance-lifecycle";
import type { Labels } from "./fingerprint";

/**
 * An Alertmanager `severity` label as a Dihya severity: sev1…sev4 as is; critical → sev1;
 * high, error → sev2; warning → sev3; info, anything else or none → sev4.
 */
export function severityFromLabel(value: string | undefined): Severity {
  const v = (value ?? "").trim().toLowerCase();
  if (isSeverity(v)) return v;
  if (v === "critical") return "sev1";
  if (v === "high" || v === "error") return "sev2";
  if (v === "warning") return "sev3";
  return "sev4";
}

/**
 * The host names an alert points at: its `server` and `hostname` labels, and the host part
 * of `instance` (`web-01:9100` → `web-01`; a dotted name also gives its first label).
 */
export function hostsOf(labels: Labels): string[] {
  const hosts = [labels.server, labels.hostname];
  const instance = labels.instance?.trim();
  if (instance) {
    const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(instance);
    const host = bracketed ? bracketed[1] : instance.split(":").length === 2 ? instance.split(":")[0] : instance;
    hosts.push(host);
    // web-01.dc1.example.dz → also web-01 (inventories often keep the short name).
    if (host && /\./.test(host) && !/^[\d.]+$/.test(host)) hosts.push(host.split(".")[0]);
  }
  return [...new Set(hosts.map((h) => h?.trim().toLowerCase()).filter((h): h is string => !!h))];
}

/** How an external alert is named: its alertname (else its fingerprint). */
export const externalName = (labels: Labels, fingerprint: string) => labels.alertname?.trim() || fingerprint;

/** Its server as shown: the matched server's hostname, else the first host it names. */
export const externalServer = (labels: Labels, hostname: string | null) => hostname ?? hostsOf(labels)[0] ?? "";

/** The devops role is told about Alertmanager alerts. */
export function externalMessage(name: string, labels: Labels, annotations: Labels, server: string): AlertMessage {
  return {
    roles: ["devops"],
    severity: severityFromLabel(labels.severity),
    external: true,
    params: {
      alert: name,
      server: server || "—",
      severity: severityFromLabel(labels.severity).toUpperCase(),
      summary: (annotations.summary ?? annotations.description ?? "").slice(0, 500),
    },
  };
}

/** Every Alertmanager alert opens an incident with its first notification. */
export function externalIncident(
  name: string,
  labels: Labels,
  annotations: Labels,
  server: string,
  serverIds: string[],
): FiringInstance["incident"] {
  const description = [annotations.summary, annotations.description, annotations.generatorURL].filter(Boolean).join("\n");
  return {
    title: (server ? `${name} — ${server}` : name).slice(0, 200),
    description: description.slice(0, 4000),
    severity: severityFromLabel(labels.severity),
    serverIds,
    source: "alertmanager",
    alertName: name,
  };
}
