"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { direction, isLocale } from "@/i18n/config";
import { digitsFor, scaleEnergy } from "./energy-units";

export type DailyEnergyPoint = { day: string; production: number | null; consumption: number | null };

const factor = { kWh: 1, MWh: 1e3, GWh: 1e6 } as const;

/**
 * Daily production and consumption as bars (recharts), in one unit chosen from the largest
 * day; days without readings stay empty (no zero bar). Right-to-left locales mirror the axes.
 */
export function DailyEnergyChart({ points }: { points: DailyEnergyPoint[] }) {
  const t = useTranslations("energyDashboard.chart");
  const units = useTranslations("readingsUi.units");
  const format = useFormatter();
  const locale = useLocale();
  const rtl = isLocale(locale) && direction[locale] === "rtl";
  const largest = Math.max(0, ...points.flatMap((p) => [p.production ?? 0, p.consumption ?? 0]));
  const unit = scaleEnergy(largest).unit;
  const scale = (v: number | null) => (v === null ? null : v / factor[unit]);
  const data = points.map((p) => ({ day: p.day, production: scale(p.production), consumption: scale(p.consumption) }));
  const dayLabel = (d: string) => format.dateTime(new Date(`${d}T12:00:00Z`), { day: "numeric", month: "short", timeZone: "UTC" });
  const value = (v: number) => units(unit, { value: format.number(v, { maximumFractionDigits: digitsFor(v) }) });
  return (
    <div className="h-72 w-full" dir="ltr" data-testid="daily-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 8 }} accessibilityLayer>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--c-line)" vertical={false} />
          <XAxis dataKey="day" tickFormatter={dayLabel} reversed={rtl} tick={{ fill: "var(--c-muted)", fontSize: 12 }} minTickGap={16} />
          <YAxis
            orientation={rtl ? "right" : "left"}
            tickFormatter={(v: number) => format.number(v, { maximumFractionDigits: 1 })}
            tick={{ fill: "var(--c-muted)", fontSize: 12 }}
            width={48}
            label={{
              value: units(`${unit}Axis`),
              angle: -90,
              position: rtl ? "insideRight" : "insideLeft",
              fill: "var(--c-muted)",
              fontSize: 12,
            }}
          />
          <Tooltip
            labelFormatter={(d) => dayLabel(String(d))}
            formatter={(v) => (typeof v === "number" ? value(v) : t("noReading"))}
            contentStyle={{ background: "var(--c-surface)", border: "1px solid var(--c-border)", color: "var(--c-fg)" }}
          />
          <Legend wrapperStyle={{ color: "var(--c-fg)" }} />
          <Bar dataKey="production" name={t("production")} fill="var(--c-success)" />
          <Bar dataKey="consumption" name={t("consumption")} fill="var(--c-primary)" />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
