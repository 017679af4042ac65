import { z } from "zod";
import { parseMoneyInput } from "@/lib/billing/money";
import { paymentMethods } from "@/lib/validation/invoices";

/**
 * Payments, the sandbox provider, the payment webhook and data requests: one zod schema per
 * input. Error messages are keys of the `validation` namespace (or `payments.errors`).
 */

/** Methods a staff member records by hand; `sandbox` only arrives through the webhook. */
export const manualPaymentMethods = paymentMethods.filter((m) => m !== "sandbox") as ["cash", "transfer", "cib", "edahabia"];

/** A manual payment typed in a form: the amount as the user writes it ("1 707,10"). */
export const recordPaymentSchema = z.strictObject({
  invoiceId: z.uuid("invalid"),
  amount: z
    .string("required")
    .trim()
    .min(1, "required")
    .transform((v, ctx) => {
      const minor = parseMoneyInput(v);
      if (minor === null || minor <= 0) {
        ctx.addIssue({ code: "custom", message: "amountInvalid" });
        return z.NEVER;
      }
      return minor;
    }),
  method: z.enum(manualPaymentMethods, "invalid"),
  reference: z
    .string("invalid")
    .trim()
    .max(80, "invalid")
    .transform((v) => (v === "" ? undefined : v))
    .optional(),
  /** "YYYY-MM-DD" (the day the money was received). */
  receivedOn: z.iso.date("dateInvalid"),
});
export type RecordPaymentFormInput = z.input<typeof recordPaymentSchema>;

export const startSandboxPaymentSchema = z.strictObject({ invoiceId: z.uuid("invalid") });
export const completeSandboxPaymentSchema = z.strictObject({
  intentId: z.uuid("invalid"),
  outcome: z.enum(["succeed", "fail"], "invalid"),
});

/**
 * The event a payment provider POSTs to /api/paiements/webhook. `id` is unique per provider
 * (a replay carries the same id); amounts are integer minor units.
 */
export const paymentEventSchema = z.object({
  id: z.string().min(1).max(200),
  type: z.string().min(1).max(100),
  created: z.number().int().positive().optional(),
  data: z.object({
    invoice_id: z.string().min(1).max(100),
    amount_minor: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
    currency: z.string().regex(/^[A-Z]{3}$/),
    intent_id: z.uuid().optional(),
    reference: z.string().max(200).optional(),
    /** How the client paid at the provider; default `sandbox` for the sandbox provider, else `cib`. */
    method: z.enum(["cib", "edahabia", "transfer", "sandbox"]).optional(),
  }),
});
export type PaymentEvent = z.output<typeof paymentEventSchema>;

/** A client asks Dihya to delete its data; both checks are required. */
export const dataDeletionRequestSchema = z.strictObject({
  reason: z.string("invalid").trim().max(2000, "invalid").optional().default(""),
  confirm: z.literal("yes", "confirmRequired"),
});

/** An admin processes an open request: anonymise (confirmed) or reject (with a reason). */
export const processDataRequestSchema = z.discriminatedUnion("decision", [
  z.strictObject({ id: z.uuid("invalid"), decision: z.literal("anonymise"), confirm: z.literal("yes", "confirmRequired") }),
  z.strictObject({
    id: z.uuid("invalid"),
    decision: z.literal("reject"),
    reason: z.string("required").trim().min(3, "reasonRequired").max(2000, "invalid"),
  }),
]);
export type ProcessDataRequest = z.output<typeof processDataRequestSchema>;
