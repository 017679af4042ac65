import { createIncident as createOp, listIncidents as listOp } from "@/server/api/endpoints/incidents";
import { defineRoute, json } from "@/server/auth/define-route";
import { getIncident } from "@/server/devops/incidents/incident-detail";
import { listIncidents } from "@/server/devops/incidents/incidents-query";
import { openIncident } from "@/server/devops/incidents/open-incident";
import { methodsNotAllowed } from "@/server/platform/method-not-allowed";

/**
 * GET: incidents newest first with their SLA clocks; `incidents.read` (admin, devops;
 * partners incidents:read) see all, `incidents.create` alone (users, partners
 * incidents:write) only those they opened. Filters status (or "open"), severity, assignee, q, breached; page/pageSize.
 */
export const GET = defineRoute(listOp, async ({ actor, query, tx }) => {
  const { items, ...rest } = await listIncidents(tx, actor, query);
  return { data: items, ...rest };
});

/** POST: opens an incident (SLA deadlines snapshotted, devops notified). 201 with Location. Only managers relate servers. */
export const POST = defineRoute(createOp, async ({ actor, body, tx }) => {
  const row = await openIncident(tx, actor, body, { source: "api" });
  const detail = await getIncident(tx, actor, row.id);
  return json(detail, 201, { location: `/api/incidents/${row.id}` });
});

export const { PUT, PATCH, DELETE } = methodsNotAllowed(["GET", "POST"]);
