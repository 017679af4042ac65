import "server-only";
import { isUuid } from "@/server/platform/ids";
import { getDb } from "@/db/client";
import { defineJob } from "@/server/platform/jobs/registry";
import { processBillingRun } from "./billing-run-process";
import { billingRunJobKind } from "./billing-run";

/**
 * `billing.run` (payload `{ runId }`, queued by startBillingRun): builds the run's drafts chunk
 * by chunk, progress on the billing_runs row. A retry starts the run over: drafts are rebuilt
 * and issued invoices skipped, so nothing is duplicated. Audited per chunk (`billing.run.chunk`).
 */
defineJob(billingRunJobKind, async (payload, ctx) => {
  const runId = typeof payload.runId === "string" && isUuid(payload.runId) ? payload.runId : null;
  if (!runId) throw new Error("billing.run: payload.runId is missing or not a uuid");
  await processBillingRun(await getDb(), runId, ctx.actor, ctx.signal);
});
