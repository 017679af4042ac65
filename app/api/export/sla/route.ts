import { exportSla as exportOp } from "@/server/api/endpoints/incidents";
import { defineRoute } from "@/server/auth/define-route";
import { slaDownload } from "@/server/devops/incidents/sla-export";
import { resolveLocale } from "@/server/platform/locale";
import { methodsNotAllowed } from "@/server/platform/method-not-allowed";

/** GET ?month=YYYY-MM (`incidents.read`): the month's incidents and their SLA outcomes as CSV (audited `export.created`). */
export const GET = defineRoute(exportOp, async ({ actor, query, tx }) =>
  slaDownload(tx, actor, query.month, { locale: await resolveLocale() }),
);

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(["GET"]);
