import { z } from "zod";
import type { TariffDefinition } from "./types";
import { isDateString } from "./periods";

/**
 * zod schema of a tariff definition (lib/billing/types.ts), shared by the tariff forms, the API
 * and the seed. Messages are keys of the `validation` namespace; issues keep their path
 * (e.g. `energy.bands.2.upToKwh`) so a form or a problem+json can point at the faulty field.
 */

export const tariffCurrencies = ["DZD", "MAD", "EUR"] as const;
const labelLocales = ["fr", "kab", "zgh", "ar", "en"] as const;

/** Basis points, 0–10 000 (0 %–100 %). */
const vatBp = z.number("tariffVatInvalid").int("tariffVatInvalid").min(0, "tariffVatInvalid").max(10_000, "tariffVatInvalid");
/** Integer micro-units, ≥ 0, at most 1 000 000 per kWh. */
const priceMicro = z
  .number("tariffPriceInvalid")
  .int("tariffPriceInvalid")
  .min(0, "tariffPriceInvalid")
  .max(1_000_000_000_000, "tariffPriceInvalid");
/** Integer minor units, ≥ 0. */
const amountMinor = z
  .number("tariffAmountInvalid")
  .int("tariffAmountInvalid")
  .min(0, "tariffAmountInvalid")
  .max(100_000_000_000, "tariffAmountInvalid");
/** kWh, > 0, at most 3 decimals (Wh). */
const kwhLimit = z
  .number("tariffBandLimitInvalid")
  .positive("tariffBandLimitInvalid")
  .max(1_000_000_000, "tariffBandLimitInvalid")
  .refine((v) => Number.isInteger(Math.round(v * 1000)) && Math.abs(Math.round(v * 1000) - v * 1000) < 1e-6, "tariffBandLimitInvalid");
const code = z
  .string("tariffItemCodeInvalid")
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,16}$/, "tariffItemCodeInvalid");
const labelText = z.string("tariffLabelRequired").trim().min(1, "tariffLabelRequired").max(80, "tariffLabelTooLong");
const labelFields = {
  label: labelText,
  labels: z
    .object(
      Object.fromEntries(labelLocales.map((l) => [l, z.string("tariffLabelTooLong").trim().max(80, "tariffLabelTooLong").optional()])) as {
        [K in (typeof labelLocales)[number]]: z.ZodOptional<z.ZodString>;
      },
    )
    .optional(),
};
const startTime = z.string("tariffTimeInvalid").regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, "tariffTimeInvalid");
/** An end time may also be "24:00" (end of the day). */
const endTime = z.string("tariffTimeInvalid").regex(/^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/, "tariffTimeInvalid");
const uniqueInts = (min: number, max: number, message: string) =>
  z
    .array(z.number(message).int(message).min(min, message).max(max, message), message)
    .min(1, message)
    .refine((a) => new Set(a).size === a.length, message);

const touRule = z.object({
  period: code,
  days: uniqueInts(1, 7, "tariffDaysInvalid"),
  from: startTime,
  to: endTime,
  months: uniqueInts(1, 12, "tariffMonthsInvalid").optional(),
});

const flat = z.object({ kind: z.literal("flat"), priceMicro, vatBp });

const tou = z
  .object({
    kind: z.literal("tou"),
    periods: z
      .array(z.object({ ...labelFields, code, priceMicro, vatBp }), "tariffPeriodsRequired")
      .min(1, "tariffPeriodsRequired")
      .max(10, "tariffPeriodsTooMany"),
    rules: z.array(touRule, "tariffRulesInvalid").max(50, "tariffRulesTooMany"),
    defaultPeriod: code,
  })
  .superRefine((v, ctx) => {
    const codes = new Set<string>();
    v.periods.forEach((p, i) => {
      if (codes.has(p.code)) ctx.addIssue({ code: "custom", message: "tariffPeriodCodeDuplicate", path: ["periods", i, "code"] });
      codes.add(p.code);
    });
    if (!codes.has(v.defaultPeriod)) ctx.addIssue({ code: "custom", message: "tariffDefaultPeriodUnknown", path: ["defaultPeriod"] });
    v.rules.forEach((r, i) => {
      if (!codes.has(r.period)) ctx.addIssue({ code: "custom", message: "tariffRulePeriodUnknown", path: ["rules", i, "period"] });
    });
  });

const band = z.object({ upToKwh: kwhLimit.nullable(), priceMicro, vatBp });

const tiers = z
  .object({
    kind: z.literal("tiers"),
    mode: z.enum(["graduated", "volume", "mixed"], "tariffTierModeInvalid"),
    volumeAboveKwh: kwhLimit.optional(),
    per: z.enum(["month", "quarter"], "tariffPerInvalid"),
    bands: z.array(band, "tariffBandsRequired").min(1, "tariffBandsRequired").max(20, "tariffBandsTooMany"),
  })
  .superRefine((v, ctx) => {
    let previous = 0;
    v.bands.forEach((b, i) => {
      const last = i === v.bands.length - 1;
      if (b.upToKwh === null) {
        if (!last) ctx.addIssue({ code: "custom", message: "tariffBandOpenNotLast", path: ["bands", i, "upToKwh"] });
        return;
      }
      if (last) ctx.addIssue({ code: "custom", message: "tariffBandLastMustBeOpen", path: ["bands", i, "upToKwh"] });
      if (b.upToKwh <= previous) ctx.addIssue({ code: "custom", message: "tariffBandsOrder", path: ["bands", i, "upToKwh"] });
      previous = b.upToKwh;
    });
    if (v.mode === "mixed" && v.volumeAboveKwh === undefined) {
      ctx.addIssue({ code: "custom", message: "tariffVolumeAboveRequired", path: ["volumeAboveKwh"] });
    }
    if (v.mode !== "mixed" && v.volumeAboveKwh !== undefined) {
      ctx.addIssue({ code: "custom", message: "tariffVolumeAboveMixedOnly", path: ["volumeAboveKwh"] });
    }
  });

const energy = z.discriminatedUnion("kind", [flat, tou, tiers], "tariffEnergyKindInvalid");

const levy = z.object({ ...labelFields, code, perKwhMicro: priceMicro, vatBp });
const fee = z.object({ ...labelFields, code, amountMinor, per: z.enum(["invoice", "month"], "tariffPerInvalid"), vatBp });

function uniqueCodes(items: { code: string }[], path: string, ctx: z.RefinementCtx) {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.code)) ctx.addIssue({ code: "custom", message: "tariffItemCodeDuplicate", path: [path, i, "code"] });
    seen.add(item.code);
  });
}

export const tariffDefinitionSchema = z
  .object({
    currency: z.enum(tariffCurrencies, "tariffCurrencyInvalid"),
    pricesIncludeTax: z.boolean("tariffPricesIncludeTaxInvalid"),
    subscription: z.object({ amountMinor, per: z.enum(["month", "quarter"], "tariffPerInvalid"), vatBp }).optional(),
    energy,
    levies: z.array(levy, "tariffLeviesInvalid").max(20, "tariffLeviesInvalid").optional(),
    fees: z.array(fee, "tariffFeesInvalid").max(20, "tariffFeesInvalid").optional(),
  })
  .superRefine((v, ctx) => {
    uniqueCodes(v.levies ?? [], "levies", ctx);
    uniqueCodes(v.fees ?? [], "fees", ctx);
  });

// The schema's output is exactly a TariffDefinition (compile-time check).
type Assignable<A, B extends A> = B;
export type TariffDefinitionParsed = Assignable<TariffDefinition, z.output<typeof tariffDefinitionSchema>>;

/** Parses and returns a definition, or throws the ZodError. */
export function parseTariffDefinition(value: unknown): TariffDefinition {
  return tariffDefinitionSchema.parse(value);
}

const isoDate = z
  .string("dateInvalid")
  .trim()
  .refine((v) => isDateString(v), "dateInvalid");

/** A new tariff version for forms and the API: valid from this date, its definition, an optional note. */
export const tariffVersionInputSchema = z.object({
  validFrom: isoDate,
  definition: tariffDefinitionSchema,
  note: z.string("invalid").trim().max(500, "noteTooLong").optional(),
});
export type TariffVersionSchemaInput = z.input<typeof tariffVersionInputSchema>;
