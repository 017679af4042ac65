import "server-only";
import type { Executor } from "@/db/client";
import { notify } from "@/server/platform/notifications/notify";
import { emitEvent } from "@/server/platform/webhooks/emit";
import type { EquipmentDto } from "./dto";

/**
 * Equipment has just been set to `failed`: every admin gets a critical `equipment.failed`
 * notification linking to the equipment page, and webhooks subscribed to
 * `equipment.alarm` get `{ equipment, state, previous_state, reason }`. Call it in the
 * transaction that changed the state, after its audit row.
 */
export async function raiseFailureAlarm(
  tx: Executor,
  dto: EquipmentDto,
  previousState: string | null,
  reason: string | null,
): Promise<void> {
  await notify(tx, {
    to: { role: "admin" },
    kind: "equipment.failed",
    severity: "critical",
    titleKey: "notifications.messages.equipment.failed.title",
    bodyKey: "notifications.messages.equipment.failed.body",
    params: { equipment: dto.name, site: dto.site.name },
    link: `/energy/equipment/${dto.id}`,
  });
  await emitEvent(tx, "equipment.alarm", { equipment: dto, state: dto.state, previous_state: previousState, reason });
}
