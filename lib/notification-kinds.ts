import type { Permission } from "./permissions";

/**
 * The catalogue of notification kinds, for notify() and the preferences grid. A kind is
 * `<domain>.<event>`; its label is the message `notifications.kinds.<kind>`. Later features
 * add their kinds to `notificationKinds` (one entry each) and their labels to messages/.
 */
export const notificationChannels = ["in_app", "email"] as const;
export type NotificationChannel = (typeof notificationChannels)[number];

export const notificationSeverities = ["info", "success", "warning", "critical"] as const;
export type NotificationSeverity = (typeof notificationSeverities)[number];

export type NotificationKind = {
  kind: string;
  /** The usual severity: notify()'s default, and what decides the e-mail default. */
  severity: NotificationSeverity;
  /** Only holders of this permission (or of one of these) receive it (and see it in their preferences); absent: everyone. */
  audience?: Permission | readonly Permission[];
  /**
   * Params holding an id to show translated: param name → message namespace. The renderer
   * shows `{role: "technician"}` as the message `roles.technician` in the reader's language.
   */
  translatedParams?: Readonly<Record<string, string>>;
};

export const notificationKinds = [
  { kind: "account.role_changed", severity: "info", translatedParams: { role: "roles" } },
  { kind: "account.password_reset", severity: "warning" },
  { kind: "webhook.disabled", severity: "warning", audience: "integrations.manage" },
  { kind: "job.failed", severity: "critical", audience: "jobs.manage" },
  {
    kind: "intervention.assigned",
    severity: "info",
    audience: "interventions.assigned",
    translatedParams: { kind: "energy.interventionKinds" },
  },
  {
    kind: "intervention.overdue",
    severity: "warning",
    audience: ["interventions.assigned", "maintenance.write"],
    translatedParams: { kind: "energy.interventionKinds" },
  },
  { kind: "equipment.failed", severity: "critical", audience: "equipment.write" },
  { kind: "fault_report.created", severity: "warning", audience: "maintenance.write" },
  // Threshold alerts go to every admin. Each notification carries the rule's severity (fired) or
  // "success" (resolved); both kinds are "warning" here so that the resolution is e-mailed by
  // default whenever the firing was.
  { kind: "energy.alert.fired", severity: "warning", audience: "alerts.manage" },
  { kind: "energy.alert.resolved", severity: "warning", audience: "alerts.manage" },
  { kind: "invoice.issued", severity: "info", audience: "invoices.own" },
  { kind: "invoice.credited", severity: "info", audience: "invoices.own" },
  { kind: "payment.received", severity: "success", audience: "invoices.own" },
  { kind: "invoice.reminder", severity: "warning", audience: "invoices.own" },
  { kind: "invoice.overdue", severity: "warning", audience: "invoices.own" },
  { kind: "data_request.created", severity: "warning", audience: "clients.write" },
  { kind: "data_request.rejected", severity: "info", audience: "invoices.own" },
  // IT/DevOps. Alerts go to the roles a rule names (monitoring readers); incident updates to
  // its opener, assignee and managers; SLA warnings and breaches to incident managers.
  { kind: "devops.server.down", severity: "critical", audience: "monitoring.read" },
  { kind: "devops.alert.firing", severity: "warning", audience: "monitoring.read" },
  { kind: "devops.alert.resolved", severity: "warning", audience: "monitoring.read" },
  { kind: "devops.incident.opened", severity: "warning", audience: ["incidents.read", "incidents.create"] },
  { kind: "devops.incident.assigned", severity: "info", audience: "incidents.manage" },
  { kind: "devops.incident.updated", severity: "info", audience: ["incidents.read", "incidents.create"] },
  { kind: "devops.sla.warning", severity: "warning", audience: "incidents.manage" },
  { kind: "devops.sla.breached", severity: "critical", audience: "incidents.manage" },
] as const satisfies readonly NotificationKind[];

export type KnownNotificationKind = (typeof notificationKinds)[number]["kind"];
export const notificationKindIds = notificationKinds.map((k) => k.kind) as [KnownNotificationKind, ...KnownNotificationKind[]];

export function kindInfo(kind: string): NotificationKind | undefined {
  return (notificationKinds as readonly NotificationKind[]).find((k) => k.kind === kind);
}

/** Message key of a kind's label (dots nest, as everywhere in messages/). */
export function kindLabelKey(kind: string): string {
  return `notifications.kinds.${kind}`;
}

/**
 * Default of a channel when the user has saved no preference: in-app always on; e-mail on
 * for warning and critical kinds, off for info and success (a kind outside the catalogue
 * uses the notification's own severity).
 */
export function channelDefault(channel: NotificationChannel, kind: string, severity: NotificationSeverity = "info"): boolean {
  if (channel === "in_app") return true;
  const s = kindInfo(kind)?.severity ?? severity;
  return s === "warning" || s === "critical";
}

/** A notification rendered in its reader's language (UI and stream). */
export type NotificationView = {
  id: string;
  kind: string;
  severity: NotificationSeverity;
  title: string;
  body: string | null;
  link: string | null;
  read: boolean;
  createdAt: string;
  /** createdAt formatted on the server in the reader's language and time zone. */
  when: string;
};
