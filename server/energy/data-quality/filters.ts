import { z } from "zod";

/**
 * Filters of the data-quality view (URL parameters of /energy/data-quality): a site and/or
 * a meter, a period of local calendar days (default: the last 30 days), one cursor per
 * list. Messages are keys of the `validation` namespace.
 */
export const maxPeriodDays = 366;

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;
const day = z
  .string("dateInvalid")
  .regex(dayPattern, "dateInvalid")
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), "dateInvalid");
const cursor = z.string().max(400).optional();

export const dataQualityQuery = z
  .object({
    site: z.uuid("siteUnknown").optional(),
    meter: z.uuid("meterUnknown").optional(),
    from: day.optional(),
    to: day.optional(),
    /** Cursors: gaps, corrections, rejections, flagged readings, batches. */
    gc: cursor,
    cc: cursor,
    rc: cursor,
    fc: cursor,
    bc: cursor,
    limit: z.coerce.number().int().min(1).max(100).default(25),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: "periodInvalid", path: ["to"] })
  .refine((v) => !v.from || !v.to || daysBetween(v.from, v.to) < maxPeriodDays, { message: "periodTooLong", path: ["from"] });

export type DataQualityQuery = z.output<typeof dataQualityQuery>;
export type DataQualityInput = z.input<typeof dataQualityQuery>;

/** Keys of the filters kept in links (pagination keeps the others' cursors too). */
export const filterKeys = ["site", "meter", "from", "to"] as const;
export const cursorKeys = ["gc", "cc", "rc", "fc", "bc"] as const;

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** `day` shifted by `days` (calendar arithmetic on YYYY-MM-DD). */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
