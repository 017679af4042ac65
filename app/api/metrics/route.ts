import { prometheusMetricsOp } from "@/server/api/endpoints/monitoring";
import { can } from "@/server/auth/actor";
import { resolveCredentials } from "@/server/auth/credentials";
import { defineRoute } from "@/server/auth/define-route";
import { refreshDbGauges } from "@/server/devops/monitoring/db-gauges";
import { metricsScrapeAllowed } from "@/server/devops/monitoring/metrics-token";
import { promMetrics } from "@/server/platform/metrics/prometheus-registry";
import { methodsNotAllowed } from "@/server/platform/method-not-allowed";
import { problem, titles } from "@/server/platform/problem";

/**
 * GET: Dihya's Prometheus exposition (text format 0.0.4): process metrics (dihya_ prefix),
 * API requests, ingests, jobs, and fleet gauges read from the database at scrape time.
 * With DIHYA_METRICS_TOKEN set, only `Authorization: Bearer <token>` (else 401); unset, a
 * caller who may read monitoring (session, or an API key with monitoring:read), else 401/403.
 */
export const GET = defineRoute(prometheusMetricsOp, async ({ request, tx }) => {
  if (!process.env.DIHYA_METRICS_TOKEN) {
    const caller = await resolveCredentials(request);
    if (caller === null || caller === "bad")
      return problem(
        401,
        "unauthenticated",
        titles[401]!,
        "Set DIHYA_METRICS_TOKEN for scrapers, or send an API key with monitoring:read.",
        undefined,
        {
          "www-authenticate": 'Bearer realm="dihya-metrics"',
        },
      );
    if (!can(caller, "monitoring.read")) return problem(403, "forbidden", titles[403]!, "You may not read monitoring.");
  } else if (!metricsScrapeAllowed(request.headers.get("authorization"))) {
    return problem(401, "unauthenticated", titles[401]!, "Send Authorization: Bearer <DIHYA_METRICS_TOKEN>.", undefined, {
      "www-authenticate": 'Bearer realm="dihya-metrics"',
    });
  }
  await refreshDbGauges(tx);
  const { registry } = promMetrics();
  return new Response(await registry.metrics(), {
    headers: { "content-type": registry.contentType, "cache-control": "no-store" },
  });
});

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(["GET"]);
