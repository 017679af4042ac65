/**
 * The single source of truth for who may do what. Permission names are shared by roles
 * (sessions) and partner key scopes. The role table encodes the route table of
 * shared/design/architecture.md; e2e/role-matrix.spec.ts walks it for every role.
 */
export const roles = ["admin", "technician", "devops", "user", "client", "guest"] as const;
export type Role = (typeof roles)[number];
export const staffRoles = ["admin", "technician", "devops", "user", "guest"] as const satisfies readonly Role[];

export const permissions = [
  // platform
  "staff.home",
  "client.home",
  "profile.self",
  "users.read",
  "users.write",
  "notifications.read",
  "plugins.write",
  "audit.read",
  "integrations.manage",
  "jobs.manage",
  "api.docs",
  // energy template
  "energy.view",
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
  "invoices.own",
  "invoices.write",
  "environment.read",
  // devops template
  "devops.view",
  "servers.read",
  "servers.write",
  "deployments.read",
  "deployments.write",
  "monitoring.read",
  "incidents.read",
  "incidents.create",
  "incidents.manage",
  "monitoring.write",
  /** Server agents only (their token): push heartbeats and metrics. No role holds it. */
  "monitoring.push",
  /** Alertmanager webhooks (partner scope alerts:write). */
  "monitoring.alertmanager",
  "scripts.run",
] as const;
export type Permission = (typeof permissions)[number];

const adminPermissions = permissions.filter(
  (p) => p !== "client.home" && p !== "invoices.own" && p !== "interventions.assigned" && p !== "monitoring.push",
);

export const rolePermissions: Record<Role, readonly Permission[]> = {
  admin: adminPermissions,
  technician: ["staff.home", "profile.self", "notifications.read", "energy.view", "sites.read", "equipment.read", "interventions.assigned"],
  devops: [
    "staff.home",
    "profile.self",
    "notifications.read",
    "devops.view",
    "servers.read",
    "servers.write",
    "deployments.read",
    "deployments.write",
    "monitoring.read",
    "incidents.read",
    "incidents.create",
    "incidents.manage",
    "monitoring.write",
    "scripts.run",
    "api.docs",
  ],
  user: [
    "staff.home",
    "profile.self",
    "notifications.read",
    "energy.view",
    "sites.read",
    "measurements.read",
    "equipment.read",
    "maintenance.read",
    "invoices.read",
    "environment.read",
    "incidents.create",
  ],
  client: ["client.home", "profile.self", "notifications.read", "invoices.own"],
  // Read-only demo: sees the staff home and the template overviews, changes nothing but its own profile.
  guest: ["staff.home", "profile.self", "notifications.read", "energy.view", "devops.view"],
};

/** Scopes a partner key may carry; each maps onto the permission of the same meaning. */
export const partnerScopes = {
  // Account provisioning from an ERP or HR system; a partner can never grant the admin role.
  "users:read": "users.read",
  "users:write": "users.write",
  "sites:read": "sites.read",
  "sites:write": "sites.write",
  "measurements:read": "measurements.read",
  "measurements:write": "measurements.write",
  "equipment:read": "equipment.read",
  "equipment:write": "equipment.write",
  "maintenance:read": "maintenance.read",
  "maintenance:write": "maintenance.write",
  "invoices:read": "invoices.read",
  "environment:read": "environment.read",
  "servers:read": "servers.read",
  "servers:write": "servers.write",
  "monitoring:read": "monitoring.read",
  "incidents:read": "incidents.read",
  "incidents:write": "incidents.create",
  "alerts:write": "monitoring.alertmanager",
  "deployments:read": "deployments.read",
  "deployments:write": "deployments.write",
} as const satisfies Record<string, Permission>;
export type PartnerScope = keyof typeof partnerScopes;

export function roleCan(role: Role, permission: Permission): boolean {
  return rolePermissions[role].includes(permission);
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (roles as readonly string[]).includes(value);
}

/** Where a role lands after signing in. */
export function homeFor(role: Role): string {
  return role === "client" ? "/client" : "/";
}
