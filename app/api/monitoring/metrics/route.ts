import { pushMetricsOp } from "@/server/api/endpoints/monitoring";
import { defineRoute } from "@/server/auth/define-route";
import { ingestMetrics } from "@/server/devops/metrics/ingest";
import { maxPointsPerPush } from "@/server/devops/metrics/metric-kinds";
import { countMetricPoints } from "@/server/platform/metrics/prometheus-registry";
import { methodsNotAllowed } from "@/server/platform/method-not-allowed";
import { problem, titles } from "@/server/platform/problem";

/**
 * POST: a server agent's push (`monitoring.push`: its `dha_…` token; the points land on the
 * token's server). `{ heartbeat?, points?: [{ metric, ts, value }] }` with ≤ 5,000 points
 * (more → 413); answers 200 `{ accepted, duplicates, corrected, rejected: [{ index, code,
 * detail }] }`. Every push is a heartbeat. Idempotency-Key replays the answer.
 */
export const POST = defineRoute(pushMetricsOp, async ({ actor, body, tx }) => {
  const points = body.points ?? [];
  if (points.length > maxPointsPerPush) {
    return problem(
      413,
      "too_many_points",
      titles[413]!,
      `At most ${maxPointsPerPush} points per push (got ${points.length}); split the batch.`,
    );
  }
  const result = await ingestMetrics(tx, actor, { heartbeat: body.heartbeat, points });
  countMetricPoints({ ...result, rejected: result.rejected.length });
  return result;
});

export const { GET, PUT, PATCH, DELETE } = methodsNotAllowed(["POST"]);
