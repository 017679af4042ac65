/**
 * VAT: grouped by rate, rounded once per rate. Tax-included (TTC) lines are converted to their
 * before-tax share first. Pure (no I/O).
 */
import type { EngineLine, TaxSummary } from "./types";
import { baseFromInclusiveMinor, floorDiv, roundHalfUp, taxMinor, toSafeNumber } from "./money";

/** A priced line and whether its amount (and unit price) includes VAT. */
export type PricedLine = { line: EngineLine; inclusive: boolean };

export type TaxResult = { lines: EngineLine[]; taxes: TaxSummary[]; subtotalMinor: number; taxMinor: number; totalMinor: number };

/**
 * Splits `total` over `weights` proportionally (largest remainder): Σ result = total exactly.
 * Ties go to the earlier item. With Σ weights = 0, each item gets its own rounded share of
 * `total` computed from `fallback` and the last item absorbs the difference.
 */
export function allocate(total: number, weights: number[], fallback?: (w: number) => number): number[] {
  if (weights.length === 0) return [];
  const sum = weights.reduce((s, w) => s + BigInt(w), 0n);
  if (sum === 0n) {
    const shares = weights.map((w) => (fallback ? fallback(w) : 0));
    const diff = total - shares.reduce((s, v) => s + v, 0);
    return shares.map((v, i) => (i === shares.length - 1 ? v + diff : v));
  }
  const t = BigInt(total);
  const sign = sum < 0n ? -1n : 1n;
  const den = sum * sign;
  const parts = weights.map((w, i) => {
    const num = t * BigInt(w) * sign;
    const q = floorDiv(num, den);
    return { i, q, r: num - q * den };
  });
  let deficit = t - parts.reduce((s, p) => s + p.q, 0n);
  const order = [...parts].sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const p of order) {
    if (deficit <= 0n) break;
    p.q += 1n;
    deficit -= 1n;
  }
  return parts.map((p) => toSafeNumber(p.q));
}

/**
 * Converts tax-included lines to before-tax shares and summarises VAT per rate (ascending):
 * - before-tax lines: base = Σ amounts, tax = round_half_up(base × rate), once per rate;
 * - tax-included lines: Σ TTC per rate → base = round_half_up(TTC × 10 000 / (10 000 + rate)),
 *   tax = TTC − base (the customer pays exactly the TTC prices), and the base is allocated back
 *   onto the lines (largest remainder) so Σ line amounts at that rate = base; unit prices are
 *   shown before tax too (rounded, informative);
 * - a rate with both kinds (rare: a tariff change between a TTC and an HT grid) adds both parts.
 * Invariants: subtotal = Σ lines, tax = Σ per-rate taxes, total = subtotal + tax.
 */
export function computeTaxes(priced: PricedLine[]): TaxResult {
  const lines = priced.map((p) => ({ ...p.line }));
  const rates = [...new Set(priced.map((p) => p.line.vatBp))].sort((a, b) => a - b);
  const taxes: TaxSummary[] = [];
  for (const rate of rates) {
    const exclusive = priced.map((p, i) => ({ p, i })).filter(({ p }) => p.line.vatBp === rate && !p.inclusive);
    const inclusive = priced.map((p, i) => ({ p, i })).filter(({ p }) => p.line.vatBp === rate && p.inclusive);
    const exclusiveBase = exclusive.reduce((s, { p }) => s + p.line.amountMinor, 0);
    let base = exclusiveBase;
    let tax = exclusive.length > 0 ? taxMinor(exclusiveBase, rate) : 0;
    if (inclusive.length > 0) {
      const ttc = inclusive.reduce((s, { p }) => s + p.line.amountMinor, 0);
      const inclusiveBase = baseFromInclusiveMinor(ttc, rate);
      const shares = allocate(
        inclusiveBase,
        inclusive.map(({ p }) => p.line.amountMinor),
        (w) => baseFromInclusiveMinor(w, rate),
      );
      inclusive.forEach(({ p, i }, k) => {
        lines[i] = {
          ...p.line,
          amountMinor: shares[k] ?? 0,
          unitPriceMicro: toSafeNumber(roundHalfUp(BigInt(p.line.unitPriceMicro) * 10_000n, 10_000n + BigInt(rate))),
        };
      });
      base += inclusiveBase;
      tax += ttc - inclusiveBase;
    }
    taxes.push({ vatBp: rate, baseMinor: base, taxMinor: tax });
  }
  const subtotalMinor = lines.reduce((s, l) => s + l.amountMinor, 0);
  const totalTax = taxes.reduce((s, t) => s + t.taxMinor, 0);
  return { lines, taxes, subtotalMinor, taxMinor: totalTax, totalMinor: subtotalMinor + totalTax };
}
