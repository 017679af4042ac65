/**
 * Shared pieces of the tariff engine: errors, label parameters, line construction.
 * Pure (no I/O): safe on the client and the server.
 */
import type { EngineLine, TariffLabel } from "./types";

/** Inconsistent engine input (negative energy, ToU split not matching the total, segment outside its period…). */
export class BillingEngineError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "BillingEngineError";
  }
}

/**
 * ICU params for an author-written label: `{ [key]: label }` plus `${key}_${locale}` for each
 * translation, so a renderer can pick `params[`${key}_${locale}`] ?? params[key]`.
 */
export function labelParams(label: TariffLabel, key = "label"): Record<string, string> {
  const out: Record<string, string> = { [key]: label.label };
  for (const [locale, text] of Object.entries(label.labels ?? {})) if (text) out[`${key}_${locale}`] = text;
  return out;
}

/** Picks the translated author label from line params (see labelParams). */
export function localizedLabelParam(params: Record<string, string | number>, locale: string, key = "label"): string {
  return String(params[`${key}_${locale}`] ?? params[key] ?? "");
}

export function assertMilli(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0)
    throw new BillingEngineError("quantity_invalid", `${name} must be a non-negative integer, got ${value}`);
}

/** Line fields shared by every line of one segment. */
export type LineContext = { versionId: string; periodStart: string; periodEnd: string; estimated: boolean };

export function makeLine(
  ctx: LineContext,
  fields: Omit<EngineLine, "versionId" | "periodStart" | "periodEnd" | "estimated"> & { estimated?: boolean },
): EngineLine {
  return {
    ...fields,
    periodStart: ctx.periodStart,
    periodEnd: ctx.periodEnd,
    versionId: ctx.versionId,
    estimated: fields.estimated ?? false,
  };
}
