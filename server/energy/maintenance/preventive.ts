import "server-only";
import { and, asc, eq, inArray, isNotNull, ne } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { equipment, interventions, sites } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { addDays, dayIn, wallTimeToDate } from "@/server/energy/equipment/dates";
import { computeNextDue } from "@/server/energy/equipment/plan";
import type { InterventionDto } from "./intervention-dto";
import { createPlannedPreventive } from "./interventions-service";
import { safeZone } from "./site-time";
import { technicianPicker } from "./technician-picker";

/** Days ahead the generator plans preventive interventions. */
export const preventiveHorizonDays = 14;

/** Typical duration of a preventive visit by equipment type, in minutes. */
const durationByType: Record<string, number> = {
  transformer: 240,
  turbine: 240,
  generator: 180,
  inverter: 90,
  breaker: 90,
  pump: 90,
  meter: 45,
  panel_string: 120,
  battery: 120,
};

/** 08:00 on the site's clock on `day`, or the next morning when that is already past. */
function morningOf(day: string, zone: string, now: Date): Date | null {
  const start = wallTimeToDate(`${day}T08:00`, zone);
  if (!start || start >= now) return start;
  return wallTimeToDate(`${addDays(dayIn(now, zone), 1)}T08:00`, zone);
}

/**
 * Creates the preventive intervention of every equipment whose plan falls due by
 * `today + horizonDays` (days in Africa/Algiers), on a site that is not decommissioned:
 * exactly one per equipment and due date (the unique index; a second run creates nothing),
 * and none while an earlier plan intervention of that equipment is still open. Planned at
 * 08:00 on the site's clock on the due date (the next 08:00 to come when the due date is
 * past); assigned by `technicianPicker`. Returns what it created.
 */
export async function generatePreventiveInterventions(
  tx: Executor,
  actor: Actor,
  options: { today?: string; horizonDays?: number; now?: Date } = {},
): Promise<InterventionDto[]> {
  const now = options.now ?? new Date();
  const today = options.today ?? dayIn(now);
  const horizon = addDays(today, options.horizonDays ?? preventiveHorizonDays);
  const candidates = await tx
    .select({ row: equipment, timezone: sites.timezone })
    .from(equipment)
    .innerJoin(sites, eq(equipment.siteId, sites.id))
    .where(and(isNotNull(equipment.planKind), ne(sites.status, "decommissioned")))
    .orderBy(asc(equipment.nextDueOn), asc(equipment.id));
  const assign = await technicianPicker(tx);
  const created: InterventionDto[] = [];
  for (const { row, timezone } of candidates) {
    const due = row.nextDueOn ?? computeNextDue(row, today);
    if (!due || due > horizon) continue;
    const [open] = await tx
      .select({ id: interventions.id })
      .from(interventions)
      .where(
        and(
          eq(interventions.equipmentId, row.id),
          eq(interventions.source, "plan"),
          inArray(interventions.status, ["planned", "in_progress"]),
          ne(interventions.planDueOn, due),
        ),
      )
      .limit(1);
    if (open) continue;
    const plannedStart = morningOf(due < today ? today : due, safeZone(timezone), now);
    if (!plannedStart) continue;
    const dto = await createPlannedPreventive(tx, actor, {
      equipmentId: row.id,
      title: `${row.name} — ${due}`,
      plannedStart,
      plannedDurationMinutes: durationByType[row.type] ?? 120,
      assignedTo: await assign(row.id),
      planDueOn: due,
    });
    if (dto) created.push(dto);
  }
  return created;
}
