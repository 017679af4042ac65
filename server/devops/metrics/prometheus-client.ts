import "server-only";
import type { SeriesPoint } from "./series-query";

export class PrometheusError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PrometheusError";
  }
}

type RangeAnswer = {
  status?: string;
  error?: string;
  errorType?: string;
  data?: { resultType?: string; result?: { metric: Record<string, string>; values: [number, string][] }[] };
};

export const prometheusTimeoutMs = 5_000;

/**
 * `GET <PROMETHEUS_URL>/api/v1/query_range` at `step` seconds, within 5 s. Several series
 * in the answer (e.g. one per instance) are merged per timestamp into [ts, avg, min, max];
 * NaN and infinite samples are skipped. Any failure throws a PrometheusError carrying
 * Prometheus's own error text.
 */
export async function queryRange(
  baseUrl: string,
  query: string,
  from: Date,
  to: Date,
  step: number,
  timeoutMs = prometheusTimeoutMs,
): Promise<SeriesPoint[]> {
  const url = new URL("api/v1/query_range", baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`);
  url.searchParams.set("query", query);
  url.searchParams.set("start", String(from.getTime() / 1000));
  url.searchParams.set("end", String(to.getTime() / 1000));
  url.searchParams.set("step", String(step));
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: "application/json" }, signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
    throw new PrometheusError(
      timedOut ? `Prometheus did not answer within ${timeoutMs / 1000} s.` : `Prometheus is unreachable: ${(error as Error).message}`,
    );
  }
  let body: RangeAnswer;
  try {
    body = (await response.json()) as RangeAnswer;
  } catch {
    throw new PrometheusError(`Prometheus answered ${response.status} without JSON.`);
  }
  if (!response.ok || body.status !== "success") {
    throw new PrometheusError(`Prometheus: ${body.errorType ? `${body.errorType}: ` : ""}${body.error ?? `HTTP ${response.status}`}`);
  }
  if (body.data?.resultType !== "matrix") throw new PrometheusError(`Prometheus answered a ${body.data?.resultType ?? "?"}, not a matrix.`);
  const byTime = new Map<number, number[]>();
  for (const series of body.data.result ?? []) {
    for (const [t, raw] of series.values) {
      const v = Number(raw);
      if (!Number.isFinite(v)) continue;
      const list = byTime.get(t);
      if (list) list.push(v);
      else byTime.set(t, [v]);
    }
  }
  return [...byTime.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([t, vs]) => [new Date(t * 1000).toISOString(), vs.reduce((s, v) => s + v, 0) / vs.length, Math.min(...vs), Math.max(...vs)]);
}
