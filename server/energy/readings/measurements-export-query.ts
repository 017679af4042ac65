import "server-only";
import { isUuid } from "@/server/platform/ids";
import { z } from "zod";
import { meterKinds, type MeterKind } from "@/lib/validation/meters";
import { addDays } from "@/server/energy/equipment/dates";
import type { SeriesQuery } from "./series";

/**
 * What the site's measurements tab shows (and its CSV export downloads): a range of local
 * days, a granularity, a kind and one meter or all of them. The tab resolves its URL into
 * this once; the export link carries the resolved values, so the file holds what was shown.
 */
export const viewGranularities = ["15min", "hour", "day", "month"] as const;
export type ViewGranularity = (typeof viewGranularities)[number];
export const rangePresets = ["today", "yesterday", "last_7_days", "last_30_days", "this_month", "last_month", "this_year"] as const;
export type RangePreset = (typeof rangePresets)[number];

/** Most points the tab draws and lists; a finer choice falls back to the automatic granularity. */
export const maxViewPoints = 3000;
/** Longest range, in days. */
export const maxViewDays = 3700;

const pointsPerDay: Record<ViewGranularity, number> = { "15min": 96, hour: 24, day: 1, month: 1 / 28 };
const dayPattern = /^\d{4}-\d{2}-\d{2}$/;
const isDay = (s: unknown): s is string =>
  typeof s === "string" && dayPattern.test(s) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

/** Days in a range of local dates, both included. */
export const daysIn = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;

/** The granularity that keeps a range readable: 15 min up to 2 days, hours up to 2 months, days up to 3 years, else months. */
export function defaultGranularity(days: number): ViewGranularity {
  return days <= 2 ? "15min" : days <= 62 ? "hour" : days <= 1100 ? "day" : "month";
}

export const estimatedPoints = (days: number, g: ViewGranularity) => Math.ceil(days * pointsPerDay[g]);

/** A preset's first and last days (included) on `today`. */
export function presetRange(preset: RangePreset, today: string): { from: string; to: string } {
  const month = today.slice(0, 8);
  switch (preset) {
    case "today":
      return { from: today, to: today };
    case "yesterday":
      return { from: addDays(today, -1), to: addDays(today, -1) };
    case "last_7_days":
      return { from: addDays(today, -6), to: today };
    case "last_30_days":
      return { from: addDays(today, -29), to: today };
    case "this_month":
      return { from: `${month}01`, to: today };
    case "last_month": {
      const end = addDays(`${month}01`, -1);
      return { from: `${end.slice(0, 8)}01`, to: end };
    }
    case "this_year":
      return { from: `${today.slice(0, 4)}-01-01`, to: today };
  }
}

export type MeasurementsView = {
  from: string;
  to: string;
  granularity: ViewGranularity;
  /** The granularity was chosen from the range (none asked, or the one asked was too fine). */
  auto: boolean;
  /** The granularity asked would have given more than `maxViewPoints` points. */
  tooFine: boolean;
  /** The range asked was unreadable (reversed, malformed, too long): the default week is shown. */
  invalidRange: boolean;
  kind: MeterKind;
  meter: string | null;
  preset: RangePreset | null;
};

type Raw = Record<string, string | undefined>;

/** The tab's URL parameters resolved against the site's `today`: defaults to the last 7 days, consumption, all meters. */
export function resolveView(raw: Raw, today: string, defaultKind: MeterKind): MeasurementsView {
  const preset = (rangePresets as readonly string[]).includes(raw.preset ?? "") ? (raw.preset as RangePreset) : null;
  let range = presetRange(preset ?? "last_7_days", today);
  let invalidRange = false;
  if (!preset && (raw.from !== undefined || raw.to !== undefined)) {
    const ok = isDay(raw.from) && isDay(raw.to) && raw.from <= raw.to && daysIn(raw.from, raw.to) <= maxViewDays;
    if (ok) range = { from: raw.from!, to: raw.to! };
    else invalidRange = true;
  }
  const days = daysIn(range.from, range.to);
  const asked = (viewGranularities as readonly string[]).includes(raw.granularity ?? "") ? (raw.granularity as ViewGranularity) : null;
  const tooFine = asked !== null && estimatedPoints(days, asked) > maxViewPoints;
  const granularity = asked && !tooFine ? asked : defaultGranularity(days);
  const kind = (meterKinds as readonly string[]).includes(raw.kind ?? "") ? (raw.kind as MeterKind) : defaultKind;
  const meter = raw.meter && isUuid(raw.meter) ? raw.meter : null;
  return { ...range, granularity, auto: granularity !== asked, tooFine, invalidRange, kind, meter, preset };
}

/** The series request of a view. */
export function viewSeriesQuery(siteId: string, v: Pick<MeasurementsView, "from" | "to" | "granularity" | "kind" | "meter">): SeriesQuery {
  return v.meter
    ? { meterId: v.meter, from: v.from, to: v.to, granularity: v.granularity }
    : { siteId, kind: v.kind, from: v.from, to: v.to, granularity: v.granularity };
}

/** The export link's parameters: the resolved view, nothing left to defaults. */
export function exportParams(siteId: string, v: MeasurementsView): URLSearchParams {
  const p = new URLSearchParams({ site: siteId, from: v.from, to: v.to, granularity: v.granularity, kind: v.kind });
  if (v.meter) p.set("meter", v.meter);
  return p;
}

const day = z
  .string("seriesBoundInvalid")
  .regex(dayPattern, "seriesBoundInvalid")
  .refine((s) => isDay(s), "seriesBoundInvalid");

/** Query of GET /api/export/consommation. Error messages are keys of the `validation` namespace. */
export const exportMeasurementsQuery = z
  .object({
    site: z.uuid("seriesTargetInvalid").describe("The site's id."),
    meter: z.uuid("seriesTargetInvalid").optional().describe("One meter of the site; default: all its meters of `kind`."),
    kind: z.enum(meterKinds, "meterKindInvalid").default("consumption"),
    from: day.describe("First local day (the site's time zone), included."),
    to: day.describe("Last local day, included."),
    granularity: z.enum(viewGranularities, "seriesGranularityInvalid"),
  })
  .refine((q) => q.from <= q.to && daysIn(q.from, q.to) <= maxViewDays, { message: "seriesRangeInvalid", path: ["to"] });
export type ExportMeasurementsQuery = z.output<typeof exportMeasurementsQuery>;
