/** Shared shapes of the measurements slice (ingest, rollups, live view, alerts). */

/** Raw readings of one meter touched by an ingest, `from` inclusive, `to` exclusive (UTC). */
export type TouchedRange = { meterId: string; from: Date; to: Date };

export const readingSources = ["api", "mqtt", "csv", "seed"] as const;
export type ReadingSource = (typeof readingSources)[number];

export const readingQualities = ["measured", "estimated", "corrected"] as const;
export type ReadingQuality = (typeof readingQualities)[number];

export const readingFlags = ["reset", "rollover", "replacement", "jitter", "gap_before"] as const;
export type ReadingFlag = (typeof readingFlags)[number];

export const granularities = ["raw", "15min", "hour", "day", "month"] as const;
export type Granularity = (typeof granularities)[number];

/** One rejected item of a batch, as the API answers it. */
export type Rejection = { index: number; code: string; detail: string };

export type IngestResult = {
  batchId: string;
  accepted: number;
  duplicates: number;
  corrected: number;
  rejected: Rejection[];
  touched: TouchedRange[];
};
