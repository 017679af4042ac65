import { z } from "zod";
import { granularities } from "@/server/energy/readings/types";
import { canonicalUnits, meterKinds } from "./meters";

/**
 * Query of `GET /api/consommation` (the time series) and of the live stream. Error
 * messages are keys of the `validation` namespace.
 */
const localDate = /^\d{4}-\d{2}-\d{2}$/;
const isRealDate = (s: string) => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
};

/**
 * A bound: an ISO 8601 date-time with an offset (`2026-03-29T00:00:00+01:00`, `…Z`) → a Date,
 * or a calendar date (`2026-03-29`) → kept as text, read in the site's time zone (a `to`
 * date is inclusive: the whole day).
 */
export const seriesBound = z
  .string("seriesBoundInvalid")
  .trim()
  .max(40, "seriesBoundInvalid")
  .refine((s) => (localDate.test(s) ? isRealDate(s) : z.iso.datetime({ offset: true }).safeParse(s).success), "seriesBoundInvalid")
  .transform((s): Date | string => (localDate.test(s) ? s : new Date(s)));

/** A site or a meter: its id or its code. */
const target = z.string("seriesTargetInvalid").trim().min(1, "seriesTargetInvalid").max(64, "seriesTargetInvalid");

const oneTarget = (v: { site?: string; meter?: string }) => (v.site === undefined) !== (v.meter === undefined);
const targetIssue = { message: "seriesTargetRequired", path: ["site"] };

export const readingsSeriesQuery = z
  .object({
    site: target.optional(),
    meter: target.optional(),
    kind: z.enum(meterKinds, "meterKindInvalid").optional().describe("For a site: the meters combined (default consumption)."),
    unit: z
      .enum(Object.values(canonicalUnits) as [string, ...string[]], "seriesUnitInvalid")
      .optional()
      .describe("For a site whose meters of the kind use several units: which ones to combine (default kWh, then kW, then m3)."),
    from: seriesBound.optional().describe("ISO 8601 with offset, or a date (local to the site). Default: depends on granularity."),
    to: seriesBound.optional().describe("Exclusive date-time, or an inclusive date. Default: now."),
    granularity: z.enum(granularities, "seriesGranularityInvalid").default("hour"),
  })
  .refine(oneTarget, targetIssue)
  .describe("Exactly one of site and meter.");
export type ReadingsSeriesQuery = z.output<typeof readingsSeriesQuery>;

export const readingsStreamQuery = z
  .object({
    site: target.optional(),
    meter: target.optional(),
    kind: z.enum(meterKinds, "meterKindInvalid").optional().describe("For a site: only its meters of this kind (default all)."),
  })
  .refine(oneTarget, targetIssue);
export type ReadingsStreamQuery = z.output<typeof readingsStreamQuery>;
