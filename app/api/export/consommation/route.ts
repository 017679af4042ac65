import { exportMeasurements } from "@/server/api/endpoints/measurements-export";
import { defineRoute } from "@/server/auth/define-route";
import { measurementsDownload } from "@/server/energy/readings/measurements-export";
import { resolveLocale } from "@/server/platform/locale";
import { methodsNotAllowed } from "@/server/platform/method-not-allowed";

/**
 * GET ?site&from&to&granularity&kind[&meter]: the site's measurements as CSV, exactly the
 * series the measurements tab shows for these parameters (`measurements.read`): times in
 * ISO 8601 with the site's offset, headers in the caller's language. Records `export.created`.
 */
export const GET = defineRoute(exportMeasurements, async ({ actor, query, tx }) =>
  measurementsDownload(tx, actor, query, { locale: await resolveLocale() }),
);

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(["GET"]);
