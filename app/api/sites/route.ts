import { createSite as createSiteOp, listSites as listSitesOp } from "@/server/api/endpoints/sites";
import { defineRoute, json } from "@/server/auth/define-route";
import { createSite } from "@/server/energy/sites/sites-service";
import { listSites } from "@/server/energy/sites/sites-query";
import { methodsNotAllowed } from "@/server/platform/method-not-allowed";

/** GET: every reader of sites (admin, user, technician; partners with sites:read); filters, sort, cursor pagination. */
export const GET = defineRoute(listSitesOp, ({ actor, query, tx }) => listSites(tx, actor, query));

/** POST: admins (or partners with sites:write) create a site. 201 with Location; a taken code → 409. */
export const POST = defineRoute(createSiteOp, async ({ actor, body, tx }) => {
  const site = await createSite(tx, actor, body);
  return json(site, 201, { location: `/api/sites/${site.id}` });
});

export const { PUT, PATCH, DELETE } = methodsNotAllowed(["GET", "POST"]);
