import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { invoices, paymentEvents, paymentIntents } from "@/db/schema";
import { paymentEventSchema, type PaymentEvent } from "@/lib/validation/payments";
import type { SystemActor } from "@/server/auth/actor";
import { recordAudit } from "@/server/platform/audit";
import { recordPayment } from "./record-payment";
import { paymentWebhookSecret, providerHeader, signatureHeader, verifyPaymentSignature } from "./webhook-signature";

/** A refused webhook call: the route answers problem+json with this status and stable code. */
export class WebhookRefusal extends Error {
  constructor(
    readonly status: 400 | 401 | 404 | 422,
    readonly code: string,
    readonly detail: string,
  ) {
    super(`${status} ${code}: ${detail}`);
  }
}

export type WebhookResult = {
  status: "processed" | "duplicate" | "ignored";
  paymentId?: string;
  invoiceStatus?: string;
};

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const providerPattern = /^[a-z0-9][a-z0-9_-]{0,39}$/;

const signatureDetail = {
  signature_missing: "Send the Dihya-Signature header.",
  signature_malformed: "Dihya-Signature must read t=<unix seconds>,v1=<hex HMAC-SHA256>.",
  signature_invalid: "The signature does not match the body.",
  timestamp_stale: "The signature timestamp is more than 300 s away from the server's clock.",
} as const;

/**
 * An incoming payment-provider event (see webhook-signature.ts for the signature):
 * verify → parse → in ONE transaction: remember the event (provider, id) — a replay finds it
 * and changes nothing (`duplicate`) — then for `payment.succeeded` record the payment (the
 * invoice becomes partially paid or paid) and mark the intent succeeded; for
 * `payment.failed` mark the intent failed. Other event types are stored and `ignored`. An
 * unknown invoice, a currency mismatch or a refused payment rolls everything back (the
 * event is not remembered, so the provider may retry once the cause is fixed).
 */
export async function handlePaymentWebhook(rawBody: string, headers: Headers, now: Date = new Date()): Promise<WebhookResult> {
  const db = await getDb();
  const secret = await paymentWebhookSecret(db);
  const verified = verifyPaymentSignature(rawBody, headers.get(signatureHeader), secret, now);
  if (!verified.ok) throw new WebhookRefusal(401, verified.code, signatureDetail[verified.code]);

  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    throw new WebhookRefusal(400, "malformed_json", "The body is not valid JSON.");
  }
  const parsed = paymentEventSchema.safeParse(json);
  if (!parsed.success) throw new WebhookRefusal(422, "validation_failed", "The body is not a payment event.");
  const event = parsed.data;
  const provider = (headers.get(providerHeader) ?? "sandbox").trim().toLowerCase();
  if (!providerPattern.test(provider)) throw new WebhookRefusal(400, "provider_invalid", "Dihya-Payment-Provider: 1–40 of a-z 0-9 _ -.");

  return db.transaction((tx) => applyEvent(tx, provider, event, now));
}

async function applyEvent(tx: Tx, provider: string, event: PaymentEvent, now: Date): Promise<WebhookResult> {
  const invoiceId = uuid.test(event.data.invoice_id) ? event.data.invoice_id.toLowerCase() : null;
  const stored = await tx
    .insert(paymentEvents)
    .values({ provider, eventId: event.id, type: event.type, invoiceId })
    .onConflictDoNothing()
    .returning({ eventId: paymentEvents.eventId });
  if (stored.length === 0) return { status: "duplicate" };
  if (event.type !== "payment.succeeded" && event.type !== "payment.failed") return { status: "ignored" };

  const [invoice] = invoiceId
    ? await tx.select({ id: invoices.id, currency: invoices.currency }).from(invoices).where(eq(invoices.id, invoiceId)).limit(1)
    : [];
  if (!invoice) throw new WebhookRefusal(404, "invoice_not_found", "No invoice has this id.");
  if (event.data.currency !== invoice.currency)
    throw new WebhookRefusal(422, "currency_mismatch", `The invoice is billed in ${invoice.currency}.`);

  let intentId: string | null = null;
  if (event.data.intent_id) {
    const [intent] = await tx
      .select({ id: paymentIntents.id, status: paymentIntents.status })
      .from(paymentIntents)
      .where(and(eq(paymentIntents.id, event.data.intent_id), eq(paymentIntents.invoiceId, invoice.id)))
      .limit(1)
      .for("update");
    if (!intent) throw new WebhookRefusal(404, "intent_not_found", "No payment intent of this invoice has this id.");
    if (intent.status === "pending") intentId = intent.id;
  }

  const actor: SystemActor = { kind: "system", id: `webhook:${provider}` };
  if (event.type === "payment.failed") {
    if (intentId) {
      await tx.update(paymentIntents).set({ status: "failed", completedAt: now }).where(eq(paymentIntents.id, intentId));
      await recordAudit(tx, {
        actor,
        action: "payment.failed",
        entityType: "invoice",
        entityId: invoice.id,
        changes: { intent: { old: { id: intentId, status: "pending" }, new: { id: intentId, status: "failed" } } },
      });
    }
    return { status: "processed" };
  }

  const recorded = await recordPayment(tx, actor, {
    invoiceId: invoice.id,
    amountMinor: event.data.amount_minor,
    method: event.data.method ?? (provider === "sandbox" ? "sandbox" : "cib"),
    reference: event.data.reference ?? null,
    receivedAt: event.created ? new Date(event.created * 1000) : now,
    providerEventId: `${provider}:${event.id}`,
  });
  if (intentId) await tx.update(paymentIntents).set({ status: "succeeded", completedAt: now }).where(eq(paymentIntents.id, intentId));
  return { status: "processed", paymentId: recorded.paymentId, invoiceStatus: recorded.status };
}
