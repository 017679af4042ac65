import "server-only";
import { isUuid } from "@/server/platform/ids";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { environmentTargets, sites } from "@/db/schema";
import type { TargetValues } from "@/lib/validation/environment";
import { assertCan, type Actor } from "@/server/auth/actor";
import { diff, recordAudit } from "@/server/platform/audit";
import { DomainError, notFound } from "@/server/platform/errors";
import type { Target } from "./compliance";
import { dec, text } from "./decimal";

/** "37.5" % → "0.375" (exact: a shift of two decimal places). */
export function percentToRatio(percent: string): string {
  const d = dec(percent);
  return text({ int: d.int, scale: d.scale + 2 });
}

const snapshot = (t: { maxCo2Kg: string | null; minRenewableShare: string | null }) => ({
  maxCo2Kg: t.maxCo2Kg === null ? null : text(dec(t.maxCo2Kg)),
  minRenewableShare: t.minRenewableShare === null ? null : text(dec(t.minRenewableShare)),
});

/**
 * Sets the target of a site for a year (`environment.write`): creates it, or replaces both
 * values of the existing one (a blank value clears that criterion). Audited
 * `environment_target.set` with the old and new values. An unknown site → 422 `siteUnknown`.
 */
export async function setTarget(tx: Executor, actor: Actor, input: TargetValues): Promise<Target> {
  assertCan(actor, "environment.write");
  const [site] = await tx.select({ id: sites.id }).from(sites).where(eq(sites.id, input.siteId)).limit(1);
  if (!site) throw new DomainError("validation_failed", "siteUnknown", "siteId");
  const values = {
    maxCo2Kg: input.maxCo2Kg,
    minRenewableShare: input.minRenewablePercent === null ? null : percentToRatio(input.minRenewablePercent),
  };
  const [before] = await tx
    .select()
    .from(environmentTargets)
    .where(and(eq(environmentTargets.siteId, input.siteId), eq(environmentTargets.year, input.year)))
    .limit(1)
    .for("update");
  const [row] = before
    ? await tx.update(environmentTargets).set(values).where(eq(environmentTargets.id, before.id)).returning()
    : await tx
        .insert(environmentTargets)
        .values({ siteId: input.siteId, year: input.year, ...values })
        .returning();
  if (!row) throw new Error("target write returned nothing");
  await recordAudit(tx, {
    actor,
    action: "environment_target.set",
    entityType: "site",
    entityId: input.siteId,
    changes: {
      year: { old: before ? before.year : null, new: row.year },
      ...diff(before ? snapshot(before) : {}, snapshot(row)),
    },
  });
  return { id: row.id, siteId: row.siteId, year: row.year, maxCo2Kg: row.maxCo2Kg, minRenewableShare: row.minRenewableShare };
}

/** Removes a target (`environment.write`), audited `environment_target.deleted`. */
export async function deleteTarget(tx: Executor, actor: Actor, id: string): Promise<void> {
  assertCan(actor, "environment.write");
  if (!isUuid(id)) throw notFound();
  const [before] = await tx.delete(environmentTargets).where(eq(environmentTargets.id, id)).returning();
  if (!before) throw notFound();
  await recordAudit(tx, {
    actor,
    action: "environment_target.deleted",
    entityType: "site",
    entityId: before.siteId,
    changes: { year: { old: before.year, new: null }, ...diff(snapshot(before), { maxCo2Kg: null, minRenewableShare: null }) },
  });
}

export type TargetListItem = Target & { site: { id: string; code: string; name: string } };

/** Every target, by year (newest first) then site code. Needs `environment.read`. */
export async function listTargets(db: Executor, actor: Actor): Promise<TargetListItem[]> {
  assertCan(actor, "environment.read");
  const rows = await db
    .select({ t: environmentTargets, site: { id: sites.id, code: sites.code, name: sites.name } })
    .from(environmentTargets)
    .innerJoin(sites, eq(sites.id, environmentTargets.siteId))
    .orderBy(asc(sites.code));
  return rows
    .map(({ t, site }) => ({
      id: t.id,
      siteId: t.siteId,
      year: t.year,
      maxCo2Kg: t.maxCo2Kg,
      minRenewableShare: t.minRenewableShare,
      site,
    }))
    .sort((a, b) => b.year - a.year || a.site.code.localeCompare(b.site.code));
}

/** Targets of the given sites and years, keyed `siteId:year`. */
export async function targetsFor(db: Executor, siteIds: Set<string>, years: number[]): Promise<Map<string, Target>> {
  const out = new Map<string, Target>();
  if (siteIds.size === 0 || years.length === 0) return out;
  const rows = await db.select().from(environmentTargets).where(inArray(environmentTargets.year, years));
  for (const r of rows) {
    if (!siteIds.has(r.siteId)) continue;
    out.set(`${r.siteId}:${r.year}`, {
      id: r.id,
      siteId: r.siteId,
      year: r.year,
      maxCo2Kg: r.maxCo2Kg,
      minRenewableShare: r.minRenewableShare,
    });
  }
  return out;
}
