import { z } from "zod";
import { locales } from "@/i18n/config";
import { newPassword } from "@/lib/validation/users";

/**
 * Clients, their delivery points and their accounts: one zod schema per input, shared by the
 * forms, the server actions and /api/clients. Error messages are keys of the `validation` namespace.
 */
export const clientKinds = ["person", "company"] as const;
export type ClientKind = (typeof clientKinds)[number];

/** Statuses an admin sets; `anonymised` is reached only through a processed data request. */
export const clientStatuses = ["active", "suspended", "closed"] as const;
export const clientListStatuses = [...clientStatuses, "anonymised"] as const;
export type ClientStatus = (typeof clientListStatuses)[number];

/** Countries billed (one currency each: DZD, MAD, EUR). */
export const billingCountries = ["DZ", "MA", "FR"] as const;
export type BillingCountry = (typeof billingCountries)[number];

/** An empty string (a blank form field) is stored as null. */
const optionalText = (max: number, key: string, pattern?: RegExp) =>
  z
    .string("invalid")
    .trim()
    .max(max, key)
    .refine((v) => v === "" || !pattern || pattern.test(v), key)
    .transform((v) => (v === "" ? null : v.normalize("NFC")))
    .nullable()
    .optional();

export const optionalEmail = z
  .string("emailInvalid")
  .trim()
  .toLowerCase()
  .max(254, "emailInvalid")
  .refine((v) => v === "" || z.email().safeParse(v).success, "emailInvalid")
  .transform((v) => (v === "" ? null : v))
  .nullable()
  .optional();

export const requiredEmail = z.string("required").trim().toLowerCase().max(254, "emailInvalid").pipe(z.email("emailInvalid"));

const name = z.string("required").trim().min(2, "nameTooShort").max(120, "nameTooLong");

const clientFields = {
  kind: z.enum(clientKinds, "clientKindInvalid"),
  name,
  email: optionalEmail,
  phone: optionalText(40, "phoneInvalid", /^\+?[0-9 ().-]{4,40}$/),
  addressLine: optionalText(300, "addressTooLong"),
  city: optionalText(120, "cityTooLong"),
  postalCode: optionalText(20, "postalCodeInvalid", /^[A-Za-z0-9 -]{2,20}$/),
  country: z.enum(billingCountries, "countryInvalid"),
  locale: z.enum(locales, "localeInvalid"),
  taxNumber: optionalText(40, "taxNumberInvalid", /^[A-Za-z0-9 ./-]{3,40}$/),
  status: z.enum(clientStatuses, "clientStatusInvalid"),
};

/** A new client; its code (CLI-000001) is assigned by the server. */
export const createClientSchema = z.strictObject({
  ...clientFields,
  country: clientFields.country.default("DZ"),
  locale: clientFields.locale.default("fr"),
  status: clientFields.status.default("active"),
});
export type CreateClientInput = z.input<typeof createClientSchema>;
export type CreateClient = z.output<typeof createClientSchema>;

/** A partial edit (PATCH), status changes included. */
export const updateClientSchema = z
  .strictObject({
    kind: clientFields.kind.optional(),
    name: name.optional(),
    email: clientFields.email,
    phone: clientFields.phone,
    addressLine: clientFields.addressLine,
    city: clientFields.city,
    postalCode: clientFields.postalCode,
    country: clientFields.country.optional(),
    locale: clientFields.locale.optional(),
    taxNumber: clientFields.taxNumber,
    status: clientFields.status.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, "nothingToChange");
export type UpdateClientInput = z.input<typeof updateClientSchema>;
export type UpdateClient = z.output<typeof updateClientSchema>;

const blank = z.literal("").transform(() => undefined);
export const clientFilterKeys = ["q", "status", "kind", "country"] as const;
export const listClientsQuery = z.strictObject({
  /** Searches name, code, e-mail and tax number (case-insensitive). */
  q: z.string().trim().max(120, "invalid").optional(),
  status: z.enum(clientListStatuses, "invalid").or(blank).optional(),
  kind: z.enum(clientKinds, "invalid").or(blank).optional(),
  country: z.enum(billingCountries, "invalid").or(blank).optional(),
  cursor: z.string().max(400, "invalid").optional(),
  limit: z.coerce.number("invalid").int("invalid").min(1, "invalid").max(500, "invalid").default(50),
});
export type ListClientsQuery = z.output<typeof listClientsQuery>;

/** Delivery point codes (PDL/PRM): letters and digits in groups, 3 to 40 characters, stored upper-case. */
export const deliveryPointCodePattern = /^[A-Z0-9]+(?:[-_.][A-Z0-9]+)*$/;
const deliveryPointCode = z
  .string("required")
  .trim()
  .toUpperCase()
  .min(3, "deliveryPointCodeInvalid")
  .max(40, "deliveryPointCodeInvalid")
  .regex(deliveryPointCodePattern, "deliveryPointCodeInvalid");
const optionalSite = z
  .union([z.uuid("siteUnknown"), z.literal("").transform(() => null)])
  .nullable()
  .optional();

export const createDeliveryPointSchema = z.strictObject({
  clientId: z.uuid("clientUnknown"),
  code: deliveryPointCode,
  siteId: optionalSite,
  addressLine: clientFields.addressLine,
  city: clientFields.city,
});
export type CreateDeliveryPointInput = z.input<typeof createDeliveryPointSchema>;
export type CreateDeliveryPoint = z.output<typeof createDeliveryPointSchema>;

export const updateDeliveryPointSchema = z
  .strictObject({
    code: deliveryPointCode.optional(),
    siteId: optionalSite,
    addressLine: clientFields.addressLine,
    city: clientFields.city,
    active: z.boolean("invalid").optional(),
  })
  .refine((v) => Object.keys(v).length > 0, "nothingToChange");
export type UpdateDeliveryPoint = z.output<typeof updateDeliveryPointSchema>;

/** A meter named by its code (any case) or its id. */
export const linkMeterSchema = z.strictObject({
  deliveryPointId: z.uuid("invalid"),
  meter: z.string("meterRefRequired").trim().min(1, "meterRefRequired").max(64, "meterRefRequired"),
});
export type LinkMeterInput = z.input<typeof linkMeterSchema>;

export const unlinkMeterSchema = z.strictObject({ deliveryPointId: z.uuid("invalid"), meterId: z.uuid("invalid") });

/** An admin opens a client-role account for the client with a first password. */
export const createClientAccountSchema = z
  .strictObject({
    clientId: z.uuid("clientUnknown"),
    name,
    email: requiredEmail,
    password: newPassword,
    confirm: z.string("required"),
  })
  .refine((v) => v.password === v.confirm, { message: "passwordMismatch", path: ["confirm"] });
export type CreateClientAccountInput = z.input<typeof createClientAccountSchema>;

/** An invitation e-mail: the recipient chooses their own name and password. */
export const inviteClientSchema = z.strictObject({ clientId: z.uuid("clientUnknown"), email: requiredEmail });
export type InviteClientInput = z.input<typeof inviteClientSchema>;

/** Invitation tokens: 43 base64url characters (32 random bytes). */
export const invitationTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/);

export const acceptInvitationSchema = z
  .strictObject({
    token: invitationTokenSchema,
    name,
    password: newPassword,
    confirm: z.string("required"),
  })
  .refine((v) => v.password === v.confirm, { message: "passwordMismatch", path: ["confirm"] });
export type AcceptInvitationInput = z.input<typeof acceptInvitationSchema>;
