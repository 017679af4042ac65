import { describe, expect, it } from "vitest";
import { compliance, yearToDate, type Target } from "@/server/energy/environment/compliance";
import { computeSiteMonth, type MonthSums, type SiteInfo } from "@/server/energy/environment/compute";
import { dec, div, mul, text } from "@/server/energy/environment/decimal";
import { pickFactor, type FactorCandidate } from "@/server/energy/environment/factor-rule";
import { aggregate } from "@/server/energy/environment/totals";
import { resolveRange } from "@/server/energy/environment/months";
import { emissionFactorSeeds } from "@/db/seed/energy/emission-factors";
import { factorKey } from "@/server/energy/environment/factor-rule";

/** The seeded factors, as the computation reads them (current versions). */
const factors: FactorCandidate[] = emissionFactorSeeds.map((s, i) => ({
  id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
  key: factorKey({ ...s, sourceSlug: s.slug }),
  carrier: s.carrier,
  zone: s.zone,
  year: s.year,
  value: s.value,
  unit: s.unit,
  perimeter: s.perimeter,
  source: s.source,
  version: 1,
}));

const site = (type: string, country = "DZ"): SiteInfo => ({ id: `id-${type}`, code: `C-${type}`, name: type, country, type });
const sums = (month: string, values: Partial<Omit<MonthSums, "siteId" | "month">>): MonthSums => ({
  siteId: "x",
  month,
  electricityKwh: null,
  gasKwh: null,
  gasM3: null,
  dieselM3: null,
  productionKwh: null,
  ...values,
});

describe("one month of CO₂ computed by hand", () => {
  it("consumption: 1 234.5 kWh in Algeria, March 2025 × Ember 2023 (0.634 kg/kWh) = 782.673 kg, exactly", () => {
    const m = computeSiteMonth(site("substation"), sums("2025-03", { electricityKwh: "1234.5" }), factors);
    // By hand: 1 234.5 × 0.634 = 782.673 (no rounding anywhere).
    expect(text(m.co2Kg!)).toBe("782.673");
    expect(m.factor?.key).toBe("electricity:DZ:kWh:2023:ember");
    expect(text(m.avoidedCo2Kg!)).toBe("0");
    expect(m.renewableShare).toBeNull();
  });

  it("gas metered in m³ adds its own factor: 1 234.5 × 0.634 + 100 m³ × 2.02 = 984.673 kg", () => {
    const m = computeSiteMonth(site("thermal_plant"), sums("2025-03", { electricityKwh: "1234.5", gasM3: "100" }), factors);
    expect(text(m.co2Kg!)).toBe("984.673");
    expect(m.fuelFactors.map((f) => f.key)).toEqual(["natural_gas:*:m3:2006:ipcc"]);
    expect(text(m.consumptionKwh)).toBe("1234.5");
  });

  it("diesel m³ are litres × 1 000 × 3.16 kg/L; gas kWh × 0.202", () => {
    const m = computeSiteMonth(site("thermal_plant"), sums("2025-03", { dieselM3: "0.5", gasKwh: "1000" }), factors);
    // 0.5 m³ = 500 L × 3.16 = 1 580 kg; 1 000 kWh × 0.202 = 202 kg.
    expect(text(m.co2Kg!)).toBe("1782");
  });

  it("avoided CO₂: a solar park's 10 000.25 kWh × 0.634 = 6 340.1585 kg, apart from its CO₂; share 100 %", () => {
    const m = computeSiteMonth(site("solar_park"), sums("2025-03", { productionKwh: "10000.25", electricityKwh: "12.5" }), factors);
    expect(text(m.avoidedCo2Kg!)).toBe("6340.1585");
    // Its own consumption is still counted, never netted: 12.5 × 0.634 = 7.925.
    expect(text(m.co2Kg!)).toBe("7.925");
    expect(text(m.renewableShare!)).toBe("1");
  });

  it("a thermal plant's production is not renewable: no avoided CO₂, share 0", () => {
    const m = computeSiteMonth(site("thermal_plant"), sums("2025-03", { productionKwh: "3000" }), factors);
    expect(text(m.renewableProductionKwh)).toBe("0");
    expect(text(m.avoidedCo2Kg!)).toBe("0");
    expect(text(m.renewableShare!)).toBe("0");
  });

  it("the set's share is Σ renewable ÷ Σ production (10 000.25 ÷ 13 000.25 = 0.769235), not the mean of the sites' shares", () => {
    const rows = [
      computeSiteMonth(site("solar_park"), sums("2025-03", { productionKwh: "10000.25" }), factors),
      computeSiteMonth(site("thermal_plant"), sums("2025-03", { productionKwh: "3000" }), factors),
    ];
    const total = aggregate(rows);
    expect(total.renewableShare).toBe(0.769235);
    expect(total.avoidedCo2Kg).toBe(6340.1585);
  });

  it("Morocco uses its own grid factor: 1 234.5 × 0.578 = 713.541 kg", () => {
    const m = computeSiteMonth(site("substation", "MA"), sums("2025-01", { electricityKwh: "1234.5" }), factors);
    expect(text(m.co2Kg!)).toBe("713.541");
  });

  it("a country without a factor gives an unknown CO₂ (null), never zero", () => {
    const m = computeSiteMonth(site("substation", "EG"), sums("2025-01", { electricityKwh: "10" }), factors);
    expect(m.co2Kg).toBeNull();
    expect(m.factor).toBeNull();
  });
});

describe("which factor a month uses", () => {
  const grid = (year: number, slug = "ember", zone = "DZ"): FactorCandidate => ({
    ...factors[0]!,
    id: `${zone}-${year}-${slug}`,
    key: `electricity:${zone}:kWh:${year}:${slug}`,
    zone,
    year,
    value: `0.${year}`,
  });
  const set = [grid(2021), grid(2023), grid(2025), grid(2024, "electricity-maps")];

  it("the latest year ≤ the month's year, of the reference source only", () => {
    expect(pickFactor(set, "electricity", "DZ", "kWh", 2024)?.id).toBe("DZ-2023-ember");
    expect(pickFactor(set, "electricity", "DZ", "kWh", 2025)?.id).toBe("DZ-2025-ember");
    expect(pickFactor(set, "electricity", "DZ", "kWh", 2030)?.id).toBe("DZ-2025-ember");
  });

  it("the earliest when every factor is newer than the month", () => {
    expect(pickFactor(set, "electricity", "DZ", "kWh", 2019)?.id).toBe("DZ-2021-ember");
  });

  it("fuels fall back to the any-country factor", () => {
    expect(pickFactor(factors, "natural_gas", "DZ", "kWh", 2025)?.value).toBe("0.202");
  });
});

describe("year-to-date compliance", () => {
  const solar = site("solar_park");
  const months = ["2025-01", "2025-02", "2025-03"].map((month) =>
    computeSiteMonth(solar, sums(month, { electricityKwh: "1000", productionKwh: "5000" }), factors),
  );
  const ytd = yearToDate(months);
  const target = (max: string | null, min: string | null): Target => ({
    id: "t",
    siteId: solar.id,
    year: 2025,
    maxCo2Kg: max,
    minRenewableShare: min,
  });

  it("sums CO₂ from January: 3 × 1 000 × 0.634 = 1 902 kg by March", () => {
    expect(compliance("2025-03", ytd.get("2025-03")!, null)).toMatchObject({ co2Kg: 1902, renewableShare: 1, status: "no_target" });
  });

  it("met while CO₂ ≤ the yearly maximum and the share ≥ the minimum, missed once the budget is spent", () => {
    expect(compliance("2025-02", ytd.get("2025-02")!, target("1900", "0.9")).status).toBe("met");
    const march = compliance("2025-03", ytd.get("2025-03")!, target("1900", "0.9"));
    expect(march).toMatchObject({ co2Status: "missed", shareStatus: "met", status: "missed" });
  });
});

describe("exact decimals", () => {
  it("multiplies and divides without binary rounding", () => {
    expect(text(mul(dec("0.1"), dec("0.2")))).toBe("0.02");
    expect(text(div(dec("2"), dec("3"), 6)!)).toBe("0.666667");
    expect(text(mul(dec("-1.50"), dec("2")))).toBe("-3");
  });
});

describe("the period", () => {
  const now = new Date("2026-11-20T12:00:00Z");
  it("defaults to the twelve months ending with the current month; `from` alone runs to now, 60 months at most", () => {
    expect(resolveRange({}, now)).toEqual({ from: "2025-12", to: "2026-11" });
    expect(resolveRange({ to: "2025-03" }, now)).toEqual({ from: "2024-04", to: "2025-03" });
    expect(resolveRange({ from: "2026-01" }, now)).toEqual({ from: "2026-01", to: "2026-11" });
    expect(resolveRange({ from: "2015-01" }, now)).toEqual({ from: "2015-01", to: "2019-12" });
    expect(resolveRange({ from: "2027-03" }, now)).toEqual({ from: "2027-03", to: "2027-03" });
  });
});
