import { z } from "zod";
import { tariffCurrencies, tariffVersionInputSchema } from "@/lib/billing/tariff-schema";
import { billingCountries } from "./clients";
import { isoDate } from "./contracts";

/** Tariffs and their versions. Messages are `validation` keys; a definition's issues keep their path (e.g. `definition.energy.priceMicro`). */
export { tariffCurrencies };
export type TariffCurrency = (typeof tariffCurrencies)[number];

/** The currency of each billed country: a tariff's currency is the country's. */
export const countryCurrency = { DZ: "DZD", MA: "MAD", FR: "EUR" } as const satisfies Record<
  (typeof billingCountries)[number],
  TariffCurrency
>;

export const tariffCodePattern = /^[A-Z0-9]+(?:[-_.][A-Z0-9]+)*$/;
const code = z
  .string("required")
  .trim()
  .toUpperCase()
  .min(2, "tariffCodeInvalid")
  .max(40, "tariffCodeInvalid")
  .regex(tariffCodePattern, "tariffCodeInvalid");
const name = z.string("required").trim().min(2, "nameTooShort").max(120, "nameTooLong");
const optionalText = (max: number, key: string) =>
  z
    .string("invalid")
    .trim()
    .max(max, key)
    .transform((v) => (v === "" ? null : v.normalize("NFC")))
    .nullable()
    .optional();
const optionalDate = z
  .union([isoDate, z.literal("").transform(() => null)])
  .nullable()
  .optional();

/** A new version of a tariff (validFrom, definition, note): the engine's schema, shared with the API and the seed. */
export { tariffVersionInputSchema };
export type TariffVersionInput = z.input<typeof tariffVersionInputSchema>;
export type TariffVersionData = z.output<typeof tariffVersionInputSchema>;

const currencyFits = (v: { currency: string; definition: { currency: string } }) => v.currency === v.definition.currency;

/** A tariff with its first version. */
export const createTariffSchema = z
  .strictObject({
    code,
    name,
    country: z.enum(billingCountries, "countryInvalid"),
    currency: z.enum(tariffCurrencies, "currencyInvalid"),
    description: optionalText(500, "descriptionTooLong"),
    source: optionalText(400, "sourceTooLong"),
    sourceDate: optionalDate,
    ...tariffVersionInputSchema.shape,
  })
  .refine(currencyFits, { message: "currencyMismatch", path: ["definition", "currency"] });
export type CreateTariffInput = z.input<typeof createTariffSchema>;
export type CreateTariff = z.output<typeof createTariffSchema>;

/** Name, description, source; `active: false` archives (a tariff is never deleted). */
export const updateTariffSchema = z
  .strictObject({
    name: name.optional(),
    description: optionalText(500, "descriptionTooLong"),
    source: optionalText(400, "sourceTooLong"),
    sourceDate: optionalDate,
    active: z.boolean("invalid").optional(),
  })
  .refine((v) => Object.keys(v).length > 0, "nothingToChange");
export type UpdateTariff = z.output<typeof updateTariffSchema>;

const blank = z.literal("").transform(() => undefined);
export const tariffFilterKeys = ["q", "country", "active"] as const;
export const listTariffsQuery = z.strictObject({
  q: z.string().trim().max(120, "invalid").optional(),
  country: z.enum(billingCountries, "invalid").or(blank).optional(),
  /** `true` (default on the page): in use; `false`: archived. */
  active: z.enum(["true", "false"], "invalid").or(blank).optional(),
});
export type ListTariffsQuery = z.output<typeof listTariffsQuery>;
