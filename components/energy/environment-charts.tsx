"use client";

import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type EnvironmentPoint = {
  month: string;
  /** The month as the reader writes it (formatted on the server). */
  label: string;
  co2Kg: number;
  avoidedCo2Kg: number;
  /** 0..1, null without production. */
  renewableShare: number | null;
};

export type EnvironmentChartLabels = {
  emissionsTitle: string;
  shareTitle: string;
  co2: string;
  avoided: string;
  share: string;
  kg: string;
};

function numberFormat(locale: string, options: Intl.NumberFormatOptions) {
  try {
    return new Intl.NumberFormat(locale, options);
  } catch {
    return new Intl.NumberFormat("fr", options);
  }
}

/**
 * The monthly totals of the filtered sites: CO₂ of consumption beside avoided CO₂ (two bars,
 * never netted), and the renewable share of production. Drawn right to left in Arabic. The
 * same figures are in the page's table (accessible alternative).
 */
export function EnvironmentCharts({
  points,
  labels,
  locale,
  rtl,
}: {
  points: EnvironmentPoint[];
  labels: EnvironmentChartLabels;
  locale: string;
  rtl: boolean;
}) {
  const kg = numberFormat(locale, { maximumFractionDigits: 1 });
  const compact = numberFormat(locale, { notation: "compact", maximumFractionDigits: 1 });
  const percent = numberFormat(locale, { style: "percent", maximumFractionDigits: 1 });
  const axis = { stroke: "var(--c-muted)", tick: { fill: "var(--c-muted)", fontSize: 12 } };
  const tooltip = { contentStyle: { background: "var(--c-surface)", border: "1px solid var(--c-border)", color: "var(--c-fg)" } };
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <figure className="rounded-lg border border-line bg-surface p-4" data-testid="chart-emissions">
        <figcaption className="mb-2 text-base font-semibold">{labels.emissionsTitle}</figcaption>
        <div className="h-64 w-full">
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={points} title={labels.emissionsTitle} accessibilityLayer margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
              <CartesianGrid stroke="var(--c-line)" vertical={false} />
              <XAxis dataKey="label" reversed={rtl} {...axis} />
              <YAxis orientation={rtl ? "right" : "left"} tickFormatter={(v: number) => compact.format(v)} width={56} {...axis} />
              <Tooltip {...tooltip} formatter={(v) => `${kg.format(Number(v))} ${labels.kg}`} />
              <Legend />
              <Bar dataKey="co2Kg" name={labels.co2} fill="var(--c-accent)" />
              <Bar dataKey="avoidedCo2Kg" name={labels.avoided} fill="var(--c-success)" />
            </BarChart>
          </ResponsiveContainer>
        </div>
      </figure>
      <figure className="rounded-lg border border-line bg-surface p-4" data-testid="chart-share">
        <figcaption className="mb-2 text-base font-semibold">{labels.shareTitle}</figcaption>
        <div className="h-64 w-full">
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={points} title={labels.shareTitle} accessibilityLayer margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
              <CartesianGrid stroke="var(--c-line)" vertical={false} />
              <XAxis dataKey="label" reversed={rtl} {...axis} />
              <YAxis
                orientation={rtl ? "right" : "left"}
                domain={[0, 1]}
                tickFormatter={(v: number) => percent.format(v)}
                width={56}
                {...axis}
              />
              <Tooltip {...tooltip} formatter={(v) => (v === null || v === undefined ? "—" : percent.format(Number(v)))} />
              <Legend />
              <Line
                dataKey="renewableShare"
                name={labels.share}
                stroke="var(--c-primary)"
                strokeWidth={2}
                dot={{ r: 3 }}
                connectNulls={false}
              />
            </LineChart>
          </ResponsiveContainer>
        </div>
      </figure>
    </div>
  );
}
