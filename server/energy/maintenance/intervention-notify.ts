import "server-only";
import type { Executor } from "@/db/client";
import { notify } from "@/server/platform/notifications/notify";
import type { InterventionDto } from "./intervention-dto";
import { wallClock } from "./site-time";

/** Message params shared by the intervention notifications (times on the site's wall clock). */
function paramsOf(dto: InterventionDto): Record<string, string> {
  const { day, time } = wallClock(new Date(dto.plannedStart), dto.siteTimezone);
  return {
    reference: dto.reference,
    title: dto.title,
    equipment: dto.equipmentName,
    site: dto.siteName,
    kind: dto.kind,
    when: `${day} ${time}`,
  };
}

export const technicianLink = (id: string) => `/energy/my-interventions/${id}`;
export const staffLink = (id: string) => `/energy/maintenance/${id}`;

/** `intervention.assigned` to the assignee (none when unassigned), linking to their view. */
export async function notifyAssigned(tx: Executor, dto: InterventionDto): Promise<void> {
  if (!dto.assignedTo) return;
  await notify(tx, {
    to: { userId: dto.assignedTo },
    kind: "intervention.assigned",
    titleKey: "notifications.messages.intervention.assigned.title",
    bodyKey: "notifications.messages.intervention.assigned.body",
    params: paramsOf(dto),
    link: technicianLink(dto.id),
  });
}

/** `intervention.overdue` to the assignee (their view) and to every admin (the planning's detail page). */
export async function notifyOverdue(tx: Executor, dto: InterventionDto): Promise<void> {
  const message = {
    kind: "intervention.overdue",
    titleKey: "notifications.messages.intervention.overdue.title",
    bodyKey: "notifications.messages.intervention.overdue.body",
    params: { ...paramsOf(dto), assignee: dto.assigneeName ?? "—" },
  };
  if (dto.assignedTo) await notify(tx, { ...message, to: { userId: dto.assignedTo }, link: technicianLink(dto.id) });
  await notify(tx, { ...message, to: { role: "admin" }, link: staffLink(dto.id) });
}
