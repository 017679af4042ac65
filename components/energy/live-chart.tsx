"use client";

import { useFormatter, useLocale } from "next-intl";
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { direction, isLocale } from "@/i18n/config";
import { QualityDot } from "./quality-marks";
import { withGaps, type ChartPoint } from "./series-chart";

export type LiveLine = { id: string; label: string; intervalMinutes?: number; points: ChartPoint[] };

/** Colour and dash of the n-th line: lines differ by dash as well as colour. */
export const lineStyles = [
  { stroke: "var(--c-primary)", dash: undefined },
  { stroke: "var(--c-success)", dash: "6 3" },
  { stroke: "var(--c-accent)", dash: "2 3" },
  { stroke: "var(--c-info)", dash: "8 3 2 3" },
  { stroke: "var(--c-warning)", dash: "12 4" },
] as const;
export const lineStyle = (i: number) => lineStyles[i % lineStyles.length]!;

/** One line per meter over a sliding window [from, to] (epoch ms), times in the site's zone. */
export function LiveChart({
  lines,
  from,
  to,
  timeZone,
  unitLabel,
}: {
  lines: LiveLine[];
  from: number;
  to: number;
  timeZone: string;
  unitLabel: string;
}) {
  const format = useFormatter();
  const locale = useLocale();
  const rtl = isLocale(locale) && direction[locale] === "rtl";
  const time = (ms: number) => format.dateTime(ms, { hour: "2-digit", minute: "2-digit", timeZone });
  return (
    <div className="h-72 w-full" dir="ltr" data-testid="live-chart">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart margin={{ top: 8, right: 12, bottom: 8, left: 12 }} accessibilityLayer>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--c-line)" />
          <XAxis
            dataKey="ms"
            type="number"
            scale="time"
            domain={[from, to]}
            allowDataOverflow
            tickFormatter={time}
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
            labelFormatter={(ms) => format.dateTime(Number(ms), { dateStyle: "medium", timeStyle: "short", timeZone })}
            formatter={(v, name) => [typeof v === "number" ? `${format.number(v, { maximumFractionDigits: 3 })} ${unitLabel}` : "", name]}
            contentStyle={{ background: "var(--c-surface)", border: "1px solid var(--c-border)", color: "var(--c-fg)" }}
          />
          {lines.map((line, i) => (
            <Line
              key={line.id}
              data={withGaps(line.points, (line.intervalMinutes ?? 15) * 60_000, true)}
              dataKey="value"
              name={line.label}
              type="linear"
              stroke={lineStyle(i).stroke}
              strokeDasharray={lineStyle(i).dash}
              strokeWidth={2}
              dot={QualityDot}
              connectNulls={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
