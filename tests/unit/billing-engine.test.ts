import { describe, expect, it } from "vitest";
import { computeInvoice, priceEnergy, touPeriodOf, touRuleTable, type TouPricing } from "@/lib/billing/engine";
import { formatMoney, formatQuantity, lineAmountMinor, parseMoneyInput, roundHalfUp, taxMinor } from "@/lib/billing/money";
import {
  addMonths,
  daysBetween,
  isoWeekday,
  nextPeriod,
  periodFor,
  previousPeriod,
  referenceFraction,
  splitByMonth,
} from "@/lib/billing/periods";
import { tariffDefinitionSchema, tariffVersionInputSchema } from "@/lib/billing/tariff-schema";
import type { EngineLine, InvoiceComputation, TariffDefinition, UsageSegment } from "@/lib/billing/types";
import { tariffPresets } from "@/db/seed/billing/tariff-presets";

function preset(code: string): TariffDefinition {
  const found = tariffPresets.find((p) => p.code === code);
  if (!found) throw new Error(`no preset ${code}`);
  return found.definition;
}

function segment(
  definition: TariffDefinition,
  from: string,
  to: string,
  energyKwh: number,
  extra: Partial<UsageSegment> = {},
): UsageSegment {
  return { versionId: "v1", definition, from, to, energyMilli: Math.round(energyKwh * 1000), estimatedMilli: 0, ...extra };
}

/** Every computation must satisfy the invoice invariants. */
function checked(result: InvoiceComputation): InvoiceComputation {
  expect(result.subtotalMinor).toBe(result.lines.reduce((s, l) => s + l.amountMinor, 0));
  expect(result.taxMinor).toBe(result.taxes.reduce((s, t) => s + t.taxMinor, 0));
  expect(result.totalMinor).toBe(result.subtotalMinor + result.taxMinor);
  for (const t of result.taxes) {
    expect(t.baseMinor).toBe(result.lines.filter((l) => l.vatBp === t.vatBp).reduce((s, l) => s + l.amountMinor, 0));
  }
  return result;
}

const sonelgaz2016: TariffDefinition = {
  currency: "DZD",
  pricesIncludeTax: false,
  energy: {
    kind: "tiers",
    mode: "graduated",
    per: "quarter",
    bands: [
      { upToKwh: 125, priceMicro: 1_778_700, vatBp: 700 },
      { upToKwh: 250, priceMicro: 4_178_900, vatBp: 700 },
      { upToKwh: 1000, priceMicro: 4_812_000, vatBp: 1700 },
      { upToKwh: null, priceMicro: 5_479_600, vatBp: 1700 },
    ],
  },
};
const q1 = { periodStart: "2026-01-01", periodEnd: "2026-04-01" };

describe("Sonelgaz: quarterly graduated tiers, VAT per tier", () => {
  it("450 kWh in a quarter: 1,707.10 DA HT and 215.74 DA VAT at the 2016 rates", () => {
    const r = checked(computeInvoice({ ...q1, segments: [segment(sonelgaz2016, "2026-01-01", "2026-04-01", 450)] }));
    expect(r.currency).toBe("DZD");
    expect(r.lines.map((l) => l.amountMinor)).toEqual([22234, 52236, 96240]);
    expect(r.lines.map((l) => l.quantityMilli)).toEqual([125000, 125000, 200000]);
    expect(r.lines.map((l) => l.tier)).toEqual([1, 2, 3]);
    expect(r.lines[0]).toMatchObject({
      labelKey: "billing.line.tier",
      labelParams: { n: 1, from: 0, to: 125 },
      unit: "kWh",
      estimated: false,
    });
    expect(r.lines[2]?.labelParams).toEqual({ n: 3, from: 250, to: 1000 });
    expect(r.subtotalMinor).toBe(170710);
    expect(r.taxes).toEqual([
      { vatBp: 700, baseMinor: 74470, taxMinor: 5213 },
      { vatBp: 1700, baseMinor: 96240, taxMinor: 16361 },
    ]);
    expect(r.taxMinor).toBe(21574);
    expect(r.totalMinor).toBe(192284);
  });

  it("reproduces the published check: the new T3 price cost +126 DA of energy and +105 DA of VAT at 450 kWh", () => {
    const before: TariffDefinition = {
      ...sonelgaz2016,
      energy: {
        kind: "tiers",
        mode: "graduated",
        per: "quarter",
        bands: [
          { upToKwh: 125, priceMicro: 1_778_700, vatBp: 700 },
          { upToKwh: null, priceMicro: 4_178_900, vatBp: 700 },
        ],
      },
    };
    const old = computeInvoice({ ...q1, segments: [segment(before, "2026-01-01", "2026-04-01", 450)] });
    const now = computeInvoice({ ...q1, segments: [segment(sonelgaz2016, "2026-01-01", "2026-04-01", 450)] });
    expect(Math.floor((now.subtotalMinor - old.subtotalMinor) / 100)).toBe(126);
    expect(Math.floor((now.taxMinor - old.taxMinor) / 100)).toBe(105);
  });

  it("with the preset's rates (9 % on T1–T2, 19 % on T3–T4)", () => {
    const r = checked(computeInvoice({ ...q1, segments: [segment(preset("SONELGAZ-BT-RES"), "2026-01-01", "2026-04-01", 450)] }));
    expect(r.subtotalMinor).toBe(170710);
    expect(r.taxes).toEqual([
      { vatBp: 900, baseMinor: 74470, taxMinor: 6702 },
      { vatBp: 1900, baseMinor: 96240, taxMinor: 18286 },
    ]);
    expect(r.totalMinor).toBe(170710 + 6702 + 18286);
  });

  it("bills the open band above 1,000 kWh with its own label", () => {
    const r = checked(computeInvoice({ ...q1, segments: [segment(sonelgaz2016, "2026-01-01", "2026-04-01", 1200)] }));
    expect(r.lines.map((l) => l.quantityMilli)).toEqual([125000, 125000, 750000, 200000]);
    expect(r.lines[3]).toMatchObject({ labelKey: "billing.line.tierOpen", labelParams: { n: 4, from: 1000 }, amountMinor: 109592 });
  });
});

describe("EDF Tarif Bleu: prices tax included", () => {
  const jan = { periodStart: "2026-01-01", periodEnd: "2026-02-01" };

  it("Base 6 kVA, 300 kWh for a whole month = 63.56 € TTC", () => {
    const r = checked(computeInvoice({ ...jan, segments: [segment(preset("EDF-TB-BASE-6KVA"), "2026-01-01", "2026-02-01", 300)] }));
    expect(r.currency).toBe("EUR");
    expect(r.totalMinor).toBe(6356);
    expect(r.taxes).toEqual([{ vatBp: 2000, baseMinor: 5297, taxMinor: 1059 }]);
    expect(r.lines.map((l) => l.kind)).toEqual(["subscription", "energy"]);
    expect(r.lines[0]).toMatchObject({
      labelKey: "billing.line.subscription",
      labelParams: { days: 31 },
      quantityMilli: 31000,
      unit: "day",
    });
  });

  it("Heures creuses 6 kVA, 300 kWh of which 120 kWh off-peak = 62.62 € TTC", () => {
    const r = checked(
      computeInvoice({
        ...jan,
        segments: [segment(preset("EDF-TB-HC-6KVA"), "2026-01-01", "2026-02-01", 300, { touMilli: { HP: 180000, HC: 120000 } })],
      }),
    );
    expect(r.totalMinor).toBe(6262);
    const energy = r.lines.filter((l) => l.kind === "energy");
    expect(energy.map((l) => [l.touPeriod, l.quantityMilli, l.labelKey])).toEqual([
      ["HP", 180000, "billing.line.tou"],
      ["HC", 120000, "billing.line.tou"],
    ]);
    expect(energy[1]?.labelParams).toMatchObject({ period: "Heures creuses", period_ar: "ساعات خارج الذروة", code: "HC" });
  });

  it("energy not split by period goes to the default period", () => {
    const r = checked(
      computeInvoice({
        ...jan,
        segments: [segment(preset("EDF-TB-HC-6KVA"), "2026-01-01", "2026-02-01", 300, { touMilli: { HC: 120000 } })],
      }),
    );
    expect(r.totalMinor).toBe(6262);
    expect(() =>
      computeInvoice({ ...jan, segments: [segment(preset("EDF-TB-HC-6KVA"), "2026-01-01", "2026-02-01", 300, { touMilli: { XX: 1 } })] }),
    ).toThrow(/unknown time-of-use period/);
  });
});

describe("ONEE: graduated up to 150 kWh, selective above", () => {
  const feb = { periodStart: "2026-02-01", periodEnd: "2026-03-01" };
  const onee = preset("ONEE-BT-RES");

  it("130 kWh = 122.30 DH HT", () => {
    const r = checked(computeInvoice({ ...feb, segments: [segment(onee, "2026-02-01", "2026-03-01", 130)] }));
    expect(r.lines.map((l) => l.amountMinor)).toEqual([9010, 3220]);
    expect(r.subtotalMinor).toBe(12230);
    expect(r.taxes).toEqual([{ vatBp: 1800, baseMinor: 12230, taxMinor: 2201 }]);
  });

  it("150 kWh stays graduated; 151 and 180 kWh are billed whole at the band reached", () => {
    const at = (kwh: number) => checked(computeInvoice({ ...feb, segments: [segment(onee, "2026-02-01", "2026-03-01", kwh)] }));
    expect(at(150).lines.map((l) => l.amountMinor)).toEqual([9010, 5366]);
    const r180 = at(180);
    expect(r180.lines).toHaveLength(1);
    expect(r180.lines[0]).toMatchObject({
      quantityMilli: 180000,
      unitPriceMicro: 1_073_200,
      amountMinor: 19318,
      tier: 3,
      labelParams: { n: 3, from: 150, to: 200 },
    });
    expect(at(151).lines.map((l) => [l.quantityMilli, l.amountMinor])).toEqual([[151000, 16205]]);
    expect(at(250).lines.map((l) => [l.tier, l.amountMinor])).toEqual([[4, 29190]]);
    expect(at(600).lines.map((l) => [l.tier, l.labelKey, l.amountMinor])).toEqual([[6, "billing.line.tierOpen", 95748]]);
  });

  it("the 2026 version applies 20 % VAT", () => {
    const v2026 = tariffPresets.find((p) => p.code === "ONEE-BT-RES")?.laterVersions?.[0];
    expect(v2026?.validFrom).toBe("2026-01-01");
    const r = checked(computeInvoice({ ...feb, segments: [segment(v2026!.definition, "2026-02-01", "2026-03-01", 130)] }));
    expect(r.taxes).toEqual([{ vatBp: 2000, baseMinor: 12230, taxMinor: 2446 }]);
  });
});

describe("volume tiers", () => {
  const volume: TariffDefinition = {
    currency: "MAD",
    pricesIncludeTax: false,
    energy: {
      kind: "tiers",
      mode: "volume",
      per: "month",
      bands: [
        { upToKwh: 100, priceMicro: 1_000_000, vatBp: 1000 },
        { upToKwh: 200, priceMicro: 2_000_000, vatBp: 1000 },
        { upToKwh: null, priceMicro: 3_000_000, vatBp: 2000 },
      ],
    },
  };
  const apr = { periodStart: "2026-04-01", periodEnd: "2026-05-01" };
  const at = (kwh: number) => checked(computeInvoice({ ...apr, segments: [segment(volume, "2026-04-01", "2026-05-01", kwh)] }));

  it("bills the whole quantity at the price and VAT of the band reached (limits inclusive)", () => {
    expect(at(100).lines.map((l) => [l.tier, l.amountMinor])).toEqual([[1, 10000]]);
    expect(at(100.5).lines.map((l) => [l.tier, l.amountMinor])).toEqual([[2, 20100]]);
    const r = at(250);
    expect(r.lines.map((l) => [l.tier, l.amountMinor, l.vatBp])).toEqual([[3, 75000, 2000]]);
    expect(r.taxes).toEqual([{ vatBp: 2000, baseMinor: 75000, taxMinor: 15000 }]);
  });
});

describe("proration", () => {
  const monthly = (subscriptionMinor: number, p1: number, p2: number): TariffDefinition => ({
    currency: "DZD",
    pricesIncludeTax: false,
    subscription: { amountMinor: subscriptionMinor, per: "month", vatBp: 900 },
    energy: {
      kind: "tiers",
      mode: "graduated",
      per: "month",
      bands: [
        { upToKwh: 100, priceMicro: p1, vatBp: 900 },
        { upToKwh: null, priceMicro: p2, vatBp: 1900 },
      ],
    },
  });

  it("a tariff change mid-month: subscription split by days, each segment's tiers prorated", () => {
    const a = monthly(3100, 1_000_000, 2_000_000);
    const b = monthly(3720, 1_500_000, 2_500_000);
    const r = checked(
      computeInvoice({
        periodStart: "2026-03-01",
        periodEnd: "2026-04-01",
        segments: [
          { ...segment(b, "2026-03-11", "2026-04-01", 100), versionId: "vB" },
          { ...segment(a, "2026-03-01", "2026-03-11", 50), versionId: "vA" },
        ],
      }),
    );
    const rows = r.lines.map((l) => [l.versionId, l.kind, l.periodStart, l.periodEnd, l.quantityMilli, l.amountMinor]);
    expect(rows).toEqual([
      ["vA", "subscription", "2026-03-01", "2026-03-11", 10000, 1000], // 31.00 × 10/31
      ["vA", "energy", "2026-03-01", "2026-03-11", 32258, 3226], // band 1 limit 100 × 10/31 = 32.258 kWh
      ["vA", "energy", "2026-03-01", "2026-03-11", 17742, 3548],
      ["vB", "subscription", "2026-03-11", "2026-04-01", 21000, 2520], // 37.20 × 21/31
      ["vB", "energy", "2026-03-11", "2026-04-01", 67742, 10161], // 100 × 21/31 = 67.742 kWh
      ["vB", "energy", "2026-03-11", "2026-04-01", 32258, 8065], // 80.645 → 80.65 (half up)
    ]);
    expect(r.lines[1]?.labelParams).toEqual({ n: 1, from: 0, to: 32.258 });
    expect(r.lines[2]?.labelParams).toEqual({ n: 2, from: 32.258 });
  });

  it("a whole month gives exactly the monthly subscription; February and leap years count their own days", () => {
    const def = monthly(1000, 1_000_000, 1_000_000);
    const sub = (from: string, to: string) =>
      computeInvoice({ periodStart: from, periodEnd: to, segments: [segment(def, from, to, 0)] }).lines.find(
        (l) => l.kind === "subscription",
      );
    expect(sub("2026-02-01", "2026-03-01")?.amountMinor).toBe(1000);
    expect(sub("2024-02-01", "2024-03-01")).toMatchObject({ amountMinor: 1000, quantityMilli: 29000 });
    expect(sub("2024-02-01", "2024-02-15")?.amountMinor).toBe(483); // 1000 × 14/29 = 482.76
    expect(sub("2026-01-01", "2026-03-01")?.amountMinor).toBe(2000); // bimonthly: two whole months
    expect(sub("2026-01-17", "2026-02-14")?.amountMinor).toBe(948); // 15/31 + 13/28 = 0.94816
  });

  it("a quarterly subscription and quarterly tiers billed monthly are prorated over the quarter's days", () => {
    const def: TariffDefinition = { ...sonelgaz2016, subscription: { amountMinor: 9000, per: "quarter", vatBp: 900 } };
    const r = checked(
      computeInvoice({ periodStart: "2026-01-01", periodEnd: "2026-02-01", segments: [segment(def, "2026-01-01", "2026-02-01", 100)] }),
    );
    expect(r.lines[0]).toMatchObject({ kind: "subscription", amountMinor: 3100 }); // 90.00 × 31/90
    expect(r.lines[1]).toMatchObject({ quantityMilli: 43056, labelParams: { n: 1, from: 0, to: 43.056 } }); // 125 × 31/90
  });
});

describe("several VAT rates, levies, fees, estimates, extra lines", () => {
  // France before 1 Aug 2025: 5.5 % on the subscription and the CTA, 20 % on energy and the accise; prices HT.
  const france2025: TariffDefinition = {
    currency: "EUR",
    pricesIncludeTax: false,
    subscription: { amountMinor: 1000, per: "month", vatBp: 550 },
    energy: { kind: "flat", priceMicro: 150_000, vatBp: 2000 },
    levies: [{ code: "ACCISE", label: "Accise sur l’électricité", labels: { en: "Excise duty" }, perKwhMicro: 33_700, vatBp: 2000 }],
    fees: [
      { code: "CTA", label: "CTA", amountMinor: 300, per: "month", vatBp: 550 },
      { code: "DOSSIER", label: "Frais de dossier", amountMinor: 500, per: "invoice", vatBp: 2000 },
    ],
  };
  const june = { periodStart: "2025-06-01", periodEnd: "2025-07-01" };

  it("summarises taxes in two groups, each rounded once", () => {
    const r = checked(computeInvoice({ ...june, segments: [segment(france2025, "2025-06-01", "2025-07-01", 250)] }));
    expect(r.lines.map((l) => [l.kind, l.labelKey, l.amountMinor, l.vatBp])).toEqual([
      ["subscription", "billing.line.subscription", 1000, 550],
      ["energy", "billing.line.energy", 3750, 2000],
      ["levy", "billing.line.levy", 843, 2000], // 8.425 → 8.43
      ["fee", "billing.line.fee", 300, 550],
      ["fee", "billing.line.fee", 500, 2000],
    ]);
    expect(r.lines[2]?.labelParams).toEqual({ label: "Accise sur l’électricité", label_en: "Excise duty", code: "ACCISE" });
    expect(r.lines[3]).toMatchObject({ unit: "month", quantityMilli: 1000 });
    expect(r.lines[4]).toMatchObject({ unit: "unit", quantityMilli: 1000, periodStart: "2025-06-01", periodEnd: "2025-07-01" });
    expect(r.taxes).toEqual([
      { vatBp: 550, baseMinor: 1300, taxMinor: 72 }, // 71.5 → 72
      { vatBp: 2000, baseMinor: 5093, taxMinor: 1019 }, // 1018.6 → 1019
    ]);
    expect(r.totalMinor).toBe(6393 + 1091);
  });

  it("flags the energy of a segment with estimated readings", () => {
    const r = computeInvoice({ ...june, segments: [segment(france2025, "2025-06-01", "2025-07-01", 250, { estimatedMilli: 40000 })] });
    expect(r.lines.filter((l) => l.estimated).map((l) => l.kind)).toEqual(["energy", "levy"]);
  });

  it("appends extra lines as given and taxes them", () => {
    const regularisation: EngineLine = {
      kind: "regularisation",
      labelKey: "billing.line.regularisation",
      labelParams: {},
      periodStart: "2025-05-01",
      periodEnd: "2025-06-01",
      quantityMilli: -20000,
      unit: "kWh",
      unitPriceMicro: 150_000,
      amountMinor: -300,
      vatBp: 2000,
      estimated: false,
      versionId: "v0",
    };
    const r = checked(
      computeInvoice({ ...june, segments: [segment(france2025, "2025-06-01", "2025-07-01", 250)], extraLines: [regularisation] }),
    );
    expect(r.lines.at(-1)).toEqual(regularisation);
    expect(r.taxes[1]).toEqual({ vatBp: 2000, baseMinor: 4793, taxMinor: 959 });
  });

  it("priceEnergy re-prices a past period's energy for a regularisation", () => {
    const old = { periodStart: "2026-01-01", periodEnd: "2026-04-01" };
    const billed = priceEnergy(
      sonelgaz2016,
      { from: old.periodStart, to: old.periodEnd, energyMilli: 400000, estimatedMilli: 400000 },
      old,
    );
    const actual = priceEnergy(
      sonelgaz2016,
      { from: old.periodStart, to: old.periodEnd, energyMilli: 450000, estimatedMilli: 0, versionId: "vS" },
      old,
    );
    expect(billed.every((l) => l.estimated)).toBe(true);
    expect(actual.every((l) => !l.estimated && l.versionId === "vS" && l.kind === "energy")).toBe(true);
    const sum = (ls: EngineLine[]) => ls.reduce((s, l) => s + l.amountMinor, 0);
    expect(sum(actual) - sum(billed)).toBe(24060); // 50 kWh more in T3: 50 × 4.8120
    expect(
      priceEnergy(france2025, { from: "2025-06-01", to: "2025-07-01", energyMilli: 1000, estimatedMilli: 0 }, june, {
        includeLevies: true,
      }).map((l) => l.kind),
    ).toEqual(["energy", "levy"]);
    expect(() => priceEnergy(sonelgaz2016, { from: "2025-12-01", to: "2026-02-01", energyMilli: 1, estimatedMilli: 0 }, old)).toThrow(
      /outside the period/,
    );
  });

  it("tax-included lines are converted to before-tax shares that add up to the derived base", () => {
    const ttc: TariffDefinition = {
      ...preset("EDF-TB-BASE-6KVA"),
      levies: [{ code: "L", label: "Taxe", perKwhMicro: 10_000, vatBp: 2000 }],
    };
    const r = checked(
      computeInvoice({ periodStart: "2026-01-01", periodEnd: "2026-02-01", segments: [segment(ttc, "2026-01-01", "2026-01-20", 123.457)] }),
    );
    const ttcTotal = Math.round((1136 * 19) / 31) + lineAmountMinor(123457, 174000) + lineAmountMinor(123457, 10000);
    expect(r.totalMinor).toBe(ttcTotal);
    expect(r.taxes[0]?.baseMinor).toBe(Number(roundHalfUp(BigInt(ttcTotal) * 10000n, 12000n)));
  });

  it("refuses segments in another currency or overlapping", () => {
    const seg = segment(france2025, "2025-06-01", "2025-06-20", 1);
    expect(() => computeInvoice({ ...june, segments: [seg, segment(sonelgaz2016, "2025-06-20", "2025-07-01", 1)] })).toThrow(/DZD/);
    expect(() => computeInvoice({ ...june, segments: [seg, segment(france2025, "2025-06-10", "2025-07-01", 1)] })).toThrow(/overlap/);
  });
});

describe("time-of-use calendar", () => {
  const hc = preset("EDF-TB-HC-6KVA").energy as TouPricing;

  it("classifies an instant, including the window wrapping past midnight", () => {
    expect(touPeriodOf(hc, { isoDow: 1, month: 1, minuteOfDay: 23 * 60 })).toBe("HC");
    expect(touPeriodOf(hc, { isoDow: 2, month: 1, minuteOfDay: 5 * 60 + 59 })).toBe("HC");
    expect(touPeriodOf(hc, { isoDow: 2, month: 1, minuteOfDay: 6 * 60 })).toBe("HP");
    expect(touPeriodOf(hc, { isoDow: 2, month: 1, minuteOfDay: 21 * 60 + 59 })).toBe("HP");
  });

  it("a weekday night window covers the early morning of the next day; months restrict rules", () => {
    const tou: TouPricing = {
      kind: "tou",
      periods: [
        { code: "P", label: "Pleines", priceMicro: 2, vatBp: 0 },
        { code: "N", label: "Nuit", priceMicro: 1, vatBp: 0 },
        { code: "W", label: "Hiver", priceMicro: 3, vatBp: 0 },
      ],
      rules: [
        { period: "W", days: [1, 2, 3, 4, 5], from: "17:00", to: "19:00", months: [12, 1, 2] },
        { period: "N", days: [5], from: "22:00", to: "06:00" },
      ],
      defaultPeriod: "P",
    };
    expect(touPeriodOf(tou, { isoDow: 6, month: 3, minuteOfDay: 120 })).toBe("N");
    expect(touPeriodOf(tou, { isoDow: 5, month: 3, minuteOfDay: 120 })).toBe("P");
    expect(touPeriodOf(tou, { isoDow: 3, month: 1, minuteOfDay: 18 * 60 })).toBe("W");
    expect(touPeriodOf(tou, { isoDow: 3, month: 7, minuteOfDay: 18 * 60 })).toBe("P");
    const rows = touRuleTable(tou);
    expect(rows.filter((r) => r.period === "N")).toEqual([
      { period: "N", isoDow: 5, fromMinute: 1320, toMinute: 1440, months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], priority: 1 },
      { period: "N", isoDow: 6, fromMinute: 0, toMinute: 360, months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], priority: 1 },
    ]);
    expect(rows[0]).toEqual({ period: "W", isoDow: 1, fromMinute: 1020, toMinute: 1140, months: [1, 2, 12], priority: 0 });
    expect(touRuleTable(hc)).toHaveLength(14);
  });
});

describe("money", () => {
  it("rounds half up (away from zero), once, with integers", () => {
    expect(roundHalfUp(5n, 10n)).toBe(1n);
    expect(roundHalfUp(15n, 10n)).toBe(2n);
    expect(roundHalfUp(25n, 10n)).toBe(3n);
    expect(roundHalfUp(4n, 10n)).toBe(0n);
    expect(roundHalfUp(-5n, 10n)).toBe(-1n);
    expect(roundHalfUp(-4n, 10n)).toBe(0n);
    expect(lineAmountMinor(125000, 1_778_700)).toBe(22234); // 222.3375
    expect(lineAmountMinor(5, 1_000_000)).toBe(1); // 0.005 → 0.01
    expect(lineAmountMinor(4, 1_000_000)).toBe(0);
    expect(lineAmountMinor(32258, 2_500_000)).toBe(8065); // 80.645
    expect(taxMinor(74470, 700)).toBe(5213); // 52.129
    expect(taxMinor(1300, 550)).toBe(72); // 71.5
    expect(taxMinor(-1300, 550)).toBe(-72);
    expect(lineAmountMinor(1_000_000_000, 999_999_999)).toBe(99_999_999_900); // no float drift
  });

  it("formats amounts per locale, Latin digits in Arabic", () => {
    const nb = (s: string) => s.replace(/[\u00a0\u202f]/g, " ").replace(/[\u200e\u200f]/g, "");
    expect(nb(formatMoney(170710, "DZD", "fr"))).toBe("1 707,10 DA");
    expect(nb(formatMoney(170710, "DZD", "kab"))).toBe("1 707,10 DA");
    expect(nb(formatMoney(6356, "EUR", "en"))).toBe("€63.56");
    expect(nb(formatMoney(12230, "MAD", "zgh"))).toBe("122,30 MAD");
    expect(nb(formatMoney(170710, "DZD", "ar"))).toMatch(/^1\.707,10 د\.ج\.$/);
    expect(nb(formatMoney(-5, "EUR", "fr"))).toBe("-0,05 €");
    expect(nb(formatQuantity(450500, "fr"))).toBe("450,5");
    expect(formatQuantity(32258, "en")).toBe("32.258");
  });

  it("parses typed amounts with a comma or a dot", () => {
    expect(parseMoneyInput("1 707,10")).toBe(170710);
    expect(parseMoneyInput("1707.1")).toBe(170710);
    expect(parseMoneyInput("1.707,10")).toBe(170710);
    expect(parseMoneyInput("1,707.10")).toBe(170710);
    expect(parseMoneyInput("63")).toBe(6300);
    expect(parseMoneyInput("-12,5")).toBe(-1250);
    expect(parseMoneyInput("1.707")).toBe(170700);
    expect(parseMoneyInput("0,005")).toBeNull();
    expect(parseMoneyInput("12,3,4")).toBeNull();
    expect(parseMoneyInput("abc")).toBeNull();
    expect(parseMoneyInput("")).toBeNull();
  });
});

describe("periods", () => {
  it("aligns cycles to calendar months from January", () => {
    expect(periodFor("quarterly", "2026-03-31")).toEqual({ start: "2026-01-01", end: "2026-04-01" });
    expect(periodFor("quarterly", "2026-04-01")).toEqual({ start: "2026-04-01", end: "2026-07-01" });
    expect(periodFor("quarterly", "2026-12-31")).toEqual({ start: "2026-10-01", end: "2027-01-01" });
    expect(periodFor("bimonthly", "2026-04-30")).toEqual({ start: "2026-03-01", end: "2026-05-01" });
    expect(periodFor("bimonthly", "2026-12-15")).toEqual({ start: "2026-11-01", end: "2027-01-01" });
    expect(periodFor("monthly", "2024-02-29")).toEqual({ start: "2024-02-01", end: "2024-03-01" });
    expect(nextPeriod("quarterly", { start: "2026-10-01", end: "2027-01-01" })).toEqual({ start: "2027-01-01", end: "2027-04-01" });
    expect(nextPeriod("bimonthly", "2026-02-10")).toEqual({ start: "2026-03-01", end: "2026-05-01" });
    expect(previousPeriod("quarterly", "2026-01-15")).toEqual({ start: "2025-10-01", end: "2026-01-01" });
  });

  it("counts days, leap years included", () => {
    expect(daysBetween("2024-02-01", "2024-03-01")).toBe(29);
    expect(daysBetween("2026-02-01", "2026-03-01")).toBe(28);
    expect(daysBetween("2024-01-01", "2025-01-01")).toBe(366);
    expect(daysBetween("2026-01-01", "2026-04-01")).toBe(90);
    expect(daysBetween("2024-01-01", "2024-04-01")).toBe(91);
    expect(daysBetween("2026-03-29", "2026-03-30")).toBe(1); // DST day in Europe: still one day
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonths("2026-11-15", 3)).toBe("2027-02-15");
    expect(addMonths("2026-01-15", -1)).toBe("2025-12-15");
    expect(isoWeekday("2026-03-01")).toBe(7);
  });

  it("splits by month and gives exact proration fractions", () => {
    expect(splitByMonth("2026-01-17", "2026-03-05").map((p) => [p.from, p.to, p.days, p.referenceDays])).toEqual([
      ["2026-01-17", "2026-02-01", 15, 31],
      ["2026-02-01", "2026-03-01", 28, 28],
      ["2026-03-01", "2026-03-05", 4, 31],
    ]);
    expect(referenceFraction("2026-01-01", "2026-04-01", "quarter")).toEqual({ num: 1n, den: 1n });
    expect(referenceFraction("2026-01-01", "2026-04-01", "month")).toEqual({ num: 3n, den: 1n });
    expect(referenceFraction("2026-01-01", "2026-02-01", "quarter")).toEqual({ num: 31n, den: 90n });
  });
});

describe("tariff schema", () => {
  it("accepts every preset and its later versions", () => {
    for (const p of tariffPresets) {
      expect(tariffDefinitionSchema.safeParse(p.definition).success, p.code).toBe(true);
      expect(p.definition.currency).toBe(p.currency);
      for (const v of p.laterVersions ?? []) expect(tariffDefinitionSchema.safeParse(v.definition).success, p.code).toBe(true);
    }
    expect(tariffVersionInputSchema.safeParse({ validFrom: "2026-01-01", definition: preset("ONEE-BT-RES") }).success).toBe(true);
    expect(tariffVersionInputSchema.safeParse({ validFrom: "2026-02-30", definition: preset("ONEE-BT-RES") }).success).toBe(false);
  });

  const issues = (value: unknown) => {
    const r = tariffDefinitionSchema.safeParse(value);
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  };
  const base = preset("SONELGAZ-BT-RES");
  const withBands = (bands: unknown[]) => ({ ...base, energy: { ...base.energy, bands } });

  it("rejects bad definitions with a useful path", () => {
    expect(
      issues(
        withBands([
          { upToKwh: 250, priceMicro: 1, vatBp: 0 },
          { upToKwh: 125, priceMicro: 1, vatBp: 0 },
          { upToKwh: null, priceMicro: 1, vatBp: 0 },
        ]),
      ),
    ).toEqual(["energy.bands.1.upToKwh: tariffBandsOrder"]);
    expect(
      issues(
        withBands([
          { upToKwh: null, priceMicro: 1, vatBp: 0 },
          { upToKwh: 125, priceMicro: 1, vatBp: 0 },
        ]),
      ),
    ).toEqual(["energy.bands.0.upToKwh: tariffBandOpenNotLast", "energy.bands.1.upToKwh: tariffBandLastMustBeOpen"]);
    expect(issues(withBands([{ upToKwh: null, priceMicro: -1, vatBp: 10001 }]))).toEqual([
      "energy.bands.0.priceMicro: tariffPriceInvalid",
      "energy.bands.0.vatBp: tariffVatInvalid",
    ]);
    expect(issues(withBands([{ upToKwh: null, priceMicro: 1.5, vatBp: 0 }]))).toEqual(["energy.bands.0.priceMicro: tariffPriceInvalid"]);
    expect(issues({ ...base, currency: "USD" })).toEqual(["currency: tariffCurrencyInvalid"]);
    expect(issues({ ...base, energy: { ...base.energy, mode: "mixed" } })).toEqual(["energy.volumeAboveKwh: tariffVolumeAboveRequired"]);
    expect(issues({ ...base, energy: { kind: "spot" } })).toEqual(["energy.kind: tariffEnergyKindInvalid"]);

    const hc = preset("EDF-TB-HC-6KVA");
    const tou = hc.energy as TouPricing;
    expect(issues({ ...hc, energy: { ...tou, defaultPeriod: "XX" } })).toEqual(["energy.defaultPeriod: tariffDefaultPeriodUnknown"]);
    expect(issues({ ...hc, energy: { ...tou, periods: [tou.periods[0], tou.periods[0]] } })).toEqual([
      "energy.periods.1.code: tariffPeriodCodeDuplicate",
      "energy.rules.0.period: tariffRulePeriodUnknown",
    ]);
    expect(issues({ ...hc, energy: { ...tou, rules: [{ period: "HC", days: [0, 8], from: "25:00", to: "6:00", months: [13] }] } })).toEqual(
      [
        "energy.rules.0.days.0: tariffDaysInvalid",
        "energy.rules.0.days.1: tariffDaysInvalid",
        "energy.rules.0.from: tariffTimeInvalid",
        "energy.rules.0.to: tariffTimeInvalid",
        "energy.rules.0.months.0: tariffMonthsInvalid",
      ],
    );
    expect(issues({ ...hc, subscription: { amountMinor: 11.36, per: "month", vatBp: 2000 } })).toEqual([
      "subscription.amountMinor: tariffAmountInvalid",
    ]);
  });
});
