import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { equipment } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { diff, recordAudit } from "@/server/platform/audit";
import { notFound } from "@/server/platform/errors";
import { addDays, toDay } from "./dates";

/** The fields of an equipment row a preventive plan reads (a Drizzle `equipment` row fits). */
export type PlanFields = {
  planKind: string | null;
  planInterval: number | null;
  /** numeric columns arrive as strings from the drivers; numbers are accepted too. */
  operatingHours: string | number | null;
  hoursAtLastService: string | number | null;
  lastServiceOn: string | null;
  commissionedOn: string | null;
  nextDueOn: string | null;
};

const hoursOf = (value: string | number | null) => (value === null || value === "" ? 0 : Number(value));

/**
 * The date the next preventive intervention is due (`YYYY-MM-DD`), or null. Pure: the
 * preventive job and the equipment service both call it; `today` is a calendar day (or a
 * Date, read as its Africa/Algiers day).
 *
 * - No plan (no kind or no positive interval): null.
 * - `days`: last service day (else commissioning day, else `today`) + interval days. The
 *   result may be in the past: the equipment is then overdue.
 * - `hours`: due once the counter has run `interval` hours since the last service
 *   (`operating_hours - hours_at_last_service >= interval`; a missing last-service reading
 *   counts from 0). Not yet reached: null (no date can be promised from a counter). Reached:
 *   the due date already recorded if there is one, so the date stays stable from one run
 *   of the job to the next (one intervention per due date), else `today`.
 */
export function computeNextDue(unit: PlanFields, today: string | Date): string | null {
  const interval = unit.planInterval;
  if (!unit.planKind || interval === null || !(interval > 0)) return null;
  const day = toDay(today);
  if (unit.planKind === "days") {
    return addDays(unit.lastServiceOn ?? unit.commissionedOn ?? day, interval);
  }
  if (unit.planKind === "hours") {
    const run = hoursOf(unit.operatingHours) - hoursOf(unit.hoursAtLastService);
    if (run < interval) return null;
    return unit.nextDueOn ?? day;
  }
  return null;
}

/** Whether a due date is past on `today` (the equipment is overdue). */
export function isOverdue(nextDueOn: string | null, today: string | Date): boolean {
  return nextDueOn !== null && nextDueOn < toDay(today);
}

const maintenanceActor: Actor = { kind: "system", id: "maintenance" };

/**
 * A preventive service was completed on `completedOn` (a day, or a Date read as its
 * Africa/Algiers day): records it on the equipment — `last_service_on` (never moved
 * backwards by a late report of an older service), `hours_at_last_service` (the counter
 * now), and `next_due_on` recomputed from the plan. Called by the maintenance service in
 * the transaction that completes the intervention; no permission check here (the caller
 * checked its own). Audited as `equipment.serviced` (actor: `actor`, else the system).
 */
export async function recordService(
  tx: Executor,
  equipmentId: string,
  completedOn: string | Date,
  actor: Actor = maintenanceActor,
): Promise<{ lastServiceOn: string; nextDueOn: string | null }> {
  const day = toDay(completedOn);
  const [before] = await tx.select().from(equipment).where(eq(equipment.id, equipmentId)).limit(1).for("update");
  if (!before) throw notFound();
  const lastServiceOn = before.lastServiceOn && before.lastServiceOn > day ? before.lastServiceOn : day;
  const serviced = { ...before, lastServiceOn, hoursAtLastService: before.operatingHours, nextDueOn: null };
  const nextDueOn = computeNextDue(serviced, day);
  await tx
    .update(equipment)
    .set({ lastServiceOn, hoursAtLastService: before.operatingHours, nextDueOn })
    .where(eq(equipment.id, equipmentId));
  await recordAudit(tx, {
    actor,
    action: "equipment.serviced",
    entityType: "equipment",
    entityId: equipmentId,
    changes: diff(
      { lastServiceOn: before.lastServiceOn, hoursAtLastService: before.hoursAtLastService, nextDueOn: before.nextDueOn },
      { lastServiceOn, hoursAtLastService: before.operatingHours, nextDueOn },
    ),
  });
  return { lastServiceOn, nextDueOn };
}
