import "server-only";

/**
 * PostgreSQL array literals sent as one text parameter and cast in SQL
 * (`${textArray(names)}::text[]`): a batch of any size is three parameters, parsed by the
 * server in one go — the fastest portable way through both drivers (PGlite, postgres.js).
 */
export function textArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, "\\$&")}"`).join(",")}}`;
}

/** Finite numbers only (validated before). */
export function numberArray(values: readonly number[]): string {
  return `{${values.join(",")}}`;
}

/** Epoch milliseconds as ISO 8601 UTC strings, for `::timestamptz[]`. */
export function timeArray(values: readonly number[]): string {
  return `{${values.map((ms) => new Date(ms).toISOString()).join(",")}}`;
}
