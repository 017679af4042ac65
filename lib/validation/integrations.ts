import { z } from "zod";
import { partnerScopes, type PartnerScope } from "@/lib/permissions";

const scopeIds = Object.keys(partnerScopes) as [PartnerScope, ...PartnerScope[]];

/** A partner credential (API key or OAuth client): who it is for, what it may do, how fast. */
export const partnerCredentialSchema = z.strictObject({
  name: z.string().trim().min(2, "nameTooShort").max(120, "nameTooLong"),
  scopes: z.array(z.enum(scopeIds, "scopeInvalid")).min(1, "scopesRequired").max(scopeIds.length),
  expiresOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "dateInvalid")
    .refine((d) => new Date(`${d}T23:59:59Z`).getTime() > Date.now(), "expiryPast")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  rateLimit: z.coerce
    .number("rateLimitInvalid")
    .int("rateLimitInvalid")
    .min(1, "rateLimitInvalid")
    .max(100_000, "rateLimitInvalid")
    .optional()
    .or(z.literal("").transform(() => undefined)),
});
export type PartnerCredentialInput = z.input<typeof partnerCredentialSchema>;
