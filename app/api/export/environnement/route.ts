import { exportEnvironment } from "@/server/api/endpoints/environment";
import { defineRoute } from "@/server/auth/define-route";
import { environmentDownload } from "@/server/energy/environment/environment-export";
import { resolveLocale } from "@/server/platform/locale";
import { methodsNotAllowed } from "@/server/platform/method-not-allowed";

/**
 * GET ?format=csv plus the indicators' filters: every site and month as CSV (the same
 * numbers as GET /api/environnement, unrounded), headers in the caller's language.
 * Records `export.created`.
 */
export const GET = defineRoute(exportEnvironment, async ({ actor, query, tx }) => {
  const { site, network, from, to } = query;
  return environmentDownload(tx, actor, { site, network, from, to }, { locale: await resolveLocale() });
});

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(["GET"]);
