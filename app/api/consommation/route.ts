import { ingestReadingsOp } from "@/server/api/endpoints/readings-ingest";
import { defineRoute } from "@/server/auth/define-route";
import { ingestReadings, maxBatchItems } from "@/server/energy/readings/ingest";
import { GET as seriesGet } from "@/server/energy/readings/series-route";
import { methodsNotAllowed } from "@/server/platform/method-not-allowed";
import { problem, titles } from "@/server/platform/problem";

/** GET: the time series, aggregated in the site's zone (see series-route). */
export const GET = seriesGet;

/**
 * POST: one reading or `{ readings: [...] }` (≤ 10,000; more → 413), `measurements.write`
 * (admins; partner keys with measurements:write). Answers 200 `{ batchId, accepted,
 * duplicates, corrected, rejected: [{ index, code, detail }] }`; Idempotency-Key replays it.
 */
export const POST = defineRoute(ingestReadingsOp, async ({ actor, body, tx }) => {
  const items = "readings" in body && Array.isArray(body.readings) ? body.readings : [body];
  if (items.length > maxBatchItems) {
    return problem(
      413,
      "too_many_readings",
      titles[413]!,
      `At most ${maxBatchItems} readings per request (got ${items.length}); split the batch.`,
    );
  }
  const result = await ingestReadings(tx, actor, items, { source: "api" });
  return {
    batchId: result.batchId,
    accepted: result.accepted,
    duplicates: result.duplicates,
    corrected: result.corrected,
    rejected: result.rejected,
  };
});

export const { PUT, PATCH, DELETE } = methodsNotAllowed(["GET", "POST"]);
