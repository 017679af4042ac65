import { expect, type APIRequestContext } from "@playwright/test";
import { roleCan, type Permission } from "../lib/permissions";
import { demo, signInApi, type DemoRole } from "./helpers";

/** Every page of the app with the permission it requires (the role matrix and axe walk these). */
export const pages: { path: string; permission: Permission; heading: RegExp }[] = [
  { path: "/", permission: "staff.home", heading: /Bonjour/ },
  { path: "/energy", permission: "energy.view", heading: /Énergie/ },
  { path: "/energy/sites", permission: "sites.read", heading: /^Sites$/ },
  { path: "/energy/sites/new", permission: "sites.write", heading: /Nouveau site/ },
  { path: "/energy/sites/{siteId}", permission: "sites.read", heading: /Parc solaire Touat Lumière/ },
  { path: "/energy/sites/{siteId}/edit", permission: "sites.write", heading: /Modifier le site/ },
  { path: "/energy/networks", permission: "sites.read", heading: /Réseaux/ },
  { path: "/energy/networks/{networkId}", permission: "sites.write", heading: /Modifier le réseau/ },
  { path: "/energy/map", permission: "sites.read", heading: /Carte des sites/ },
  { path: "/energy/equipment", permission: "equipment.read", heading: /Équipements/ },
  { path: "/energy/equipment/new", permission: "equipment.write", heading: /Nouvel équipement/ },
  { path: "/energy/equipment/{equipmentId}", permission: "equipment.read", heading: /Alternateur G-01/ },
  { path: "/energy/equipment/{equipmentId}/edit", permission: "equipment.write", heading: /Modifier l’équipement/ },
  { path: "/energy/equipment/{equipmentId}/label", permission: "equipment.read", heading: /Étiquette QR/ },
  { path: "/energy/fault-reports", permission: "maintenance.write", heading: /Signalements de panne/ },
  { path: "/energy/maintenance", permission: "maintenance.read", heading: /Planning de maintenance/ },
  { path: "/energy/maintenance/new", permission: "maintenance.write", heading: /Planifier une intervention/ },
  { path: "/energy/maintenance/{interventionId}", permission: "maintenance.read", heading: /INT-\d{4}-\d{5}/ },
  { path: "/energy/my-interventions", permission: "interventions.assigned", heading: /Mes interventions/ },
  { path: "/energy/dashboard", permission: "measurements.read", heading: /Tableau de bord énergie/ },
  { path: "/energy/sites/{siteId}/measurements", permission: "measurements.read", heading: /Mesures — Parc solaire Touat Lumière/ },
  { path: "/energy/live", permission: "measurements.read", heading: /Mesures en direct/ },
  { path: "/energy/live?site={siteId}", permission: "measurements.read", heading: /En direct — Parc solaire Touat Lumière/ },
  { path: "/energy/import", permission: "measurements.write", heading: /Importer des relevés \(CSV\)/ },
  { path: "/energy/alerts", permission: "measurements.read", heading: /Alertes de seuil/ },
  { path: "/energy/alerts/rules", permission: "measurements.read", heading: /Règles d’alerte/ },
  { path: "/energy/data-quality", permission: "measurements.read", heading: /Qualité des données/ },
  { path: "/energy/environment", permission: "environment.read", heading: /^Environnement$/ },
  { path: "/energy/environment/factors", permission: "environment.read", heading: /Facteurs d’émission/ },
  { path: "/energy/environment/targets", permission: "environment.read", heading: /Objectifs environnementaux/ },
  { path: "/energy/sites/{siteId}/meters/new", permission: "meters.write", heading: /Nouveau compteur/ },
  { path: "/energy/meters/{meterId}", permission: "measurements.read", heading: /Production injectée au réseau/ },
  { path: "/energy/meters/{meterId}/edit", permission: "meters.write", heading: /Modifier le compteur/ },
  { path: "/energy/meters/{meterId}/forecast", permission: "measurements.read", heading: /Prévision/ },
  { path: "/energy/clients", permission: "clients.read", heading: /^Clients$/ },
  { path: "/energy/clients/new", permission: "clients.write", heading: /Nouveau client/ },
  { path: "/energy/clients/{clientId}", permission: "clients.read", heading: /Nadia Boumediene/ },
  { path: "/energy/clients/{clientId}/edit", permission: "clients.write", heading: /Modifier le client/ },
  { path: "/energy/contracts", permission: "clients.read", heading: /^Contrats$/ },
  { path: "/energy/contracts/new?client={clientId}", permission: "clients.write", heading: /Nouveau contrat/ },
  { path: "/energy/contracts/{contractId}", permission: "clients.read", heading: /Contrat CTR-\d{4}-\d{6}/ },
  { path: "/energy/contracts/{contractId}/edit", permission: "clients.write", heading: /Modifier le contrat/ },
  { path: "/energy/tariffs", permission: "clients.read", heading: /^Tarifs$/ },
  { path: "/energy/tariffs/new", permission: "clients.write", heading: /Nouveau tarif/ },
  { path: "/energy/tariffs/{tariffId}", permission: "clients.read", heading: /Sonelgaz BT résidentiel/ },
  { path: "/energy/invoices", permission: "invoices.read", heading: /^Factures$/ },
  { path: "/energy/invoices/{invoiceId}", permission: "invoices.read", heading: /Facture FAC-\d{4}-\d{6}/ },
  { path: "/energy/invoices/{invoiceId}/explain", permission: "invoices.read", heading: /Expliquer la facture/ },
  { path: "/energy/billing", permission: "invoices.read", heading: /Cycles de facturation/ },
  { path: "/energy/billing/{billingRunId}", permission: "invoices.read", heading: /Cycle de facturation/ },
  { path: "/devops", permission: "devops.view", heading: /IT\/DevOps/ },
  { path: "/devops/fleet", permission: "monitoring.read", heading: /Parc et supervision/ },
  { path: "/devops/servers", permission: "servers.read", heading: /Serveurs et VM/ },
  { path: "/devops/servers/new", permission: "servers.write", heading: /Nouveau serveur/ },
  { path: "/devops/servers/import", permission: "servers.write", heading: /Importer des serveurs/ },
  { path: "/devops/servers/{serverId}", permission: "servers.read", heading: /alg-web-01/ },
  { path: "/devops/servers/{serverId}/edit", permission: "servers.write", heading: /Modifier le serveur/ },
  { path: "/devops/alerts", permission: "monitoring.read", heading: /Alertes de supervision/ },
  { path: "/devops/alerts/rules", permission: "monitoring.read", heading: /Règles d’alerte/ },
  { path: "/devops/alerts/rules/new", permission: "monitoring.write", heading: /Nouvelle règle d’alerte/ },
  { path: "/devops/alerts/rules/{ruleId}", permission: "monitoring.read", heading: /Modifier la règle d’alerte/ },
  { path: "/devops/alerts/silences", permission: "monitoring.read", heading: /Silences/ },
  { path: "/devops/incidents", permission: "incidents.create", heading: /^Incidents$/ },
  { path: "/devops/incidents/new", permission: "incidents.create", heading: /Signaler un incident/ },
  // The demo requester's own incident: the agent (role user) sees it as the managers do.
  { path: "/devops/incidents/{incidentId}", permission: "incidents.create", heading: /Demande d’accès VPN|Boîte de messagerie pleine/ },
  { path: "/devops/sla", permission: "incidents.read", heading: /Rapport SLA/ },
  { path: "/devops/sla/policies", permission: "incidents.read", heading: /Politiques SLA et calendriers/ },
  { path: "/admin/users", permission: "users.read", heading: /Utilisateurs/ },
  { path: "/admin/users/new", permission: "users.write", heading: /Créer un utilisateur/ },
  { path: "/admin/users/{adminId}", permission: "users.read", heading: /Amina Benali/ },
  { path: "/admin/audit", permission: "audit.read", heading: /Journal d’audit/ },
  { path: "/admin/integrations", permission: "integrations.manage", heading: /Clés d’API et clients OAuth/ },
  { path: "/admin/jobs", permission: "jobs.manage", heading: /Tâches de fond/ },
  { path: "/admin/webhooks", permission: "integrations.manage", heading: /Webhooks/ },
  { path: "/admin/webhooks/new", permission: "integrations.manage", heading: /Créer un webhook/ },
  { path: "/admin/data-requests", permission: "clients.write", heading: /Demandes de suppression/ },
  { path: "/api-docs", permission: "api.docs", heading: /Documentation de l’API/ },
  { path: "/profile", permission: "profile.self", heading: /Mon profil/ },
  { path: "/notifications", permission: "staff.home", heading: /Notifications/ },
  { path: "/client/notifications", permission: "client.home", heading: /Notifications/ },
  { path: "/client", permission: "client.home", heading: /Bonjour/ },
  { path: "/client/invoices", permission: "invoices.own", heading: /Mes factures/ },
  { path: "/client/invoices/{invoiceId}", permission: "invoices.own", heading: /Facture FAC-\d{4}-\d{6}/ },
  { path: "/client/contracts", permission: "invoices.own", heading: /Mes contrats/ },
  { path: "/client/data", permission: "invoices.own", heading: /Mes données/ },
];

/** Ids of demo records named in page paths, read through the API as the demo admin. */
export async function pathParams(request: APIRequestContext): Promise<Record<string, string>> {
  await signInApi(request, demo.admin);
  const first = async (url: string) => {
    const response = await request.get(url);
    expect(response.status(), url).toBe(200);
    const id = (await response.json()).data[0]?.id as string | undefined;
    expect(id, url).toBeTruthy();
    return id!;
  };
  const site = await (await request.get("/api/sites?q=DZ-ADR-PV01")).json();
  // An issued invoice of the demo client's household (its contract, tariff and billing run too).
  const invoices = await (await request.get("/api/factures?q=Boumediene&kind=invoice&limit=1")).json();
  const invoice = invoices.data[0];
  expect(invoice?.id, "demo client invoice").toBeTruthy();
  const detail = await (await request.get(`/api/factures/${invoice.id}`)).json();
  const incidents = await (await request.get("/api/incidents?q=VPN")).json();
  expect(incidents.data[0]?.id, "demo requester incident").toBeTruthy();
  return {
    adminId: await first("/api/users?q=admin@demo"),
    siteId: site.data[0].id,
    networkId: site.data[0].networkId,
    equipmentId: await first("/api/equipements?limit=1"),
    interventionId: await first("/api/maintenance?limit=1"),
    meterId: await first("/api/compteurs?q=DZ-ADR-PV01-P1"),
    clientId: invoice.client.id,
    contractId: invoice.contract.id,
    tariffId: detail.contract.tariff.id,
    invoiceId: invoice.id,
    billingRunId: invoice.billingRunId,
    serverId: await first("/api/servers?q=alg-web-01"),
    ruleId: await first("/api/monitoring/rules?limit=1"),
    incidentId: incidents.data[0].id,
  };
}

export function fillPath(path: string, params: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? `{${name}}`);
}

/** A demo role that may open the page (admin first), for checks that need it rendered. */
export function roleFor(permission: Permission): DemoRole {
  const order: DemoRole[] = ["admin", "technician", "client", "devops", "user", "guest"];
  return order.find((role) => roleCan(role, permission))!;
}
