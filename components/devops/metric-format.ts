/**
 * Metric values as readers expect them, with Intl in the given locale (used on the server for
 * tables and in the browser for chart axes and tooltips): percentages with one decimal,
 * load averages with two, bytes per second scaled to kB/s, MB/s or GB/s (SI).
 */
export type MetricUnitName = "percent" | "load" | "bytes_per_second" | string;

const scales = [
  { min: 1e9, unit: "gigabyte-per-second", div: 1e9 },
  { min: 1e6, unit: "megabyte-per-second", div: 1e6 },
  { min: 1e3, unit: "kilobyte-per-second", div: 1e3 },
  { min: 0, unit: "byte-per-second", div: 1 },
];

export function formatMetricValue(value: number, unit: MetricUnitName, locale: string): string {
  try {
    if (unit === "percent") return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(value / 100);
    if (unit === "load") return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
    if (unit === "bytes_per_second") {
      const scale = scales.find((s) => Math.abs(value) >= s.min) ?? scales[scales.length - 1]!;
      return new Intl.NumberFormat(locale, { style: "unit", unit: scale.unit, unitDisplay: "short", maximumFractionDigits: 1 }).format(
        value / scale.div,
      );
    }
    return new Intl.NumberFormat(locale, { maximumFractionDigits: 3 }).format(value);
  } catch {
    return String(Math.round(value * 100) / 100);
  }
}
