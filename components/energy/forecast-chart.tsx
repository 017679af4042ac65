"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useMemo } from "react";
import { Area, CartesianGrid, ComposedChart, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ChartRow } from "@/lib/forecast/view";

const colors = {
  actual: "var(--c-primary)",
  naive: "var(--c-warning)",
  hw: "var(--c-accent)",
};
const dash = { naive: "8 4", hw: "3 3" };

type Props = {
  rows: ChartRow[];
  /** Start of the forecast horizon (ms): the boundary between readings and forecasts. */
  horizonFrom: number;
  timeZone: string;
  unit: string;
  /** id of the tables that carry the same figures as text. */
  describedBy: string;
};

/**
 * The last 7 days of readings (solid) and both 7-day forecasts (dashed, other colours, with
 * their 80 % interval band), in the site's time zone. The plot itself is drawn left to right
 * whatever the page's direction (time axis); the legend follows the page's direction. For
 * assistive technology it is one image whose figures are in the tables named by `describedBy`.
 */
export function ForecastChart({ rows, horizonFrom, timeZone, unit, describedBy }: Props) {
  const t = useTranslations("forecast.chart");
  const format = useFormatter();
  const ticks = useMemo(() => {
    const hour = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    return rows.filter((r) => hour.format(r.t) === "00:00").map((r) => r.t);
  }, [rows, timeZone]);
  const day = (ms: number) => format.dateTime(new Date(ms), { timeZone, weekday: "short", day: "numeric" });
  const when = (ms: number) => format.dateTime(new Date(ms), { timeZone, dateStyle: "medium", timeStyle: "short" });
  const value = (v: number | undefined) => (v === undefined ? "—" : `${format.number(v, { maximumFractionDigits: 2 })} ${unit}`);

  const legend = [
    { key: "actual", label: t("actual"), color: colors.actual, dash: undefined },
    { key: "naive", label: t("naive"), color: colors.naive, dash: dash.naive },
    { key: "hw", label: t("hw"), color: colors.hw, dash: dash.hw },
  ];

  return (
    <figure className="space-y-3">
      <div role="img" aria-label={t("alt")} aria-describedby={describedBy} dir="ltr" className="h-72 w-full sm:h-80">
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={rows} margin={{ top: 16, right: 8, bottom: 0, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid stroke="var(--c-line)" vertical={false} />
            <XAxis
              dataKey="t"
              type="number"
              scale="time"
              domain={["dataMin", "dataMax"]}
              ticks={ticks}
              tickFormatter={day}
              minTickGap={24}
              stroke="var(--c-muted)"
              fontSize={12}
            />
            <YAxis
              width={56}
              stroke="var(--c-muted)"
              fontSize={12}
              tickFormatter={(v: number) => format.number(v, { notation: "compact" })}
            />
            <Tooltip
              content={({ active, payload }) => {
                const row = active ? (payload?.[0]?.payload as ChartRow | undefined) : undefined;
                if (!row) return null;
                return (
                  <div className="rounded-md border border-line bg-surface p-2 text-xs shadow-sm" dir="auto">
                    <p className="font-semibold">{when(row.t)}</p>
                    {row.actual !== undefined ? <p>{`${t("actual")}: ${value(row.actual)}`}</p> : null}
                    {row.naive !== undefined ? <p>{`${t("naive")}: ${value(row.naive)}`}</p> : null}
                    {row.hw !== undefined ? <p>{`${t("hw")}: ${value(row.hw)}`}</p> : null}
                  </div>
                );
              }}
            />
            <Area dataKey="naiveBand" stroke="none" fill={colors.naive} fillOpacity={0.14} isAnimationActive={false} connectNulls={false} />
            <Area dataKey="hwBand" stroke="none" fill={colors.hw} fillOpacity={0.14} isAnimationActive={false} connectNulls={false} />
            <ReferenceLine
              x={horizonFrom}
              stroke="var(--c-muted)"
              strokeDasharray="2 2"
              label={{ value: t("forecastStart"), position: "insideTopLeft", fill: "var(--c-fg)", fontSize: 12 }}
            />
            <Line dataKey="actual" stroke={colors.actual} strokeWidth={1.5} dot={false} isAnimationActive={false} connectNulls={false} />
            <Line
              dataKey="naive"
              stroke={colors.naive}
              strokeWidth={1.5}
              strokeDasharray={dash.naive}
              dot={false}
              isAnimationActive={false}
            />
            <Line dataKey="hw" stroke={colors.hw} strokeWidth={2} strokeDasharray={dash.hw} dot={false} isAnimationActive={false} />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="space-y-1 text-sm">
        <ul className="flex flex-wrap gap-x-4 gap-y-1">
          {legend.map((item) => (
            <li key={item.key} className="flex items-center gap-2">
              <svg width="28" height="10" aria-hidden="true" className="shrink-0">
                <line x1="0" y1="5" x2="28" y2="5" stroke={item.color} strokeWidth="2.5" strokeDasharray={item.dash} />
              </svg>
              {item.label}
            </li>
          ))}
          <li className="flex items-center gap-2">
            <span aria-hidden="true" className="flex shrink-0 gap-0.5">
              <span className="inline-block h-3 w-3.5 rounded-sm" style={{ background: colors.naive, opacity: 0.3 }} />
              <span className="inline-block h-3 w-3.5 rounded-sm" style={{ background: colors.hw, opacity: 0.3 }} />
            </span>
            {t("band")}
          </li>
        </ul>
        <p className="text-muted">{t("timeZone", { timeZone })}</p>
      </figcaption>
    </figure>
  );
}
