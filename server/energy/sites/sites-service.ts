import "server-only";
import { count, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { equipment, interventions, sites, siteStatusHistory } from "@/db/schema";
import { countryTimeZones, type CreateSite, type SiteStatus, type UpdateSite } from "@/lib/validation/sites";
import { actorLabel, assertCan, type Actor } from "@/server/auth/actor";
import { diff, recordAudit } from "@/server/platform/audit";
import { DomainError, forbiddenError, notFound } from "@/server/platform/errors";
import { emitEvent } from "@/server/platform/webhooks/emit";
import { siteSnapshot, toSiteDto, uuidPattern, type SiteDto } from "./site-dto";
import { assertNetworkExists, assertNotDecommissioned, assertParentAllowed, assertSiteCodeFree } from "./site-rules";
import { uniqueViolation } from "./unique-violation";

type SiteRow = typeof sites.$inferSelect;
/** Text as stored: NFC (so search matches however it was typed), empty → null. */
const blankToNull = (v: string | null | undefined) => (v ? v.normalize("NFC") : null);
const decimal = (v: number | null | undefined) => (v === null || v === undefined ? null : String(v));
const removed = (snapshot: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(snapshot).map(([key, old]) => [key, { old: old ?? null, new: null }]));
const codeTaken = (e: unknown) => (uniqueViolation(e, "sites_code_key") ? new DomainError("conflict", "codeTaken", "code") : e);

/**
 * Creates a site (`sites.write`) with its first status-history row, audited
 * (`site.created`) and announced (`site.created` webhook). A code already used → 409
 * `codeTaken`; an unknown network or parent → 422 on that field. `at` (seed and imports
 * only) backdates the record and its first status.
 */
export async function createSite(tx: Executor, actor: Actor, input: CreateSite, options: { at?: Date } = {}): Promise<SiteDto> {
  assertCan(actor, "sites.write");
  await assertSiteCodeFree(tx, input.code);
  if (input.networkId) await assertNetworkExists(tx, input.networkId);
  if (input.parentId) await assertParentAllowed(tx, input.parentId);
  const [row] = await tx
    .insert(sites)
    .values({
      code: input.code,
      name: input.name.normalize("NFC"),
      type: input.type,
      networkId: input.networkId ?? null,
      parentId: input.parentId ?? null,
      address: blankToNull(input.address),
      region: blankToNull(input.region),
      country: input.country,
      latitude: decimal(input.latitude),
      longitude: decimal(input.longitude),
      capacityMw: decimal(input.capacityMw),
      timezone: input.timezone ?? countryTimeZones[input.country],
      status: input.status,
      ...(options.at ? { createdAt: options.at, updatedAt: options.at, statusChangedAt: options.at } : {}),
    })
    .returning()
    .catch((e: unknown) => {
      throw codeTaken(e);
    });
  if (!row) throw new Error("insert returned nothing");
  await tx
    .insert(siteStatusHistory)
    .values({ siteId: row.id, status: row.status, changedBy: actorLabel(actor), changedAt: row.statusChangedAt });
  await recordAudit(tx, { actor, action: "site.created", entityType: "site", entityId: row.id, changes: diff({}, siteSnapshot(row)) });
  const dto = toSiteDto(row);
  await emitEvent(tx, "site.created", dto);
  return dto;
}

async function lockSite(tx: Executor, id: string): Promise<SiteRow> {
  if (!uuidPattern.test(id)) throw notFound();
  const [row] = await tx.select().from(sites).where(eq(sites.id, id)).limit(1).for("update");
  if (!row) throw notFound();
  return row;
}

/** Moves a locked site to `status`, with a history row and an audit row. */
async function applyStatus(tx: Executor, actor: Actor, before: SiteRow, status: SiteStatus, reason: string, at?: Date): Promise<SiteRow> {
  assertNotDecommissioned(before.status);
  if (status === before.status) throw new DomainError("validation_failed", "statusUnchanged", "status");
  const changedAt = at ?? new Date();
  const [after] = await tx.update(sites).set({ status, statusChangedAt: changedAt }).where(eq(sites.id, before.id)).returning();
  if (!after) throw notFound();
  await tx.insert(siteStatusHistory).values({ siteId: before.id, status, reason, changedBy: actorLabel(actor), changedAt });
  await recordAudit(tx, {
    actor,
    action: status === "decommissioned" ? "site.decommissioned" : "site.status_changed",
    entityType: "site",
    entityId: before.id,
    changes: { status: { old: before.status, new: status }, reason: { old: null, new: reason } },
  });
  return after;
}

/**
 * Changes a site's status with a reason (`sites.write`): a history row, an audit row
 * (`site.status_changed`, or `site.decommissioned`), a `site.updated` webhook. The same
 * status again → 422 `statusUnchanged`; a decommissioned site → 409 `siteDecommissioned`.
 * `at` (seed and imports only) backdates the change.
 */
export async function changeSiteStatus(
  tx: Executor,
  actor: Actor,
  id: string,
  input: { status: SiteStatus; reason: string },
  options: { at?: Date } = {},
): Promise<SiteDto> {
  assertCan(actor, "sites.write");
  const before = await lockSite(tx, id);
  const after = await applyStatus(tx, actor, before, input.status, input.reason, options.at);
  const dto = toSiteDto(after);
  await emitEvent(tx, "site.updated", dto);
  return dto;
}

function patchOf(input: UpdateSite): Partial<typeof sites.$inferInsert> {
  const patch: Partial<typeof sites.$inferInsert> = {};
  if (input.code !== undefined) patch.code = input.code;
  if (input.name !== undefined) patch.name = input.name.normalize("NFC");
  if (input.type !== undefined) patch.type = input.type;
  if (input.networkId !== undefined) patch.networkId = input.networkId;
  if (input.parentId !== undefined) patch.parentId = input.parentId;
  if (input.address !== undefined) patch.address = blankToNull(input.address);
  if (input.region !== undefined) patch.region = blankToNull(input.region);
  if (input.country !== undefined) patch.country = input.country;
  if (input.latitude !== undefined) patch.latitude = decimal(input.latitude);
  if (input.longitude !== undefined) patch.longitude = decimal(input.longitude);
  if (input.capacityMw !== undefined) patch.capacityMw = decimal(input.capacityMw);
  if (input.timezone !== undefined) patch.timezone = input.timezone;
  return patch;
}

/**
 * Edits a site (`sites.write`): the audit row (`site.updated`) holds the changed fields
 * only. With `status` + `statusReason`, also changes the status (see changeSiteStatus).
 * A decommissioned site is read-only → 409 `siteDecommissioned`.
 */
export async function updateSite(tx: Executor, actor: Actor, id: string, input: UpdateSite): Promise<SiteDto> {
  assertCan(actor, "sites.write");
  const before = await lockSite(tx, id);
  assertNotDecommissioned(before.status);
  if (input.code !== undefined) await assertSiteCodeFree(tx, input.code, id);
  if (input.networkId) await assertNetworkExists(tx, input.networkId);
  if (input.parentId) await assertParentAllowed(tx, input.parentId, id);
  const patch = patchOf(input);
  const lat = patch.latitude !== undefined ? patch.latitude : before.latitude;
  const lon = patch.longitude !== undefined ? patch.longitude : before.longitude;
  if ((lat === null) !== (lon === null)) {
    throw new DomainError("validation_failed", "coordinatesPair", lat === null ? "latitude" : "longitude");
  }
  let after = before;
  if (Object.keys(patch).length > 0) {
    const [row] = await tx
      .update(sites)
      .set(patch)
      .where(eq(sites.id, id))
      .returning()
      .catch((e: unknown) => {
        throw codeTaken(e);
      });
    if (!row) throw notFound();
    after = row;
  }
  const withoutStatus = (row: SiteRow) => {
    const snapshot = siteSnapshot(row);
    delete snapshot.status;
    return snapshot;
  };
  const changes = diff(withoutStatus(before), withoutStatus(after));
  if (Object.keys(changes).length > 0) {
    await recordAudit(tx, { actor, action: "site.updated", entityType: "site", entityId: id, changes });
  }
  if (input.status !== undefined) after = await applyStatus(tx, actor, after, input.status, input.statusReason ?? "");
  if (Object.keys(changes).length > 0 || input.status !== undefined) await emitEvent(tx, "site.updated", toSiteDto(after));
  return toSiteDto(after);
}

/**
 * Deletes a site created by mistake: an admin user only (partners and other roles → 403).
 * Refused with 409 `siteHasHistory` once the site has equipment, interventions, child
 * sites or any status change after its creation; decommission it instead.
 */
export async function deleteSite(tx: Executor, actor: Actor, id: string): Promise<void> {
  assertCan(actor, "sites.write");
  if (actor.kind !== "user" || actor.role !== "admin") throw forbiddenError();
  const before = await lockSite(tx, id);
  const counted = async (query: Promise<{ n: number }[]>) => Number((await query)[0]?.n ?? 0);
  const used =
    (await counted(tx.select({ n: count() }).from(equipment).where(eq(equipment.siteId, id)))) > 0 ||
    (await counted(tx.select({ n: count() }).from(interventions).where(eq(interventions.siteId, id)))) > 0 ||
    (await counted(tx.select({ n: count() }).from(sites).where(eq(sites.parentId, id)))) > 0 ||
    (await counted(tx.select({ n: count() }).from(siteStatusHistory).where(eq(siteStatusHistory.siteId, id)))) > 1;
  if (used) throw new DomainError("conflict", "siteHasHistory");
  await tx.delete(siteStatusHistory).where(eq(siteStatusHistory.siteId, id));
  await tx.delete(sites).where(eq(sites.id, id));
  await recordAudit(tx, { actor, action: "site.deleted", entityType: "site", entityId: id, changes: removed(siteSnapshot(before)) });
}
