import { asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditLog, equipment, siteStatusHistory, webhookDeliveries } from "@/db/schema";
import { seedSites } from "@/db/seed/energy/sites";
import {
  createNetworkSchema,
  createSiteSchema,
  listSitesQuery,
  updateSiteSchema,
  type CreateSiteInput,
  type SiteSort,
} from "@/lib/validation/sites";
import type { PartnerActor, UserActor } from "@/server/auth/actor";
import { createNetwork, listNetworks, updateNetwork } from "@/server/energy/sites/networks-service";
import type { SiteDto } from "@/server/energy/sites/site-dto";
import { getSiteDetail, listSiteInterventions } from "@/server/energy/sites/site-detail";
import { listMapSites } from "@/server/energy/sites/site-map";
import { listSites, type SiteListItem } from "@/server/energy/sites/sites-query";
import { changeSiteStatus, createSite, deleteSite, updateSite } from "@/server/energy/sites/sites-service";
import { createWebhook } from "@/server/platform/webhooks/webhooks-service";
import { createUser } from "@/server/users/users-service";
import { freshDb, systemActor } from "../support/db";

let db: Db;
let admin: UserActor;
let technician: UserActor;
let agent: UserActor;
let demo: { sites: SiteDto[] };
const reader: PartnerActor = { kind: "partner", credential: "api_key", id: "key-1", name: "SCADA Atlas", scopes: ["sites:read"] };
const writer: PartnerActor = { ...reader, id: "key-2", scopes: ["sites:read", "sites:write"] };

async function account(role: "admin" | "technician" | "user", email: string): Promise<UserActor> {
  const u = await db.transaction((tx) =>
    createUser(tx, systemActor, { name: `Compte ${role}`, email, role, locale: "fr", password: "Tassaft-Ouzou-2026" }),
  );
  return { kind: "user", id: u.id, role, name: u.name, email: u.email, locale: "fr", theme: "system" };
}
const input = (extra: Partial<CreateSiteInput> = {}) =>
  createSiteSchema.parse({ code: "dz-tmr-pv01", name: "Parc solaire Tamanrasset Assekrem", type: "solar_park", ...extra });
const create = (extra: Partial<CreateSiteInput> = {}, actor: UserActor | PartnerActor = admin) =>
  db.transaction((tx) => createSite(tx, actor, input(extra)));
const list = (query: Record<string, unknown>, actor: UserActor | PartnerActor = admin) => listSites(db, actor, listSitesQuery.parse(query));
const auditOf = (entityId: string) => db.select().from(auditLog).where(eq(auditLog.entityId, entityId)).orderBy(asc(auditLog.at));

async function all(query: Record<string, unknown>, limit: number): Promise<SiteListItem[]> {
  const out: SiteListItem[] = [];
  let cursor: string | undefined;
  do {
    const page = await list({ ...query, limit, ...(cursor ? { cursor } : {}) });
    expect(page.data.length).toBeLessThanOrEqual(limit);
    out.push(...page.data);
    cursor = page.next_cursor ?? undefined;
  } while (cursor);
  return out;
}

beforeAll(async () => {
  db = await freshDb();
  admin = await account("admin", "amina@dihya-energie.dz");
  technician = await account("technician", "yacine@dihya-energie.dz");
  agent = await account("user", "salma@dihya-energie.dz");
  demo = await db.transaction((tx) => seedSites(tx, systemActor));
});

describe("site validation", () => {
  it("upper-cases the code and rejects bad codes, coordinates and capacities with field keys", () => {
    expect(input().code).toBe("DZ-TMR-PV01");
    const bad = createSiteSchema.safeParse({
      code: "DZ ADR/PV01",
      name: "X",
      type: "volcano",
      latitude: 95,
      longitude: -200,
      capacityMw: -1,
      timezone: "Mars/Olympus",
    });
    expect(bad.success).toBe(false);
    const issues = Object.fromEntries(bad.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(issues).toMatchObject({
      code: "codeInvalid",
      name: "nameTooShort",
      type: "siteTypeInvalid",
      latitude: "latitudeRange",
      longitude: "longitudeRange",
      capacityMw: "capacityRange",
      timezone: "timezoneInvalid",
    });
    const half = createSiteSchema.safeParse({ code: "DZ-X1", name: "Site", type: "other", latitude: 36.7 });
    expect(half.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["longitude", "coordinatesPair"]]);
    const noReason = updateSiteSchema.safeParse({ status: "maintenance" });
    expect(noReason.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["statusReason", "statusReasonRequired"]]);
    expect(updateSiteSchema.safeParse({}).error?.issues[0]?.message).toBe("nothingToChange");
  });
});

describe("sites service", () => {
  let site: SiteDto;

  it("creates a site with its first history row, an audit row and the country's time zone", async () => {
    site = await create({ region: "Tamanrasset", latitude: 22.785, longitude: 5.5228, capacityMw: 12.5 });
    expect(site).toMatchObject({
      code: "DZ-TMR-PV01",
      status: "in_service",
      timezone: "Africa/Algiers",
      capacityMw: 12.5,
      latitude: 22.785,
    });
    const history = await db.select().from(siteStatusHistory).where(eq(siteStatusHistory.siteId, site.id));
    expect(history.map((h) => [h.status, h.changedBy])).toEqual([["in_service", "amina@dihya-energie.dz"]]);
    const [audit] = await auditOf(site.id);
    expect(audit).toMatchObject({ action: "site.created", entityType: "site", actorId: admin.id });
    expect(audit?.changes).toMatchObject({ code: { old: null, new: "DZ-TMR-PV01" }, capacityMw: { old: null, new: 12.5 } });
    const moroccan = await create({ code: "MA-AGD-PV01", name: "Parc solaire Souss", country: "MA" });
    expect(moroccan.timezone).toBe("Africa/Casablanca");
  });

  it("refuses a taken code in any case (409 codeTaken), an unknown network and a parent cycle", async () => {
    await expect(create({ code: "dz-tmr-pv01" })).rejects.toMatchObject({ status: 409, messageKey: "codeTaken", field: "code" });
    await expect(create({ code: "DZ-TMR-PV02", networkId: "00000000-0000-4000-8000-000000000000" })).rejects.toMatchObject({
      status: 422,
      messageKey: "networkUnknown",
      field: "networkId",
    });
    const child = await create({ code: "DZ-TMR-PV02", name: "Extension Assekrem", parentId: site.id });
    await expect(db.transaction((tx) => updateSite(tx, admin, site.id, { parentId: child.id }))).rejects.toMatchObject({
      messageKey: "parentCycle",
    });
    await expect(db.transaction((tx) => updateSite(tx, admin, site.id, { code: "DZ-ADR-PV01" }))).rejects.toMatchObject({
      status: 409,
      messageKey: "codeTaken",
    });
  });

  it("lets only sites.write create or edit; technicians, users and read-only partners read", async () => {
    for (const actor of [technician, agent, reader]) {
      await expect(create({ code: "DZ-NOPE-01" }, actor)).rejects.toMatchObject({ status: 403 });
      await expect(db.transaction((tx) => updateSite(tx, actor, site.id, { name: "Nouveau nom" }))).rejects.toMatchObject({ status: 403 });
      expect((await getSiteDetail(db, actor, site.id)).code).toBe("DZ-TMR-PV01");
      expect((await list({ q: "assekrem" }, actor)).data.length).toBeGreaterThan(0);
    }
    const byPartner = await create({ code: "DZ-SCADA-01", name: "Poste importé" }, writer);
    const [audit] = await auditOf(byPartner.id);
    expect(audit).toMatchObject({ actorType: "api_key", actorId: "key-2" });
  });

  it("audits an edit with the changed fields only and refuses half coordinates", async () => {
    await db.transaction((tx) => updateSite(tx, admin, site.id, { name: "Parc solaire Assekrem", capacityMw: 15, region: "Tamanrasset" }));
    const audit = (await auditOf(site.id)).filter((a) => a.action === "site.updated");
    expect(audit.at(-1)?.changes).toEqual({
      name: { old: "Parc solaire Tamanrasset Assekrem", new: "Parc solaire Assekrem" },
      capacityMw: { old: 12.5, new: 15 },
    });
    await expect(db.transaction((tx) => updateSite(tx, admin, site.id, { latitude: null }))).rejects.toMatchObject({
      messageKey: "coordinatesPair",
      field: "latitude",
    });
  });

  it("records status changes with their reasons, and decommissioning is final", async () => {
    await db.transaction((tx) => changeSiteStatus(tx, admin, site.id, { status: "maintenance", reason: "Remplacement d’onduleurs." }));
    await expect(
      db.transaction((tx) => changeSiteStatus(tx, admin, site.id, { status: "maintenance", reason: "Encore." })),
    ).rejects.toMatchObject({ status: 422, messageKey: "statusUnchanged" });
    await db.transaction((tx) =>
      updateSite(tx, admin, site.id, { status: "decommissioned", statusReason: "Fin du contrat d’exploitation." }),
    );
    const detail = await getSiteDetail(db, admin, site.id);
    expect(detail.status).toBe("decommissioned");
    expect(detail.statusHistory.map((h) => [h.status, h.reason])).toEqual([
      ["in_service", null],
      ["maintenance", "Remplacement d’onduleurs."],
      ["decommissioned", "Fin du contrat d’exploitation."],
    ]);
    const actions = (await auditOf(site.id)).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["site.status_changed", "site.decommissioned"]));
    const changed = (await auditOf(site.id)).find((a) => a.action === "site.status_changed");
    expect(changed?.changes).toEqual({
      status: { old: "in_service", new: "maintenance" },
      reason: { old: null, new: "Remplacement d’onduleurs." },
    });
    await expect(db.transaction((tx) => updateSite(tx, admin, site.id, { name: "Renommé" }))).rejects.toMatchObject({
      status: 409,
      messageKey: "siteDecommissioned",
    });
    await expect(
      db.transaction((tx) => changeSiteStatus(tx, admin, site.id, { status: "in_service", reason: "Relance." })),
    ).rejects.toMatchObject({ status: 409, messageKey: "siteDecommissioned" });
  });

  it("deletes only a site created by mistake, for an admin; 409 once it has history or equipment", async () => {
    const mistake = await create({ code: "DZ-ERR-01", name: "Site en double" });
    await expect(db.transaction((tx) => deleteSite(tx, writer, mistake.id))).rejects.toMatchObject({ status: 403 });
    await db.transaction((tx) => deleteSite(tx, admin, mistake.id));
    await expect(getSiteDetail(db, admin, mistake.id)).rejects.toMatchObject({ status: 404 });
    expect((await auditOf(mistake.id)).at(-1)).toMatchObject({ action: "site.deleted" });
    expect((await auditOf(mistake.id)).at(-1)?.changes).toMatchObject({ code: { old: "DZ-ERR-01", new: null } });

    await expect(db.transaction((tx) => deleteSite(tx, admin, site.id))).rejects.toMatchObject({
      status: 409,
      messageKey: "siteHasHistory",
    });
    const equipped = await create({ code: "DZ-EQ-01", name: "Site équipé" });
    await db.insert(equipment).values({ siteId: equipped.id, name: "Onduleur 1", type: "inverter", qrToken: "test-token-eq-01" });
    await expect(db.transaction((tx) => deleteSite(tx, admin, equipped.id))).rejects.toMatchObject({ status: 409 });
    expect((await getSiteDetail(db, admin, equipped.id)).counts.equipment).toBe(1);
  });

  it("answers 404 for unknown and malformed ids", async () => {
    await expect(getSiteDetail(db, admin, "00000000-0000-4000-8000-000000000000")).rejects.toMatchObject({ status: 404 });
    await expect(getSiteDetail(db, admin, "not-a-uuid")).rejects.toMatchObject({ status: 404 });
    await expect(db.transaction((tx) => updateSite(tx, admin, "42", { name: "Nom" }))).rejects.toMatchObject({ status: 404 });
    await expect(db.transaction((tx) => deleteSite(tx, admin, "42"))).rejects.toMatchObject({ status: 404 });
  });

  it("queues a webhook delivery for site.created and site.updated when a webhook subscribes", async () => {
    const { webhook } = await db.transaction((tx) =>
      createWebhook(tx, admin, {
        url: "https://erp.example.ma/hooks/dihya",
        description: "ERP",
        eventTypes: ["site.created", "site.updated"],
      }),
    );
    const created = await create({ code: "DZ-HOOK-01", name: "Site annoncé" });
    await db.transaction((tx) => changeSiteStatus(tx, admin, created.id, { status: "out_of_service", reason: "Défaut réseau." }));
    const deliveries = await db
      .select()
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.webhookId, webhook.id))
      .orderBy(asc(webhookDeliveries.createdAt));
    expect(deliveries.map((d) => d.eventType)).toEqual(["site.created", "site.updated"]);
    expect(deliveries[1]?.payload).toMatchObject({ type: "site.updated", data: { id: created.id, status: "out_of_service" } });
  });
});

describe("networks", () => {
  it("creates and edits networks (audited), with unique codes", async () => {
    const network = await db.transaction((tx) =>
      createNetwork(
        tx,
        admin,
        createNetworkSchema.parse({ code: "net-oran-dist", name: "Distribution Oran", kind: "distribution", region: "Oran" }),
      ),
    );
    expect(network.code).toBe("NET-ORAN-DIST");
    await expect(
      db.transaction((tx) => createNetwork(tx, admin, { code: "NET-ORAN-DIST", name: "Doublon", kind: "fleet" })),
    ).rejects.toMatchObject({ status: 409, field: "code" });
    await expect(
      db.transaction((tx) => createNetwork(tx, technician, { code: "NET-X", name: "Interdit", kind: "fleet" })),
    ).rejects.toMatchObject({ status: 403 });
    await db.transaction((tx) => updateNetwork(tx, admin, network.id, { name: "Distribution Oranie" }));
    const audit = await auditOf(network.id);
    expect(audit.map((a) => a.action)).toEqual(["network.created", "network.updated"]);
    expect(audit[1]?.changes).toEqual({ name: { old: "Distribution Oran", new: "Distribution Oranie" } });
    const listed = await listNetworks(db, technician);
    expect(listed.find((n) => n.code === "NET-BJA-SG")?.siteCount).toBe(3);
  });
});

describe("site list", () => {
  it("seeds about a dozen demo sites across Algeria and Morocco, with a decommissioned one", () => {
    expect(demo.sites.length).toBeGreaterThanOrEqual(12);
    expect(new Set(demo.sites.map((s) => s.country))).toEqual(new Set(["DZ", "MA"]));
    expect(demo.sites.find((s) => s.code === "DZ-ORN-TG01")?.status).toBe("decommissioned");
    expect(demo.sites.filter((s) => s.type === "smart_grid_node")).toHaveLength(3);
  });

  it("searches name and code, and filters by type, status, region (any case) and network", async () => {
    expect((await list({ q: "touat" })).data.map((s) => s.code)).toEqual(["DZ-ADR-WP01", "DZ-ADR-PV01"]);
    expect((await list({ q: "ma-cas" })).data.map((s) => s.code)).toEqual(["MA-CAS-SS01"]);
    const solar = await list({ type: "solar_park", limit: 500 });
    expect(solar.data.every((s) => s.type === "solar_park")).toBe(true);
    expect(solar.data.map((s) => s.code)).toEqual(expect.arrayContaining(["DZ-ADR-PV01", "DZ-INS-PV01", "MA-OZT-PV01"]));
    expect((await list({ status: "maintenance" })).data.map((s) => s.code)).toContain("DZ-INS-PV01");
    expect((await list({ region: "béjaïa" })).data.map((s) => s.code).sort()).toEqual(["DZ-BJA-SG01", "DZ-BJA-SG02"]);
    const [grid] = (await listNetworks(db, admin)).filter((n) => n.code === "NET-BJA-SG");
    const inGrid = await list({ network: grid!.id });
    expect(inGrid.data.map((s) => s.code).sort()).toEqual(["DZ-BJA-SG01", "DZ-BJA-SG02", "DZ-BOU-SG03"]);
    expect(inGrid.data[0]?.network).toMatchObject({ code: "NET-BJA-SG" });
    expect((await list({ q: "100%_" })).data).toEqual([]);
  });

  it("pages through every sort in both orders without gaps or repeats", async () => {
    const rank = { in_service: 0, maintenance: 1, out_of_service: 2, decommissioned: 3 } as const;
    const numeric: Partial<Record<SiteSort, (s: SiteListItem) => number>> = {
      capacity: (s) => s.capacityMw ?? -1,
      status: (s) => rank[s.status],
    };
    for (const sort of ["name", "code", "capacity", "status"] as const) {
      for (const order of ["asc", "desc"] as const) {
        const full = (await list({ sort, order, limit: 500 })).data;
        const paged = await all({ sort, order }, 4);
        expect(paged.map((s) => s.id)).toEqual(full.map((s) => s.id));
        expect(new Set(paged.map((s) => s.id)).size).toBe(paged.length);
        const key = numeric[sort];
        if (!key) continue;
        const keys = paged.map(key);
        for (let i = 1; i < keys.length; i++) {
          expect(order === "asc" ? keys[i]! >= keys[i - 1]! : keys[i]! <= keys[i - 1]!, `${sort} ${order} at ${i}`).toBe(true);
        }
      }
    }
    const byName = (await list({ sort: "name", limit: 500 })).data.map((s) => s.id);
    expect((await list({ sort: "name", order: "desc", limit: 500 })).data.map((s) => s.id)).toEqual([...byName].reverse());
    const substations = await all({ type: "substation", sort: "code", order: "desc" }, 1);
    expect(substations.map((s) => s.code)).toEqual(["MA-CAS-SS01", "DZ-ORN-SS01", "DZ-ALG-SS01"]);
  });

  it("ignores a cursor from another sort or a tampered one (first page), never failing", async () => {
    const first = await list({ sort: "capacity", limit: 2 });
    const other = await list({ sort: "name", limit: 2, cursor: first.next_cursor });
    expect(other.data.map((s) => s.id)).toEqual((await list({ sort: "name", limit: 2 })).data.map((s) => s.id));
    const forged = Buffer.from(JSON.stringify(["capacity", "asc", "1; drop table sites", "x", "y"])).toString("base64url");
    expect((await list({ sort: "capacity", limit: 2, cursor: forged })).data.map((s) => s.id)).toEqual(first.data.map((s) => s.id));
  });

  it("puts every demo site with coordinates on the map, filtered by status and type", async () => {
    const map = await listMapSites(db, technician, {});
    expect(map.sites.map((s) => s.code)).toEqual(expect.arrayContaining(demo.sites.map((s) => s.code)));
    const down = await listMapSites(db, technician, { status: "out_of_service" });
    expect(down.sites.every((s) => s.status === "out_of_service")).toBe(true);
    expect(down.sites.map((s) => s.code)).toContain("DZ-ORN-SS01");
    expect((await listMapSites(db, agent, { type: "wind_park" })).sites.map((s) => s.code).sort()).toEqual(["DZ-ADR-WP01", "MA-TNT-WP01"]);
  });

  it("shows a technician only the site interventions assigned to them", async () => {
    const siteId = demo.sites[0]!.id;
    expect(await listSiteInterventions(db, technician, siteId)).toEqual([]);
    expect(await listSiteInterventions(db, agent, siteId)).toEqual([]);
    const history = await db
      .select()
      .from(siteStatusHistory)
      .where(eq(siteStatusHistory.siteId, demo.sites.find((s) => s.code === "DZ-ORN-TG01")!.id));
    expect(history).toHaveLength(3);
  });
});
