import "server-only";
import type { Executor } from "@/db/client";
import type { UsageSegment } from "@/lib/billing/types";
import type { SegmentPlan } from "./segments";
import { dailySums, loadContractMeters, minusDays, type ContractMeter, type MeterRef, type Pair } from "./usage-load";
import { splitMilli, touCalendar, touShares, type TouCalendar, type TouPair } from "./usage-tou";

export { loadContractMeters, type ContractMeter, type MeterRef };

/** Where a segment's energy comes from: the "explain this bill" view of its lines. */
export type SegmentProvenance = {
  meters: MeterRef[];
  from: string;
  to: string;
  /** Readings found (Σ daily counts) and expected (local minutes of the period ÷ interval, per meter). */
  readings: number;
  expected: number;
  /** Measured energy (milli-kWh) and the estimate filling the missing intervals. */
  sumMilli: number;
  estimatedMilli: number;
};

/** `key` identifies the request (a contract's current period, or an earlier invoice to regularise). */
export type UsageRequest = { key: string; contractId: string; segments: SegmentPlan[] };
export type Usage = {
  key: string;
  contractId: string;
  segments: UsageSegment[];
  provenance: SegmentProvenance[];
  /** Every reading expected was found. */
  complete: boolean;
  consumptionMilli: number;
  estimatedMilli: number;
  /** Energy per country of the meters' sites (for the location-based CO₂). */
  byCountry: Record<string, number>;
};
export type UsageOutcome = Usage | { key: string; contractId: string; error: "no_meter" };

/**
 * Energy of each requested segment from the rollups, set-based: a constant number of
 * statements whatever the number of contracts (meters, daily sums, the 28 days before for
 * meters without any reading, and for time-of-use tariffs the hourly classification).
 * Missing intervals are estimated: missing × the average per interval of the readings present
 * in the segment (or of the 28 days before it when it has none). Quantities in milli-kWh.
 */
export async function loadUsage(
  tx: Executor,
  requests: UsageRequest[],
  known?: Map<string, ContractMeter[]>,
): Promise<Map<string, UsageOutcome>> {
  const meters =
    known ??
    (await loadContractMeters(
      tx,
      requests.map((r) => r.contractId),
    ));
  const segs: { req: UsageRequest; plan: SegmentPlan; meters: ContractMeter[] }[] = [];
  for (const req of requests) for (const plan of req.segments) segs.push({ req, plan, meters: meters.get(req.contractId) ?? [] });
  const pairs: Pair[] = segs.flatMap((s, k) =>
    s.meters.map((m) => ({ k, m: m.id, f: s.plan.from, t: s.plan.to, tz: m.timezone, iv: m.intervalMinutes })),
  );
  const sums = await dailySums(tx, pairs);
  const empty = pairs.filter((p) => (sums.get(`${p.k}|${p.m}`)?.n ?? 0) === 0);
  const before = await dailySums(
    tx,
    empty.map((p) => ({ ...p, f: minusDays(p.f, 28), t: p.f })),
  );

  // Per segment: measured, estimated, coverage, and energy per country.
  const measured = segs.map((s, k) => {
    let sumKwh = 0;
    let estKwh = 0;
    let readings = 0;
    let expected = 0;
    const byCountry: Record<string, number> = {};
    for (const m of s.meters) {
      const own = sums.get(`${k}|${m.id}`) ?? { s: 0, n: 0, expected: 0 };
      const ref = before.get(`${k}|${m.id}`);
      const average = own.n > 0 ? own.s / own.n : ref && ref.n > 0 ? ref.s / ref.n : 0;
      const estimate = Math.max(0, own.expected - own.n) * Math.max(0, average);
      sumKwh += own.s;
      estKwh += estimate;
      readings += own.n;
      expected += own.expected;
      byCountry[m.country] = (byCountry[m.country] ?? 0) + Math.max(0, own.s) + estimate;
    }
    const sumMilli = Math.max(0, Math.round(sumKwh * 1000));
    const estimatedMilli = Math.round(estKwh * 1000);
    return { sumMilli, estimatedMilli, readings, expected, byCountry };
  });

  const tou = await touSplit(tx, segs, pairs, measured);

  const out = new Map<string, UsageOutcome>();
  segs.forEach((s, k) => {
    const { req, plan } = s;
    if (s.meters.length === 0) {
      out.set(req.key, { key: req.key, contractId: req.contractId, error: "no_meter" });
      return;
    }
    const found = out.get(req.key);
    const usage: Usage =
      found && !("error" in found)
        ? found
        : {
            key: req.key,
            contractId: req.contractId,
            segments: [],
            provenance: [],
            complete: true,
            consumptionMilli: 0,
            estimatedMilli: 0,
            byCountry: {},
          };
    const mk = measured[k]!;
    const energyMilli = mk.sumMilli + mk.estimatedMilli;
    const segment: UsageSegment = {
      versionId: plan.versionId,
      definition: plan.definition,
      from: plan.from,
      to: plan.to,
      energyMilli,
      estimatedMilli: mk.estimatedMilli,
    };
    if (plan.definition.energy.kind === "tou") segment.touMilli = splitMilli(energyMilli, tou.get(k));
    usage.segments.push(segment);
    usage.provenance.push({
      meters: s.meters.map((m) => ({ id: m.id, code: m.code })),
      from: plan.from,
      to: plan.to,
      readings: mk.readings,
      expected: mk.expected,
      sumMilli: mk.sumMilli,
      estimatedMilli: mk.estimatedMilli,
    });
    usage.complete &&= mk.readings >= mk.expected;
    usage.consumptionMilli += energyMilli;
    usage.estimatedMilli += mk.estimatedMilli;
    for (const [c, kwh] of Object.entries(mk.byCountry)) usage.byCountry[c] = (usage.byCountry[c] ?? 0) + Math.round(kwh * 1000);
    out.set(req.key, usage);
  });
  return out;
}

/**
 * Time-of-use shares per segment key: the measured energy of the segment classified by the
 * tariff's calendar; a segment with no reading at all takes the shares of its 28 days before.
 */
async function touSplit(
  tx: Executor,
  segs: { plan: SegmentPlan; meters: ContractMeter[] }[],
  pairs: Pair[],
  measured: { sumMilli: number; estimatedMilli: number }[],
): Promise<Map<number, Map<string, number>>> {
  const calendars: TouCalendar[] = [];
  const calendarOf = new Map<TouCalendar, number>();
  const v = new Map<number, number>();
  segs.forEach((s, k) => {
    const energy = s.plan.definition.energy;
    if (energy.kind !== "tou") return;
    const calendar = touCalendar(energy);
    if (!calendarOf.has(calendar)) calendarOf.set(calendar, calendars.push(calendar) - 1);
    v.set(k, calendarOf.get(calendar)!);
  });
  if (v.size === 0) return new Map();
  const touPairs: TouPair[] = pairs.filter((p) => v.has(p.k)).map((p) => ({ k: p.k, m: p.m, f: p.f, t: p.t, tz: p.tz, v: v.get(p.k)! }));
  const shares = await touShares(tx, touPairs, calendars);
  const blind = touPairs.filter((p) => measured[p.k]!.sumMilli === 0 && measured[p.k]!.estimatedMilli > 0);
  const previous = await touShares(
    tx,
    blind.map((p) => ({ ...p, f: minusDays(p.f, 28), t: p.f })),
    calendars,
  );
  for (const [k, map] of previous) if (!shares.has(k)) shares.set(k, map);
  return shares;
}
