import "server-only";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { energyAlerts } from "@/db/schema";
import { assertCan, type Actor } from "@/server/auth/actor";
import { recordAudit } from "@/server/platform/audit";
import { DomainError, forbiddenError, notFound } from "@/server/platform/errors";

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Acknowledges a firing alert: a person reading measurements (admin or user) says they
 * took it in hand; who and when are kept, audited `energy_alert.acknowledged`. The alert
 * stays open until its readings fall back. Not firing → 409 `alertNotFiring`.
 */
export async function acknowledgeAlert(tx: Executor, actor: Actor, id: string, at: Date = new Date()): Promise<void> {
  assertCan(actor, "measurements.read");
  if (actor.kind !== "user") throw forbiddenError();
  if (!uuidPattern.test(id)) throw notFound();
  const [updated] = await tx
    .update(energyAlerts)
    .set({ state: "acknowledged", acknowledgedAt: at, acknowledgedBy: actor.id })
    .where(and(eq(energyAlerts.id, id), eq(energyAlerts.state, "firing")))
    .returning({ id: energyAlerts.id });
  if (!updated) {
    const [exists] = await tx.select({ id: energyAlerts.id }).from(energyAlerts).where(eq(energyAlerts.id, id)).limit(1);
    throw exists ? new DomainError("conflict", "alertNotFiring") : notFound();
  }
  await recordAudit(tx, {
    actor,
    action: "energy_alert.acknowledged",
    entityType: "energy_alert",
    entityId: id,
    changes: { state: { old: "firing", new: "acknowledged" }, acknowledgedAt: { old: null, new: at.toISOString() } },
  });
}
