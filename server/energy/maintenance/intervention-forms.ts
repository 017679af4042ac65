import "server-only";
import type { Executor } from "@/db/client";
import type { RescheduleFormInput } from "@/lib/validation/maintenance";
import type { Actor } from "@/server/auth/actor";
import { wallTimeToDate } from "@/server/energy/equipment/dates";
import { DomainError } from "@/server/platform/errors";
import type { InterventionDto } from "./intervention-dto";
import { updateIntervention } from "./intervention-transitions";
import { getIntervention } from "./interventions-query";
import { safeZone } from "./site-time";

/** The reschedule form: a wall-clock time on the intervention's site clock (admins, planned only). */
export async function rescheduleFromForm(
  tx: Executor,
  actor: Actor,
  id: string,
  form: Omit<RescheduleFormInput, "plannedDurationMinutes"> & { plannedDurationMinutes: number },
): Promise<InterventionDto> {
  const current = await getIntervention(tx, actor, id);
  const plannedStart = wallTimeToDate(form.plannedStartLocal, safeZone(current.siteTimezone));
  if (!plannedStart) throw new DomainError("validation_failed", "plannedStartInvalid", "plannedStartLocal");
  return updateIntervention(tx, actor, id, { plannedStart, plannedDurationMinutes: form.plannedDurationMinutes });
}
