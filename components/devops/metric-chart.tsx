"use client";

import { Area, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatMetricValue } from "./metric-format";

/** One bucket: [epoch ms, avg, min, max]. */
export type MetricChartPoint = [number, number, number, number];
type Datum = { ms: number; avg: number | null; band: [number, number] | null };

/** Consecutive buckets further apart than two steps break the line (the agent was silent). */
function withGaps(points: MetricChartPoint[], stepMs: number): Datum[] {
  const out: Datum[] = [];
  points.forEach(([ms, avg, min, max], i) => {
    const before = points[i - 1];
    if (before && ms - before[0] > 2 * stepMs) out.push({ ms: before[0] + stepMs, avg: null, band: null });
    out.push({ ms, avg, band: [min, max] });
  });
  return out;
}

/**
 * One metric of a server as a line (the average per step) over a band (min to max), with
 * axes and tooltip formatted in the reader's `locale` and `timeZone` (passed from the
 * server). Named by `label`; the min/avg/max summary lives next to it as a table.
 * Right-to-left locales mirror the axes.
 */
export function MetricChart({
  points,
  unit,
  stepSeconds,
  locale,
  timeZone,
  rtl,
  label,
  labels,
  height = 220,
}: {
  points: MetricChartPoint[];
  unit: string;
  stepSeconds: number;
  locale: string;
  timeZone: string;
  rtl: boolean;
  label: string;
  /** Translated series names. */
  labels: { avg: string; range: string };
  height?: number;
}) {
  const data = withGaps(points, stepSeconds * 1000);
  const span = points.length > 1 ? points[points.length - 1]![0] - points[0]![0] : 0;
  const tick = new Intl.DateTimeFormat(
    locale,
    span > 2 * 86_400_000 ? { day: "numeric", month: "short", timeZone } : { hour: "2-digit", minute: "2-digit", timeZone },
  );
  const full = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone });
  const value = (v: number) => formatMetricValue(v, unit, locale);
  return (
    <figure aria-label={label} className="m-0">
      <div className="w-full" style={{ height }} dir="ltr" data-testid="metric-chart">
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={data} margin={{ top: 8, right: 12, bottom: 8, left: 12 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="var(--c-line)" />
            <XAxis
              dataKey="ms"
              type="number"
              scale="time"
              domain={["dataMin", "dataMax"]}
              tickFormatter={(ms: number) => tick.format(ms)}
              reversed={rtl}
              tick={{ fill: "var(--c-muted)", fontSize: 12 }}
              minTickGap={24}
            />
            <YAxis
              orientation={rtl ? "right" : "left"}
              domain={unit === "percent" ? [0, 100] : [0, "auto"]}
              tickFormatter={value}
              tick={{ fill: "var(--c-muted)", fontSize: 12 }}
              width={72}
            />
            <Tooltip
              labelFormatter={(ms) => full.format(Number(ms))}
              formatter={(v, name) => {
                const text = Array.isArray(v) ? `${value(Number(v[0]))} – ${value(Number(v[1]))}` : value(Number(v));
                return [text, name === "band" ? labels.range : labels.avg];
              }}
              contentStyle={{ background: "var(--c-surface)", border: "1px solid var(--c-border)", color: "var(--c-fg)" }}
            />
            <Area
              dataKey="band"
              name="band"
              stroke="none"
              fill="var(--c-primary)"
              fillOpacity={0.15}
              connectNulls={false}
              isAnimationActive={false}
              activeDot={false}
            />
            <Line
              dataKey="avg"
              name="avg"
              type="linear"
              stroke="var(--c-primary)"
              strokeWidth={2}
              dot={false}
              connectNulls={false}
              isAnimationActive={false}
            />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
