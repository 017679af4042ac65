/**
 * Energy pricing of one segment (flat, time-of-use or tiers) and its per-kWh levies. Pure (no I/O).
 */
import type { EngineLine, TariffDefinition } from "./types";
import { lineAmountMinor } from "./money";
import { isDateString } from "./periods";
import { assertMilli, BillingEngineError, labelParams, makeLine, type LineContext } from "./engine-lines";
import { tierLines } from "./engine-tiers";
import { touLines } from "./engine-tou";

/** The usage of one segment, as `priceEnergy` needs it (`versionId` defaults to ""). */
export type EnergySegment = {
  from: string;
  to: string;
  energyMilli: number;
  estimatedMilli: number;
  touMilli?: Record<string, number>;
  versionId?: string;
};

export type PriceEnergyOptions = {
  /** Also return the per-kWh levy lines (default false: energy lines only). */
  includeLevies?: boolean;
};

export function assertSegment(segment: EnergySegment, period: { periodStart: string; periodEnd: string }): void {
  for (const d of [segment.from, segment.to, period.periodStart, period.periodEnd]) {
    if (!isDateString(d)) throw new BillingEngineError("date_invalid", `invalid date "${d}" (expected YYYY-MM-DD)`);
  }
  if (segment.from >= segment.to) throw new BillingEngineError("segment_empty", `segment [${segment.from}, ${segment.to}) is empty`);
  if (period.periodStart >= period.periodEnd) {
    throw new BillingEngineError("period_empty", `period [${period.periodStart}, ${period.periodEnd}) is empty`);
  }
  if (segment.from < period.periodStart || segment.to > period.periodEnd) {
    throw new BillingEngineError(
      "segment_outside_period",
      `segment [${segment.from}, ${segment.to}) is outside the period [${period.periodStart}, ${period.periodEnd})`,
    );
  }
  assertMilli(segment.energyMilli, "energyMilli");
  assertMilli(segment.estimatedMilli, "estimatedMilli");
}

export function segmentContext(segment: EnergySegment): LineContext {
  return { versionId: segment.versionId ?? "", periodStart: segment.from, periodEnd: segment.to, estimated: segment.estimatedMilli > 0 };
}

/** Per-kWh levy lines of a segment (estimated like the energy they are computed on). */
export function levyLines(definition: TariffDefinition, ctx: LineContext, energyMilli: number): EngineLine[] {
  return (definition.levies ?? []).map((levy) =>
    makeLine(ctx, {
      kind: "levy",
      labelKey: "billing.line.levy",
      labelParams: { ...labelParams(levy), code: levy.code },
      quantityMilli: energyMilli,
      unit: "kWh",
      unitPriceMicro: levy.perKwhMicro,
      amountMinor: lineAmountMinor(energyMilli, levy.perKwhMicro),
      vatBp: levy.vatBp,
      estimated: ctx.estimated,
    }),
  );
}

/**
 * The energy lines of one segment priced with `definition`: flat (one line), time-of-use (one
 * line per period) or tiers (graduated: one line per band used; volume: one line). Tier limits
 * are prorated to the segment's days (see engine-tiers). The billing run re-prices an old
 * period's energy with it for regularisation: amount(actual) − amount(billed).
 *
 * Amounts are in the tariff's own terms: tax included when `definition.pricesIncludeTax`
 * (computeInvoice converts them to before-tax shares). `period` is the billed period that
 * contains the segment (checked).
 */
export function priceEnergy(
  definition: TariffDefinition,
  segment: EnergySegment,
  period: { periodStart: string; periodEnd: string },
  options: PriceEnergyOptions = {},
): EngineLine[] {
  assertSegment(segment, period);
  const ctx = segmentContext(segment);
  const energy = definition.energy;
  let lines: EngineLine[];
  switch (energy.kind) {
    case "flat":
      lines = [
        makeLine(ctx, {
          kind: "energy",
          labelKey: "billing.line.energy",
          labelParams: {},
          quantityMilli: segment.energyMilli,
          unit: "kWh",
          unitPriceMicro: energy.priceMicro,
          amountMinor: lineAmountMinor(segment.energyMilli, energy.priceMicro),
          vatBp: energy.vatBp,
          estimated: ctx.estimated,
        }),
      ];
      break;
    case "tou":
      lines = touLines(energy, ctx, segment.energyMilli, segment.touMilli);
      break;
    case "tiers":
      lines = tierLines(energy, ctx, segment.energyMilli);
      break;
  }
  return options.includeLevies ? [...lines, ...levyLines(definition, ctx, segment.energyMilli)] : lines;
}
