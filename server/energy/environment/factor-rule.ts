/**
 * Which emission factor a computation uses — a documented rule, applied to data:
 *
 * 1. Only the current version of each factor (`superseded_at` null) is a candidate; older
 *    versions stay readable for the record but are never used for new computations.
 * 2. Per (carrier, zone, unit), only the factors of the REFERENCE SOURCE count (the last
 *    segment of the key, `<carrier>:<zone>:<unit>:<year>:<source>`):
 *      - grid electricity: `ember` — the one dataset that covers DZ, MA, TN and FR with the
 *        same lifecycle method, so sites in different countries compare;
 *      - natural gas: `ipcc` (IPCC 2006 default, combustion);
 *      - diesel and petrol: `ademe` (Base Carbone, combustion + upstream).
 *    Factors of other sources (Electricity Maps, the French regulatory figure…) are kept for
 *    comparison and shown beside the reference, never mixed into the totals.
 * 3. Zone: the site's country first, then `*` (any country) — fuels are stored for `*`.
 * 4. Year: the latest factor year ≤ the year of the month computed; when every factor is
 *    newer than that month, the earliest one.
 * No factor → the CO₂ of that carrier is unknown (null), never silently zero.
 */
export type FactorCandidate = {
  id: string;
  key: string;
  carrier: string;
  zone: string;
  year: number;
  value: string;
  unit: string;
  perimeter: string;
  source: string;
  version: number;
};

export const referenceSources: Record<string, string> = {
  electricity: "ember",
  natural_gas: "ipcc",
  diesel: "ademe",
  petrol: "ademe",
};

/** `electricity:DZ:kWh:2023:ember` — the identity of a factor across its versions. */
export function factorKey(f: { carrier: string; zone: string; unit: string; year: number; sourceSlug: string }): string {
  return `${f.carrier}:${f.zone}:${f.unit}:${f.year}:${f.sourceSlug}`;
}

export function sourceSlugOf(key: string): string {
  return key.slice(key.lastIndexOf(":") + 1);
}

export function isReference(f: Pick<FactorCandidate, "key" | "carrier">): boolean {
  return referenceSources[f.carrier] !== undefined && sourceSlugOf(f.key) === referenceSources[f.carrier];
}

/** The factor year for `year`: the latest ≤ year, else the earliest (rule 4). */
export function pickByYear<F extends { year: number }>(candidates: F[], year: number): F | null {
  let best: F | null = null;
  for (const f of candidates) {
    if (f.year <= year) {
      if (!best || best.year > year || f.year > best.year) best = f;
    } else if (!best || (best.year > year && f.year < best.year)) best = f;
  }
  return best;
}

/** The factor used for `carrier` in `country`, for a quantity in `unit`, in `year` (rules 1–4). */
export function pickFactor<F extends FactorCandidate>(
  current: F[],
  carrier: string,
  country: string,
  unit: string,
  year: number,
): F | null {
  const family = current.filter((f) => f.carrier === carrier && f.unit === unit && isReference(f));
  const own = family.filter((f) => f.zone === country);
  return pickByYear(own.length > 0 ? own : family.filter((f) => f.zone === "*"), year);
}
