import "server-only";
import { BillingEngineError, computeInvoice } from "@/lib/billing/engine";
import type { EngineLine } from "@/lib/billing/types";
import type { FactorCandidate } from "@/server/energy/environment/factor-rule";
import type { BillingFailure, ChunkContract } from "./build-load";
import type { DraftToWrite } from "./build-write";
import { co2Grams } from "./co2";
import type { ExtraLine } from "./regularisation";
import type { Usage } from "./usage";

/** Where a computed line comes from: its segment's readings, or the earlier invoice it corrects. */
function provenanceOf(line: EngineLine, usage: Usage): Record<string, unknown> {
  const i = usage.segments.findIndex((s) => s.versionId === line.versionId && s.from === line.periodStart && s.to === line.periodEnd);
  const base: Record<string, unknown> = { tariffVersionId: line.versionId };
  if (line.touPeriod !== undefined) base.touPeriod = line.touPeriod;
  if (line.tier !== undefined) base.tier = line.tier;
  const prov = usage.provenance[i];
  if (!prov) return base;
  if (line.kind === "energy" || line.kind === "levy") return { ...prov, ...base };
  return { from: prov.from, to: prov.to, ...base };
}

/**
 * Prices one contract's period with the engine and shapes the draft to store. Engine errors
 * (an inconsistent tariff definition…) fail this contract only, with the engine's code.
 */
export function computeDraft(
  input: { id: string; isNew: boolean; contract: ChunkContract; from: string; to: string },
  usage: Usage,
  extras: ExtraLine[],
  factors: FactorCandidate[],
): DraftToWrite | BillingFailure {
  const { contract, from, to } = input;
  let result;
  try {
    result = computeInvoice({
      periodStart: from,
      periodEnd: to,
      segments: usage.segments,
      extraLines: extras.map((x) => x.line),
      extraLinesIncludeTax: extras.length > 0 ? extras.every((x) => x.inclusive) : undefined,
    });
  } catch (error) {
    if (error instanceof BillingEngineError) return { contractId: contract.id, code: error.code, detail: error.message };
    throw error;
  }
  const firstExtra = result.lines.length - extras.length;
  const lines = result.lines.map((line, i) => ({
    ...line,
    provenance: i >= firstExtra ? extras[i - firstExtra]!.provenance : provenanceOf(line, usage),
  }));
  return {
    id: input.id,
    isNew: input.isNew,
    clientId: contract.clientId,
    contractId: contract.id,
    periodStart: from,
    periodEnd: to,
    currency: result.currency,
    locale: contract.locale,
    subtotalMinor: result.subtotalMinor,
    taxMinor: result.taxMinor,
    totalMinor: result.totalMinor,
    estimated: !usage.complete || lines.some((l) => l.estimated && l.kind === "energy"),
    consumptionMilli: usage.consumptionMilli,
    co2Grams: co2Grams(usage.byCountry, from, factors),
    lines,
  };
}
