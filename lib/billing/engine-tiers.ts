/**
 * Tiered energy pricing: graduated, volume ("sélective") and mixed (ONEE). Band limits are per
 * calendar month or quarter and are prorated by days for any other segment length. Pure (no I/O).
 */
import type { EnergyPricing, EngineLine, TierBand } from "./types";
import { lineAmountMinor, roundHalfUp, toSafeNumber } from "./money";
import { referenceFraction } from "./periods";
import { BillingEngineError, makeLine, type LineContext } from "./engine-lines";

export type TiersPricing = Extract<EnergyPricing, { kind: "tiers" }>;

/** A band with its limits scaled to the segment, in thousandths of kWh (`toMilli` null = open). */
export type ScaledBand = TierBand & { n: number; fromMilli: number; toMilli: number | null };

/**
 * The bands of a tariff with limits prorated to [from, to): limit × Σ(days / days of the calendar
 * month or quarter), rounded half up to the Wh. A whole calendar month (per month) or quarter
 * (per quarter) keeps the limits exactly; two segments of one month share them by days.
 */
export function scaledBands(energy: TiersPricing, from: string, to: string): ScaledBand[] {
  const { num, den } = referenceFraction(from, to, energy.per);
  let previous = 0;
  return energy.bands.map((band, index) => {
    const toMilli = band.upToKwh === null ? null : scaleKwh(band.upToKwh, num, den);
    const scaled: ScaledBand = { ...band, n: index + 1, fromMilli: previous, toMilli };
    if (toMilli !== null) previous = toMilli;
    return scaled;
  });
}

/** kWh (possibly fractional, up to the Wh) × num / den → thousandths, rounded half up. */
export function scaleKwh(kwh: number, num: bigint, den: bigint): number {
  const milli = BigInt(Math.round(kwh * 1000));
  return toSafeNumber(roundHalfUp(milli * num, den));
}

/** Whether a mixed tariff bills this segment graduated (total ≤ the prorated `volumeAboveKwh`). */
export function mixedIsGraduated(energy: TiersPricing, from: string, to: string, energyMilli: number): boolean {
  const { num, den } = referenceFraction(from, to, energy.per);
  return energyMilli <= scaleKwh(energy.volumeAboveKwh ?? 0, num, den);
}

function tierLine(ctx: LineContext, band: ScaledBand, quantityMilli: number): EngineLine {
  const labelParams: Record<string, number> = { n: band.n, from: band.fromMilli / 1000 };
  if (band.toMilli !== null) labelParams.to = band.toMilli / 1000;
  return makeLine(ctx, {
    kind: "energy",
    labelKey: band.toMilli === null ? "billing.line.tierOpen" : "billing.line.tier",
    labelParams,
    quantityMilli,
    unit: "kWh",
    unitPriceMicro: band.priceMicro,
    amountMinor: lineAmountMinor(quantityMilli, band.priceMicro),
    vatBp: band.vatBp,
    estimated: ctx.estimated,
    tier: band.n,
  });
}

/** Graduated: each band's share at its own price and VAT, one line per band used. */
export function graduatedLines(bands: ScaledBand[], ctx: LineContext, energyMilli: number): EngineLine[] {
  if (energyMilli === 0) return [tierLine(ctx, bandReached(bands, 0), 0)];
  const lines: EngineLine[] = [];
  for (const band of bands) {
    const upper = band.toMilli === null ? energyMilli : Math.min(energyMilli, band.toMilli);
    const used = upper - band.fromMilli;
    if (used > 0) lines.push(tierLine(ctx, band, used));
    if (band.toMilli === null || energyMilli <= band.toMilli) break;
  }
  return lines;
}

/** The band reached by a total: the first whose (scaled) upper limit is ≥ the total, else the open band. */
export function bandReached(bands: ScaledBand[], energyMilli: number): ScaledBand {
  const band = bands.find((b) => b.toMilli === null || energyMilli <= b.toMilli) ?? bands[bands.length - 1];
  if (!band) throw new BillingEngineError("tiers_empty", "a tiered tariff needs at least one band");
  return band;
}

/** Volume: the whole quantity at the price (and VAT) of the band reached, one line. */
export function volumeLines(bands: ScaledBand[], ctx: LineContext, energyMilli: number): EngineLine[] {
  return [tierLine(ctx, bandReached(bands, energyMilli), energyMilli)];
}

export function tierLines(energy: TiersPricing, ctx: LineContext, energyMilli: number): EngineLine[] {
  const bands = scaledBands(energy, ctx.periodStart, ctx.periodEnd);
  const graduated =
    energy.mode === "graduated" || (energy.mode === "mixed" && mixedIsGraduated(energy, ctx.periodStart, ctx.periodEnd, energyMilli));
  return graduated ? graduatedLines(bands, ctx, energyMilli) : volumeLines(bands, ctx, energyMilli);
}
