import { exportSites } from "@/server/api/endpoints/sites";
import { defineRoute } from "@/server/auth/define-route";
import { sitesDownload } from "@/server/energy/sites/sites-export";
import { resolveLocale } from "@/server/platform/locale";
import { methodsNotAllowed } from "@/server/platform/method-not-allowed";

/**
 * GET ?format=csv|pdf plus the list's filters and sort: the sites as a download, headers in
 * the caller's language (admins: `sites.export`). Records `export.created` in the route's
 * transaction; the rows stream after it commits.
 */
export const GET = defineRoute(exportSites, async ({ actor, query, tx, request }) => {
  const { format, ...filters } = query;
  return sitesDownload(tx, actor, format, filters, { locale: await resolveLocale(), signal: request.signal });
});

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(["GET"]);
