import "server-only";
import type { Executor } from "@/db/client";
import { assertCan, type Actor } from "@/server/auth/actor";
import { forbiddenError } from "@/server/platform/errors";
import { recordHeartbeat, resolveSeries, writePoints } from "./ingest-write";
import { firstOfEach, validatePoint, type PointCandidate, type PointRejection } from "./validate-point";

export type MetricsPush = { heartbeat?: { agentVersion?: string; uptimeSeconds?: number }; points?: unknown[] };
export type MetricsIngestResult = { accepted: number; duplicates: number; corrected: number; rejected: PointRejection[] };

/**
 * A monitoring agent's push (`monitoring.push`, agents only: the points land on the token's
 * own server). Every point is checked on its own (rejections answer `{ index, code, detail }`);
 * same series + time + value → duplicate, another value → corrected (replaced). Three
 * statements whatever the batch size (series, points with last values, heartbeat).
 * accepted + duplicates + corrected + rejected = points sent. Every call is a heartbeat.
 */
export async function ingestMetrics(tx: Executor, actor: Actor, push: MetricsPush, now = Date.now()): Promise<MetricsIngestResult> {
  assertCan(actor, "monitoring.push");
  if (actor.kind !== "agent") throw forbiddenError();
  const candidates: PointCandidate[] = [];
  const rejected: PointRejection[] = [];
  (push.points ?? []).forEach((raw, index) => {
    const outcome = validatePoint(raw, index, now);
    if (outcome.ok) candidates.push(outcome.point);
    else rejected.push(outcome.rejection);
  });
  const { unique, duplicates, rejections } = firstOfEach(candidates);
  rejected.push(...rejections);
  const { ids, refused } = await resolveSeries(
    tx,
    actor.serverId,
    unique.map((p) => p.metric),
  );
  const rows = [];
  for (const p of unique) {
    const seriesId = ids.get(p.metric);
    if (seriesId === undefined || refused.has(p.metric)) {
      rejected.push({
        index: p.index,
        code: "too_many_series",
        detail: `This server already has the most series allowed; "${p.metric}" is not created.`,
      });
    } else rows.push({ seriesId, ts: p.ts, value: p.value });
  }
  const written = await writePoints(tx, rows);
  await recordHeartbeat(tx, actor.serverId, push.heartbeat?.agentVersion);
  rejected.sort((a, b) => a.index - b.index);
  return {
    accepted: written.accepted,
    duplicates: duplicates + rows.length - written.accepted - written.corrected,
    corrected: written.corrected,
    rejected,
  };
}
