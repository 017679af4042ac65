/**
 * Compliance with a yearly target, for the year to date: from January of the month's year
 * through that month (months with data). CO₂ is met while the year-to-date CO₂ is at most the
 * yearly maximum (the budget is not yet spent); the renewable share is met when the
 * year-to-date share — renewable ÷ total production since January — is at least the minimum.
 * A criterion without a value in the target is not judged; one that cannot be computed (no
 * emission factor, no production) is `unknown`. Overall: `missed` if any criterion is
 * missed, else `unknown` if any is unknown, else `met`; `no_target` without a target.
 */
import { add, cmp, dec, div, num, zero, type Decimal } from "./decimal";
import { shareScale, type SiteMonth } from "./compute";
import type { Compliance, CriterionStatus, TargetRef } from "./types";

export type Target = { id: string; siteId: string; year: number; maxCo2Kg: string | null; minRenewableShare: string | null };

export type YearToDate = { co2Kg: Decimal | null; renewableKwh: Decimal; productionKwh: Decimal };

/** Running year-to-date sums of one site's months (sorted ascending), reset each January. */
export function yearToDate(months: SiteMonth[]): Map<string, YearToDate> {
  const out = new Map<string, YearToDate>();
  let year = "";
  let co2Kg: Decimal | null = zero;
  let renewableKwh = zero;
  let productionKwh = zero;
  for (const m of months) {
    if (m.month.slice(0, 4) !== year) {
      year = m.month.slice(0, 4);
      co2Kg = zero;
      renewableKwh = zero;
      productionKwh = zero;
    }
    co2Kg = co2Kg === null || m.co2Kg === null ? null : add(co2Kg, m.co2Kg);
    renewableKwh = add(renewableKwh, m.renewableProductionKwh);
    productionKwh = add(productionKwh, m.productionKwh);
    out.set(m.month, { co2Kg, renewableKwh, productionKwh });
  }
  return out;
}

export function targetRef(t: Target): TargetRef {
  return {
    id: t.id,
    year: t.year,
    maxCo2Kg: t.maxCo2Kg === null ? null : num(dec(t.maxCo2Kg)),
    minRenewableShare: t.minRenewableShare === null ? null : num(dec(t.minRenewableShare)),
  };
}

function judge(value: Decimal | null, limit: string | null, atMost: boolean): CriterionStatus | null {
  if (limit === null) return null;
  if (value === null) return "unknown";
  const c = cmp(value, dec(limit));
  return (atMost ? c <= 0 : c >= 0) ? "met" : "missed";
}

export function compliance(month: string, ytd: YearToDate, target: Target | null): Compliance {
  const share = div(ytd.renewableKwh, ytd.productionKwh, shareScale);
  const co2Status = target ? judge(ytd.co2Kg, target.maxCo2Kg, true) : null;
  const shareStatus = target ? judge(share, target.minRenewableShare, false) : null;
  const judged = [co2Status, shareStatus].filter((s): s is CriterionStatus => s !== null);
  const status = judged.length === 0 ? "no_target" : judged.includes("missed") ? "missed" : judged.includes("unknown") ? "unknown" : "met";
  return {
    year: Number(month.slice(0, 4)),
    through: month,
    co2Kg: ytd.co2Kg === null ? null : num(ytd.co2Kg),
    renewableShare: share === null ? null : num(share),
    co2Status,
    shareStatus,
    status,
  };
}
