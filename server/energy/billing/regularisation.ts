import "server-only";
import type { Executor } from "@/db/client";
import { priceEnergy } from "@/lib/billing/engine";
import type { EngineLine, TariffDefinition, UsageSegment } from "@/lib/billing/types";
import { loadPending, type BilledSegment, type PendingInvoice } from "./regularisation-load";
import { loadVersionsById } from "./segments";
import { loadUsage, type ContractMeter, type SegmentProvenance, type Usage } from "./usage";

/** A line the run adds to an invoice, with where it comes from and whether its amount includes VAT. */
export type ExtraLine = { line: EngineLine; provenance: Record<string, unknown>; inclusive: boolean };

const sameTou = (a: Record<string, number> = {}, b: Record<string, number> = {}) => {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => (a[k] ?? 0) === (b[k] ?? 0));
};

/** Per VAT rate: Σ amount and Σ energy quantity of the lines. */
function byRate(lines: EngineLine[]): Map<number, { amount: number; quantity: number }> {
  const out = new Map<number, { amount: number; quantity: number }>();
  for (const l of lines) {
    const r = out.get(l.vatBp) ?? { amount: 0, quantity: 0 };
    r.amount += l.amountMinor;
    if (l.kind === "energy") r.quantity += l.quantityMilli;
    out.set(l.vatBp, r);
  }
  return out;
}

/**
 * The lines correcting one earlier invoice: per changed segment and VAT rate, the energy (and
 * per-kWh levies) re-priced with the ORIGINAL tariff version, actual − billed (may be negative).
 * An estimate confirmed exactly by the readings still gets a zero line, which closes it.
 */
function linesFor(p: PendingInvoice, usage: Usage, definitions: Map<string, TariffDefinition>, computedAt: string): ExtraLine[] {
  const kind = p.estimatedOpen ? "regularisation" : "adjustment";
  const period = { periodStart: p.periodStart, periodEnd: p.periodEnd };
  const segments = p.billed.map((b, i) => {
    const actual = usage.segments[i]!;
    return {
      versionId: b.versionId,
      from: b.from,
      to: b.to,
      billedMilli: b.energyMilli,
      actualMilli: actual.energyMilli,
      actualTou: actual.touMilli ?? {},
    };
  });
  const common = {
    adjusts: p.id,
    number: p.number,
    billedMilli: segments.reduce((s, x) => s + x.billedMilli, 0),
    actualMilli: segments.reduce((s, x) => s + x.actualMilli, 0),
    complete: true,
    computedAt,
    segments,
  };
  const out: ExtraLine[] = [];
  p.billed.forEach((billed: BilledSegment, i) => {
    const actual: UsageSegment = usage.segments[i]!;
    const prov: SegmentProvenance = usage.provenance[i]!;
    const definition = definitions.get(billed.versionId)!;
    if (billed.energyMilli === actual.energyMilli && (definition.energy.kind !== "tou" || sameTou(billed.touMilli, actual.touMilli)))
      return;
    const was = {
      from: billed.from,
      to: billed.to,
      energyMilli: billed.energyMilli,
      estimatedMilli: 0,
      touMilli: billed.touMilli,
      versionId: billed.versionId,
    };
    const now = byRate(priceEnergy(definition, actual, period, { includeLevies: true }));
    const before = byRate(priceEnergy(definition, was, period, { includeLevies: true }));
    for (const rate of [...new Set([...now.keys(), ...before.keys()])].sort((a, b) => a - b)) {
      const amount = (now.get(rate)?.amount ?? 0) - (before.get(rate)?.amount ?? 0);
      const quantity = (now.get(rate)?.quantity ?? 0) - (before.get(rate)?.quantity ?? 0);
      if (amount === 0 && quantity === 0) continue;
      out.push({
        line: {
          kind,
          labelKey: `billing.line.${kind}`,
          labelParams: { number: p.number, from: p.periodStart, to: p.periodEnd },
          periodStart: billed.from,
          periodEnd: billed.to,
          quantityMilli: quantity,
          unit: "kWh",
          unitPriceMicro: quantity === 0 ? 0 : Math.round((amount * 10_000_000) / quantity),
          amountMinor: amount,
          vatBp: rate,
          estimated: false,
          versionId: billed.versionId,
        },
        provenance: { ...prov, ...common, tariffVersionId: billed.versionId, estimatedMilli: 0 },
        inclusive: definition.pricesIncludeTax,
      });
    }
  });
  if (out.length === 0 && kind === "regularisation" && p.billed.length > 0) {
    const first = p.billed[0]!;
    const definition = definitions.get(first.versionId)!;
    const rate = priceEnergy(definition, usage.segments[0]!, period)[0]?.vatBp ?? 0;
    out.push({
      line: {
        kind,
        labelKey: "billing.line.regularisation",
        labelParams: { number: p.number, from: p.periodStart, to: p.periodEnd },
        periodStart: first.from,
        periodEnd: first.to,
        quantityMilli: 0,
        unit: "kWh",
        unitPriceMicro: 0,
        amountMinor: 0,
        vatBp: rate,
        estimated: false,
        versionId: first.versionId,
      },
      provenance: { ...usage.provenance[0]!, ...common, tariffVersionId: first.versionId, estimatedMilli: 0 },
      inclusive: definition.pricesIncludeTax,
    });
  }
  return out;
}

/**
 * Regularisations and adjustments for the contracts of a chunk (each with the start of the
 * period being built): earlier issued invoices with an open estimate or a reading corrected
 * since, re-measured with the same usage code over their own segments once their readings are
 * complete. The old invoices are never modified; the difference becomes lines of the new one.
 * A constant number of statements for the chunk. Keyed by contract id.
 */
export async function regularisationLines(
  tx: Executor,
  targets: { contractId: string; periodStart: string }[],
  meters: Map<string, ContractMeter[]>,
  computedAt: string,
): Promise<Map<string, ExtraLine[]>> {
  const out = new Map<string, ExtraLine[]>();
  const pending = await loadPending(tx, targets);
  if (pending.length === 0) return out;
  const versions = await loadVersionsById(
    tx,
    pending.flatMap((p) => p.billed.map((b) => b.versionId)),
  );
  const usable = pending.filter((p) => p.billed.length > 0 && p.billed.every((b) => versions.has(b.versionId)));
  const definitions = new Map([...versions].map(([id, v]) => [id, v.definition]));
  const usage = await loadUsage(
    tx,
    usable.map((p) => ({
      key: p.id,
      contractId: p.contractId,
      segments: p.billed.map((b) => ({ versionId: b.versionId, definition: definitions.get(b.versionId)!, from: b.from, to: b.to })),
    })),
    meters,
  );
  for (const p of usable) {
    const u = usage.get(p.id);
    if (!u || "error" in u || !u.complete) continue; // wait for the missing readings
    let lines: ExtraLine[];
    try {
      lines = linesFor(p, u, definitions, computedAt);
    } catch (error) {
      console.error(`[billing] cannot regularise invoice ${p.number}:`, error instanceof Error ? error.message : error);
      continue;
    }
    if (lines.length > 0) out.set(p.contractId, [...(out.get(p.contractId) ?? []), ...lines]);
  }
  return out;
}
