import "server-only";
import { and, count, desc, eq, inArray, isNotNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { interventions, users } from "@/db/schema";
import { openStatuses } from "./intervention-dto";

/**
 * Chooses who gets a generated intervention: the technician who last completed one on the
 * same equipment (they know it), else the enabled technician with the fewest open
 * interventions (ties: by name). `assign` counts each choice, so one run spreads its load.
 */
export async function technicianPicker(tx: Executor) {
  const technicians = await tx
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.role, "technician"), eq(users.disabled, false)))
    .orderBy(users.name, users.id);
  const ids = technicians.map((t) => t.id);
  const load = new Map(ids.map((id) => [id, 0]));
  if (ids.length > 0) {
    const open = await tx
      .select({ id: interventions.assignedTo, n: count() })
      .from(interventions)
      .where(and(inArray(interventions.assignedTo, ids), inArray(interventions.status, [...openStatuses])))
      .groupBy(interventions.assignedTo);
    for (const row of open) if (row.id) load.set(row.id, Number(row.n));
  }

  return async function assign(equipmentId: string): Promise<string | null> {
    if (ids.length === 0) return null;
    const [last] = await tx
      .select({ id: interventions.assignedTo })
      .from(interventions)
      .where(and(eq(interventions.equipmentId, equipmentId), eq(interventions.status, "done"), isNotNull(interventions.assignedTo)))
      .orderBy(desc(interventions.completedAt))
      .limit(1);
    let chosen = last?.id && load.has(last.id) ? last.id : null;
    if (!chosen) chosen = ids.reduce((best, id) => ((load.get(id) ?? 0) < (load.get(best) ?? 0) ? id : best), ids[0]!);
    load.set(chosen, (load.get(chosen) ?? 0) + 1);
    return chosen;
  };
}
