import { listEnvironment } from "@/server/api/endpoints/environment";
import { defineRoute } from "@/server/auth/define-route";
import { environmentIndicators } from "@/server/energy/environment/indicators";
import { methodsNotAllowed } from "@/server/platform/method-not-allowed";

/**
 * GET: environment indicators per site and site-local month (admins and users, partners with
 * environment:read): ?site=&network=&from=YYYY-MM&to=YYYY-MM&limit=&cursor=. CO₂ of
 * consumption (location-based), avoided CO₂ of renewable production, renewable share, the
 * factor used (id, key, version, source), the year's target and year-to-date compliance.
 */
export const GET = defineRoute(listEnvironment, ({ actor, query, tx }) => environmentIndicators(tx, actor, query));

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(["GET"]);
