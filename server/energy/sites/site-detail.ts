import "server-only";
import { and, asc, count, desc, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { equipment, interventions, networks, sites, siteStatusHistory } from "@/db/schema";
import type { SiteStatus } from "@/lib/validation/sites";
import { assertCan, can, type Actor } from "@/server/auth/actor";
import { notFound } from "@/server/platform/errors";
import { toSiteDto, uuidPattern, type SiteDto } from "./site-dto";

type Ref = { id: string; code: string; name: string };
export type StatusHistoryEntry = { status: SiteStatus; reason: string | null; changedBy: string | null; changedAt: string };

export type SiteDetail = SiteDto & {
  network: Ref | null;
  parent: Ref | null;
  counts: { equipment: number; openInterventions: number; children: number };
  /** Oldest first; the first entry is the status the site was created with. */
  statusHistory: StatusHistoryEntry[];
};

/** Interventions that still need work. */
export const openInterventionStatuses = ["planned", "in_progress"];

/** The site row, or not found (a malformed id is not found too). Needs `sites.read`. */
export async function getSite(db: Executor, actor: Actor, id: string): Promise<SiteDto> {
  assertCan(actor, "sites.read");
  if (!uuidPattern.test(id)) throw notFound();
  const [row] = await db.select().from(sites).where(eq(sites.id, id)).limit(1);
  if (!row) throw notFound();
  return toSiteDto(row);
}

/** A site with its network, parent, counts and status history. Needs `sites.read`. */
export async function getSiteDetail(db: Executor, actor: Actor, id: string): Promise<SiteDetail> {
  const site = await getSite(db, actor, id);
  const ref = { id: networks.id, code: networks.code, name: networks.name };
  const [network] = site.networkId ? await db.select(ref).from(networks).where(eq(networks.id, site.networkId)) : [];
  const [parent] = site.parentId
    ? await db.select({ id: sites.id, code: sites.code, name: sites.name }).from(sites).where(eq(sites.id, site.parentId))
    : [];
  const [equipmentCount] = await db.select({ n: count() }).from(equipment).where(eq(equipment.siteId, id));
  const [open] = await db
    .select({ n: count() })
    .from(interventions)
    .where(and(eq(interventions.siteId, id), inArray(interventions.status, openInterventionStatuses)));
  const [children] = await db.select({ n: count() }).from(sites).where(eq(sites.parentId, id));
  const history = await db
    .select()
    .from(siteStatusHistory)
    .where(eq(siteStatusHistory.siteId, id))
    .orderBy(asc(siteStatusHistory.changedAt), asc(siteStatusHistory.id));
  return {
    ...site,
    network: network ?? null,
    parent: parent ?? null,
    counts: { equipment: Number(equipmentCount?.n ?? 0), openInterventions: Number(open?.n ?? 0), children: Number(children?.n ?? 0) },
    statusHistory: history.map((h) => ({
      status: h.status as SiteStatus,
      reason: h.reason,
      changedBy: h.changedBy,
      changedAt: h.changedAt.toISOString(),
    })),
  };
}

/** The sites whose parent is this one, by name. Needs `sites.read`. */
export async function listChildSites(db: Executor, actor: Actor, id: string): Promise<Ref[]> {
  assertCan(actor, "sites.read");
  return db
    .select({ id: sites.id, code: sites.code, name: sites.name })
    .from(sites)
    .where(eq(sites.parentId, id))
    .orderBy(asc(sites.name), asc(sites.id));
}

export type SiteEquipmentItem = { id: string; name: string; type: string; state: string; criticality: string; nextDueOn: string | null };

/** The site's equipment by name (at most `limit`). Needs `equipment.read`. */
export async function listSiteEquipment(db: Executor, actor: Actor, siteId: string, limit = 100): Promise<SiteEquipmentItem[]> {
  assertCan(actor, "equipment.read");
  return db
    .select({
      id: equipment.id,
      name: equipment.name,
      type: equipment.type,
      state: equipment.state,
      criticality: equipment.criticality,
      nextDueOn: equipment.nextDueOn,
    })
    .from(equipment)
    .where(eq(equipment.siteId, siteId))
    .orderBy(asc(equipment.name), asc(equipment.id))
    .limit(limit);
}

export type SiteInterventionItem = {
  id: string;
  reference: string;
  title: string;
  kind: string;
  status: string;
  plannedStart: Date;
};

/**
 * The site's latest interventions, newest planned first. `maintenance.read` sees them all;
 * a technician (`interventions.assigned`) only those assigned to them; anyone else none.
 */
export async function listSiteInterventions(db: Executor, actor: Actor, siteId: string, limit = 10): Promise<SiteInterventionItem[]> {
  assertCan(actor, "sites.read");
  const scope = can(actor, "maintenance.read")
    ? undefined
    : actor.kind === "user" && can(actor, "interventions.assigned")
      ? eq(interventions.assignedTo, actor.id)
      : null;
  if (scope === null) return [];
  return db
    .select({
      id: interventions.id,
      reference: interventions.reference,
      title: interventions.title,
      kind: interventions.kind,
      status: interventions.status,
      plannedStart: interventions.plannedStart,
    })
    .from(interventions)
    .where(and(eq(interventions.siteId, siteId), scope))
    .orderBy(desc(interventions.plannedStart), desc(interventions.id))
    .limit(limit);
}
