import { deleteSite as deleteSiteOp, getSite as getSiteOp, updateSite as updateSiteOp } from "@/server/api/endpoints/sites";
import { defineRoute } from "@/server/auth/define-route";
import { getSiteDetail } from "@/server/energy/sites/site-detail";
import { deleteSite, updateSite } from "@/server/energy/sites/sites-service";
import { methodsNotAllowed } from "@/server/platform/method-not-allowed";

/** GET: the site with its network, parent, counts and status history. Unknown or malformed id → 404. */
export const GET = defineRoute(getSiteOp, ({ actor, params, tx }) => getSiteDetail(tx, actor, params.id ?? ""));

/** PATCH: edit fields; `status` + `statusReason` change the status (history). Decommissioned → 409. */
export const PATCH = defineRoute(updateSiteOp, ({ actor, params, body, tx }) => updateSite(tx, actor, params.id ?? "", body));

/** DELETE: admins only, for a site created by mistake (no equipment, interventions, children or status change) → 204; else 409. */
export const DELETE = defineRoute(deleteSiteOp, async ({ actor, params, tx }) => {
  await deleteSite(tx, actor, params.id ?? "");
  return new Response(null, { status: 204, headers: { "cache-control": "no-store" } });
});

export const { POST, PUT } = methodsNotAllowed(["GET", "PATCH", "DELETE"]);
