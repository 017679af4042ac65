/**
 * The contract between the tariff engine (lib/billing/engine*.ts, pure, no I/O) and the billing
 * run (server/energy/billing/*, which reads usage from the database and stores invoices).
 *
 * Units, everywhere:
 * - money: integer minor units (`*Minor`: 1,707.10 DA = 170710), never floats;
 * - unit prices: integer micro-units of the major currency (`*Micro`: 1.7787 DA/kWh = 1778700);
 * - quantities: integer thousandths of the unit (`*Milli`: 450 kWh = 450000);
 * - rates: basis points (`*Bp`: 19 % = 1900);
 * - dates: "YYYY-MM-DD" strings, periods half-open [from, to).
 * line amount = round_half_up(quantityMilli × unitPriceMicro / 10^7)   (10^3 × 10^6 / 10^2)
 */

export type Currency = "DZD" | "MAD" | "EUR";

/** Free text written by the tariff's author, with optional translations. */
export type TariffLabel = { label: string; labels?: Partial<Record<"fr" | "kab" | "zgh" | "ar" | "en", string>> };

/** One time-of-use rule: on these ISO weekdays (1 = Monday … 7 = Sunday), from → to (local "HH:MM", may wrap past midnight), in these months (1–12, all when absent). */
export type TouRule = { period: string; days: number[]; from: string; to: string; months?: number[] };

export type TierBand = { upToKwh: number | null /* null = no upper bound */; priceMicro: number; vatBp: number };

export type EnergyPricing =
  | { kind: "flat"; priceMicro: number; vatBp: number }
  | {
      kind: "tou";
      /** The named periods and their prices, e.g. HP and HC; `defaultPeriod` applies where no rule matches. */
      periods: (TariffLabel & { code: string; priceMicro: number; vatBp: number })[];
      rules: TouRule[];
      defaultPeriod: string;
    }
  | {
      kind: "tiers";
      /**
       * graduated: each band at its own price; volume ("sélective"): the whole quantity at the price
       * of the band reached; mixed (ONEE): graduated while the total stays ≤ `volumeAboveKwh`, volume above.
       */
      mode: "graduated" | "volume" | "mixed";
      volumeAboveKwh?: number;
      /** Band limits are per this period (Sonelgaz: quarter); other billing periods prorate them by days. */
      per: "month" | "quarter";
      bands: TierBand[];
    };

export type TariffDefinition = {
  currency: Currency;
  /** Prices entered tax included (e.g. Tarif Bleu TTC grid): line amounts are TTC and the HT part is derived per VAT rate. */
  pricesIncludeTax: boolean;
  /** Fixed subscription, prorated by days of the billed period over days of the reference period (calendar month or quarter). */
  subscription?: { amountMinor: number; per: "month" | "quarter"; vatBp: number };
  energy: EnergyPricing;
  /** Per-kWh levies and taxes billed as their own line (accise, TURPE-like, …). */
  levies?: (TariffLabel & { code: string; perKwhMicro: number; vatBp: number })[];
  /** Other fees: per invoice or per month (prorated like the subscription). */
  fees?: (TariffLabel & { code: string; amountMinor: number; per: "invoice" | "month"; vatBp: number })[];
};

/** The part of a billed period priced with one tariff version. */
export type UsageSegment = {
  versionId: string;
  definition: TariffDefinition;
  from: string;
  to: string;
  /** Energy of the segment, measured + estimated. */
  energyMilli: number;
  /** Of which estimated (missing readings filled in). */
  estimatedMilli: number;
  /** For a time-of-use tariff: energy per period code (sums to energyMilli). */
  touMilli?: Record<string, number>;
};

export type EngineLine = {
  kind: "subscription" | "energy" | "levy" | "fee" | "regularisation" | "adjustment";
  /** A message key under `billing.line.*` (e.g. "billing.line.tier") and its ICU params. */
  labelKey: string;
  labelParams: Record<string, string | number>;
  periodStart: string;
  periodEnd: string;
  quantityMilli: number;
  unit: "kWh" | "day" | "month" | "unit";
  unitPriceMicro: number;
  /** Before tax (when the tariff is tax-included, this is already the derived HT amount share, see taxes). */
  amountMinor: number;
  vatBp: number;
  estimated: boolean;
  versionId: string;
  touPeriod?: string;
  tier?: number;
};

export type TaxSummary = { vatBp: number; baseMinor: number; taxMinor: number };

export type InvoiceComputation = {
  currency: Currency;
  lines: EngineLine[];
  /** VAT per rate: base = Σ line amounts at that rate, tax = round_half_up(base × rate) once per rate. */
  taxes: TaxSummary[];
  subtotalMinor: number;
  taxMinor: number;
  totalMinor: number;
};

export type InvoiceInput = {
  periodStart: string;
  periodEnd: string;
  segments: UsageSegment[];
  /** Extra lines the run computed (regularisations of estimates, adjustments for late corrections). */
  extraLines?: EngineLine[];
  /**
   * Whether `extraLines` amounts include VAT (converted like a TTC tariff's lines). Default: true
   * when every segment's tariff has `pricesIncludeTax`, else false. (Optional, added by the engine.)
   */
  extraLinesIncludeTax?: boolean;
  /** The invoice currency when there are no segments (an adjustment-only invoice). (Optional, added by the engine.) */
  currency?: Currency;
};
