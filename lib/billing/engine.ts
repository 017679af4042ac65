/**
 * The tariff engine: prices a billed period from its usage segments (one per tariff version).
 * Pure TypeScript, no I/O: safe on the client (simulators, previews) and on the server (billing run).
 * Units and rounding: see lib/billing/types.ts and lib/billing/money.ts.
 */
import type { Currency, EngineLine, InvoiceComputation, InvoiceInput, TariffDefinition, UsageSegment } from "./types";
import { minorToMicro, roundHalfUp, toSafeNumber } from "./money";
import { daysBetween, isDateString, referenceFraction } from "./periods";
import { BillingEngineError, labelParams, makeLine, type LineContext } from "./engine-lines";
import { assertSegment, levyLines, priceEnergy, segmentContext } from "./engine-energy";
import { computeTaxes, type PricedLine } from "./engine-taxes";

export { priceEnergy, levyLines, type EnergySegment, type PriceEnergyOptions } from "./engine-energy";
export { touPeriodOf, touRuleTable, parseClock, type TouPricing, type TouRuleRow, type LocalInstant } from "./engine-tou";
export { scaledBands, bandReached, type ScaledBand, type TiersPricing } from "./engine-tiers";
export { computeTaxes, allocate, type PricedLine, type TaxResult } from "./engine-taxes";
export { BillingEngineError, labelParams, localizedLabelParam } from "./engine-lines";

/**
 * Subscription of one segment: amount × Σ(days covered / days of each calendar month or quarter),
 * rounded half up once. Quantity = days × 1000 ("day"); unitPriceMicro = informative daily price.
 */
export function subscriptionLine(definition: TariffDefinition, ctx: LineContext): EngineLine | null {
  const sub = definition.subscription;
  if (!sub) return null;
  const { num, den } = referenceFraction(ctx.periodStart, ctx.periodEnd, sub.per);
  const days = daysBetween(ctx.periodStart, ctx.periodEnd);
  return makeLine(ctx, {
    kind: "subscription",
    labelKey: "billing.line.subscription",
    labelParams: { days },
    quantityMilli: days * 1000,
    unit: "day",
    unitPriceMicro: toSafeNumber(roundHalfUp(BigInt(minorToMicro(sub.amountMinor)) * num, den * BigInt(days))),
    amountMinor: toSafeNumber(roundHalfUp(BigInt(sub.amountMinor) * num, den)),
    vatBp: sub.vatBp,
  });
}

/** Monthly fees of one segment, prorated by days like the subscription (quantity in months × 1000). */
export function monthlyFeeLines(definition: TariffDefinition, ctx: LineContext): EngineLine[] {
  const fees = (definition.fees ?? []).filter((f) => f.per === "month");
  if (fees.length === 0) return [];
  const { num, den } = referenceFraction(ctx.periodStart, ctx.periodEnd, "month");
  return fees.map((fee) =>
    makeLine(ctx, {
      kind: "fee",
      labelKey: "billing.line.fee",
      labelParams: { ...labelParams(fee), code: fee.code },
      quantityMilli: toSafeNumber(roundHalfUp(1000n * num, den)),
      unit: "month",
      unitPriceMicro: minorToMicro(fee.amountMinor),
      amountMinor: toSafeNumber(roundHalfUp(BigInt(fee.amountMinor) * num, den)),
      vatBp: fee.vatBp,
    }),
  );
}

/** Per-invoice fees (once per invoice, whole amount). */
export function invoiceFeeLines(definition: TariffDefinition, ctx: LineContext): EngineLine[] {
  return (definition.fees ?? [])
    .filter((f) => f.per === "invoice")
    .map((fee) =>
      makeLine(ctx, {
        kind: "fee",
        labelKey: "billing.line.fee",
        labelParams: { ...labelParams(fee), code: fee.code },
        quantityMilli: 1000,
        unit: "unit",
        unitPriceMicro: minorToMicro(fee.amountMinor),
        amountMinor: fee.amountMinor,
        vatBp: fee.vatBp,
      }),
    );
}

/** All lines of one segment, in their tariff's own terms (TTC when pricesIncludeTax). */
export function segmentLines(segment: UsageSegment, period: { periodStart: string; periodEnd: string }): EngineLine[] {
  assertSegment(segment, period);
  const ctx = segmentContext(segment);
  const fixedCtx = { ...ctx, estimated: false };
  const subscription = subscriptionLine(segment.definition, fixedCtx);
  return [
    ...(subscription ? [subscription] : []),
    ...priceEnergy(segment.definition, segment, period),
    ...levyLines(segment.definition, ctx, segment.energyMilli),
    ...monthlyFeeLines(segment.definition, fixedCtx),
  ];
}

/**
 * Prices a billed period [periodStart, periodEnd). Per segment (sorted by date, non-overlapping,
 * inside the period, all in one currency): subscription (prorated by days), energy lines, levies,
 * monthly fees; then the per-invoice fees of the last segment's tariff (over the whole period);
 * then `extraLines` as given. VAT is grouped by rate (see engine-taxes). Extra lines are taken
 * as tax-included when every segment's tariff is (override with `extraLinesIncludeTax`).
 */
export function computeInvoice(input: InvoiceInput): InvoiceComputation {
  const { periodStart, periodEnd } = input;
  if (!isDateString(periodStart) || !isDateString(periodEnd) || periodStart >= periodEnd) {
    throw new BillingEngineError("period_invalid", `invalid period [${periodStart}, ${periodEnd})`);
  }
  const segments = [...input.segments].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const currency: Currency | undefined = segments[0]?.definition.currency ?? input.currency;
  if (!currency) throw new BillingEngineError("currency_missing", "an invoice without segments needs `currency`");
  const priced: PricedLine[] = [];
  segments.forEach((segment, i) => {
    if (segment.definition.currency !== currency) {
      throw new BillingEngineError("currency_mismatch", `segment ${segment.from} is in ${segment.definition.currency}, not ${currency}`);
    }
    const previous = segments[i - 1];
    if (previous && segment.from < previous.to) {
      throw new BillingEngineError("segments_overlap", `segments overlap at ${segment.from}`);
    }
    const inclusive = segment.definition.pricesIncludeTax;
    for (const line of segmentLines(segment, input)) priced.push({ line, inclusive });
  });
  const last = segments[segments.length - 1];
  if (last) {
    const ctx: LineContext = { versionId: last.versionId, periodStart, periodEnd, estimated: false };
    for (const line of invoiceFeeLines(last.definition, ctx)) priced.push({ line, inclusive: last.definition.pricesIncludeTax });
  }
  const extraInclusive = input.extraLinesIncludeTax ?? (segments.length > 0 && segments.every((s) => s.definition.pricesIncludeTax));
  for (const line of input.extraLines ?? []) priced.push({ line, inclusive: extraInclusive });

  const result = computeTaxes(priced);
  return {
    currency,
    lines: result.lines,
    taxes: result.taxes,
    subtotalMinor: result.subtotalMinor,
    taxMinor: result.taxMinor,
    totalMinor: result.totalMinor,
  };
}
