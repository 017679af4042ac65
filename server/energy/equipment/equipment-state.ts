import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { equipment } from "@/db/schema";
import type { EquipmentState } from "@/lib/validation/equipment";
import { assertCan, type Actor } from "@/server/auth/actor";
import { recordAudit } from "@/server/platform/audit";
import { notFound } from "@/server/platform/errors";
import type { EquipmentDto } from "./dto";
import { raiseFailureAlarm } from "./equipment-alarm";
import { loadEquipmentDto } from "./equipment-rules";

/**
 * Sets an equipment's state (`equipment.write`). Audited as `equipment.state_changed`
 * with the old and new state and the reason, which the detail page reads back as the
 * state history. Setting `failed` raises the alarm (admins notified, `equipment.alarm`
 * webhook). Setting the state it already has changes and records nothing.
 */
export async function changeEquipmentState(
  tx: Executor,
  actor: Actor,
  id: string,
  state: EquipmentState,
  reason?: string | null,
): Promise<EquipmentDto> {
  assertCan(actor, "equipment.write");
  const [before] = await tx.select({ state: equipment.state }).from(equipment).where(eq(equipment.id, id)).limit(1).for("update");
  if (!before) throw notFound();
  if (before.state === state) return loadEquipmentDto(tx, id);
  await tx.update(equipment).set({ state }).where(eq(equipment.id, id));
  const note = reason?.trim() || null;
  await recordAudit(tx, {
    actor,
    action: "equipment.state_changed",
    entityType: "equipment",
    entityId: id,
    changes: { state: { old: before.state, new: state }, ...(note ? { reason: { old: null, new: note } } : {}) },
  });
  const dto = await loadEquipmentDto(tx, id);
  if (state === "failed") await raiseFailureAlarm(tx, dto, before.state, note);
  return dto;
}
