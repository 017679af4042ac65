import "server-only";
import { z } from "zod";
import { paymentEventSchema } from "@/lib/validation/payments";
import { endpoint } from "../endpoint";

/**
 * Incoming payment-provider events. Public (no credentials): authenticated by the
 * `Dihya-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` header, keyed
 * with PAYMENT_WEBHOOK_SECRET (see server/energy/payments/webhook-signature.ts and the
 * description `api.ops.paymentWebhook.description`). The route reads the raw body itself.
 */
export const paymentWebhook = endpoint({
  id: "paymentWebhook",
  method: "POST",
  path: "/api/paiements/webhook",
  tag: "payments",
  permission: null,
  template: "energy",
  body: paymentEventSchema,
  maxBytes: 64 * 1024,
  response: z.object({
    status: z.enum(["processed", "duplicate", "ignored"]).describe("duplicate: this event id was already processed; nothing changed."),
    paymentId: z.uuid().optional(),
    invoiceStatus: z.enum(["partially_paid", "paid", "overdue"]).optional(),
  }),
});

/** A client account downloads everything Dihya holds about its client (JSON attachment). */
export const exportMyData = endpoint({
  id: "exportMyData",
  method: "GET",
  path: "/api/client/data",
  tag: "payments",
  permission: "invoices.own",
  template: "energy",
  produces: "application/json",
  response: z.record(z.string(), z.unknown()),
});
