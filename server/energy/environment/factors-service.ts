import "server-only";
import { isUuid } from "@/server/platform/ids";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { emissionFactors } from "@/db/schema";
import type { EditFactor } from "@/lib/validation/environment";
import { actorLabel, assertCan, type Actor } from "@/server/auth/actor";
import { recordAudit } from "@/server/platform/audit";
import { DomainError, notFound } from "@/server/platform/errors";
import { cmp, dec } from "./decimal";

export type EditedFactor = { id: string; key: string; version: number; value: string; source: string };

/**
 * Edits an emission factor (`environment.write`): never in place. The current version `id`
 * is closed (`superseded_at`) and version + 1 is inserted with the new value and source
 * (same key, carrier, zone, year, unit, perimeter), audited `emission_factor.updated` with
 * the reason. Computations from then on use the new version; the old one stays readable.
 * An `id` that is no longer current (edited meanwhile) → 409 `factorSuperseded`; the same
 * value and source again → 422 `factorUnchanged`.
 */
export async function editEmissionFactor(tx: Executor, actor: Actor, input: EditFactor): Promise<EditedFactor> {
  assertCan(actor, "environment.write");
  if (!isUuid(input.id)) throw notFound();
  const [before] = await tx.select().from(emissionFactors).where(eq(emissionFactors.id, input.id)).limit(1).for("update");
  if (!before) throw notFound();
  if (before.supersededAt !== null) throw new DomainError("conflict", "factorSuperseded");
  if (cmp(dec(before.value), dec(input.value)) === 0 && before.source === input.source) {
    throw new DomainError("validation_failed", "factorUnchanged", "value");
  }
  const now = new Date();
  await tx.update(emissionFactors).set({ supersededAt: now }).where(eq(emissionFactors.id, before.id));
  const [after] = await tx
    .insert(emissionFactors)
    .values({
      key: before.key,
      carrier: before.carrier,
      zone: before.zone,
      year: before.year,
      value: input.value,
      unit: before.unit,
      perimeter: before.perimeter,
      source: input.source,
      version: before.version + 1,
      createdBy: actorLabel(actor),
      createdAt: now,
    })
    .returning();
  if (!after) throw new Error("insert returned nothing");
  await recordAudit(tx, {
    actor,
    action: "emission_factor.updated",
    entityType: "emission_factor",
    entityId: before.key,
    changes: {
      version: { old: before.version, new: after.version },
      value: { old: before.value, new: after.value },
      source: { old: before.source, new: after.source },
      reason: { old: null, new: input.reason },
    },
  });
  return { id: after.id, key: after.key, version: after.version, value: after.value, source: after.source };
}
