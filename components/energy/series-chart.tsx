"use client";

import { useFormatter, useLocale, useTranslations, type DateTimeFormatOptions } from "next-intl";
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { direction, isLocale } from "@/i18n/config";
import { QualityDot, QualityLegend } from "./quality-marks";

export type ChartPoint = {
  ms: number;
  value: number | null;
  quality: "measured" | "estimated" | "corrected";
  /** Drawn with a dot even when measured: no neighbour to draw a line to, or few points. */
  dot?: boolean;
};
export type ChartGranularity = "raw" | "15min" | "hour" | "day" | "month";

/** Longest step between two consecutive buckets before the line breaks (a gap, not a slope). */
export const maxStep: Record<ChartGranularity, number> = {
  raw: 15 * 60_000,
  "15min": 15 * 60_000,
  hour: 3_600_000,
  day: 25 * 3_600_000,
  month: 31 * 86_400_000 + 3_600_000,
};

/**
 * The points with a null inserted wherever consecutive points are more than `step` ms apart,
 * so the line shows the gap; a point alone between gaps gets a dot (a line of one point is
 * invisible). `allDots`: every point gets one.
 */
export function withGaps(points: ChartPoint[], step: number, allDots = false): ChartPoint[] {
  const out: ChartPoint[] = [];
  points.forEach((p, i) => {
    const before = points[i - 1];
    const after = points[i + 1];
    const gapBefore = !before || p.ms - before.ms > step;
    const gapAfter = !after || after.ms - p.ms > step;
    if (before && gapBefore) out.push({ ms: before.ms + 1, value: null, quality: "measured" });
    out.push(allDots || (gapBefore && gapAfter) ? { ...p, dot: true } : p);
  });
  return out;
}

const tickFormat: Record<ChartGranularity, DateTimeFormatOptions> = {
  raw: { hour: "2-digit", minute: "2-digit" },
  "15min": { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" },
  hour: { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" },
  day: { day: "numeric", month: "short" },
  month: { month: "short", year: "numeric" },
};

/**
 * A time series as a line (recharts) in the site's time zone: gaps break the line,
 * estimated points are hollow circles and corrected points squares (the legend says so in
 * words). Right-to-left locales mirror the axes.
 */
export function SeriesChart({
  points,
  granularity,
  timeZone,
  unitLabel,
  height = 288,
}: {
  points: ChartPoint[];
  granularity: ChartGranularity;
  timeZone: string;
  /** e.g. "kWh", already translated. */
  unitLabel: string;
  height?: number;
}) {
  const t = useTranslations("readingsUi");
  const format = useFormatter();
  const locale = useLocale();
  const rtl = isLocale(locale) && direction[locale] === "rtl";
  const data = withGaps(points, maxStep[granularity]);
  const when = (ms: number) => format.dateTime(ms, { ...tickFormat[granularity], timeZone });
  const full = (ms: number) =>
    format.dateTime(ms, { ...tickFormat[granularity], ...(granularity === "month" ? {} : { year: "numeric" }), timeZone });
  return (
    <div>
      <div className="w-full" style={{ height }} dir="ltr" data-testid="series-chart">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data} margin={{ top: 8, right: 12, bottom: 8, left: 12 }} accessibilityLayer>
            <CartesianGrid strokeDasharray="3 3" stroke="var(--c-line)" />
            <XAxis
              dataKey="ms"
              type="number"
              scale="time"
              domain={["dataMin", "dataMax"]}
              tickFormatter={when}
              reversed={rtl}
              tick={{ fill: "var(--c-muted)", fontSize: 12 }}
              minTickGap={24}
            />
            <YAxis
              orientation={rtl ? "right" : "left"}
              tickFormatter={(v: number) => format.number(v, { maximumFractionDigits: 1 })}
              tick={{ fill: "var(--c-muted)", fontSize: 12 }}
              width={56}
              label={{ value: unitLabel, angle: -90, position: rtl ? "insideRight" : "insideLeft", fill: "var(--c-muted)", fontSize: 12 }}
            />
            <Tooltip
              labelFormatter={(ms) => full(Number(ms))}
              formatter={(v, _name, item) => {
                const q = (item.payload as ChartPoint).quality;
                const value = typeof v === "number" ? `${format.number(v, { maximumFractionDigits: 3 })} ${unitLabel}` : "";
                return [q === "measured" ? value : `${value} (${t(`quality.${q}`)})`, t("value")];
              }}
              contentStyle={{ background: "var(--c-surface)", border: "1px solid var(--c-border)", color: "var(--c-fg)" }}
            />
            <Line
              dataKey="value"
              type="linear"
              stroke="var(--c-primary)"
              strokeWidth={2}
              dot={QualityDot}
              activeDot={{ r: 4 }}
              connectNulls={false}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <QualityLegend />
    </div>
  );
}
