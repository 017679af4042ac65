import type { Permission } from "./permissions";

/**
 * Business templates ("métiers"). A template declares its navigation; its pages and API
 * routes call `requireTemplate(id)` (server/platform/templates.ts) so a disabled template
 * answers 404. Adding a business: one folder per layer and one entry here.
 */
export type NavItem = { href: string; labelKey: string; permission: Permission };
export type Template = { id: TemplateId; labelKey: string; nav: readonly NavItem[]; permissions: readonly Permission[] };

export const templateIds = ["energy", "devops"] as const;
export type TemplateId = (typeof templateIds)[number];

export const templates: Record<TemplateId, Template> = {
  energy: {
    id: "energy",
    labelKey: "nav.energy",
    nav: [
      { href: "/energy", labelKey: "nav.energyOverview", permission: "energy.view" },
      { href: "/energy/sites", labelKey: "nav.sites", permission: "sites.read" },
      { href: "/energy/map", labelKey: "nav.map", permission: "sites.read" },
      { href: "/energy/equipment", labelKey: "nav.equipment", permission: "equipment.read" },
      { href: "/energy/maintenance", labelKey: "nav.maintenance", permission: "maintenance.read" },
      { href: "/energy/my-interventions", labelKey: "nav.myInterventions", permission: "interventions.assigned" },
      { href: "/energy/fault-reports", labelKey: "nav.faultReports", permission: "maintenance.write" },
      { href: "/energy/dashboard", labelKey: "nav.energyDashboard", permission: "measurements.read" },
      { href: "/energy/live", labelKey: "nav.energyLive", permission: "measurements.read" },
      { href: "/energy/alerts", labelKey: "nav.alerts", permission: "measurements.read" },
      { href: "/energy/data-quality", labelKey: "nav.dataQuality", permission: "measurements.read" },
      { href: "/energy/import", labelKey: "nav.readingsImport", permission: "measurements.write" },
      { href: "/energy/environment", labelKey: "nav.environment", permission: "environment.read" },
      { href: "/energy/clients", labelKey: "nav.clients", permission: "clients.read" },
      { href: "/energy/contracts", labelKey: "nav.contracts", permission: "clients.read" },
      { href: "/energy/tariffs", labelKey: "nav.tariffs", permission: "clients.read" },
      { href: "/energy/invoices", labelKey: "nav.invoices", permission: "invoices.read" },
      { href: "/energy/billing", labelKey: "nav.billing", permission: "invoices.read" },
    ],
    permissions: [
      "sites.read",
      "sites.write",
      "sites.export",
      "measurements.read",
      "measurements.write",
      "meters.write",
      "alerts.manage",
      "environment.write",
      "equipment.read",
      "equipment.write",
      "maintenance.read",
      "maintenance.write",
      "interventions.assigned",
      "clients.read",
      "clients.write",
      "invoices.read",
      "invoices.write",
      "environment.read",
    ],
  },
  devops: {
    id: "devops",
    labelKey: "nav.devops",
    nav: [
      { href: "/devops", labelKey: "nav.devopsOverview", permission: "devops.view" },
      { href: "/devops/fleet", labelKey: "nav.fleet", permission: "monitoring.read" },
      { href: "/devops/servers", labelKey: "nav.servers", permission: "servers.read" },
      { href: "/devops/alerts", labelKey: "nav.devopsAlerts", permission: "monitoring.read" },
      { href: "/devops/incidents", labelKey: "nav.incidents", permission: "incidents.create" },
      { href: "/devops/sla", labelKey: "nav.sla", permission: "incidents.read" },
    ],
    permissions: [
      "servers.read",
      "servers.write",
      "deployments.read",
      "deployments.write",
      "monitoring.read",
      "incidents.read",
      "incidents.create",
      "incidents.manage",
      "monitoring.write",
      "monitoring.push",
      "monitoring.alertmanager",
      "scripts.run",
    ],
  },
};

/** Parses DIHYA_TEMPLATES ("energy,devops" by default); unknown ids are ignored. */
export function parseEnabledTemplates(value: string | undefined): TemplateId[] {
  if (value === undefined || value.trim() === "") return [...templateIds];
  const wanted = value.split(",").map((s) => s.trim());
  return templateIds.filter((id) => wanted.includes(id));
}

/** Navigation for the administration group (platform, not a template). */
export const adminNav: readonly NavItem[] = [
  { href: "/admin/users", labelKey: "nav.users", permission: "users.read" },
  { href: "/admin/audit", labelKey: "nav.audit", permission: "audit.read" },
  { href: "/admin/integrations", labelKey: "nav.integrations", permission: "integrations.manage" },
  { href: "/admin/webhooks", labelKey: "nav.webhooks", permission: "integrations.manage" },
  { href: "/admin/jobs", labelKey: "nav.jobs", permission: "jobs.manage" },
  { href: "/admin/data-requests", labelKey: "nav.dataRequests", permission: "clients.write" },
  { href: "/api-docs", labelKey: "nav.apiDocs", permission: "api.docs" },
];
