import "server-only";
import { isUuid } from "@/server/platform/ids";
import { and, eq } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import { invoices, paymentIntents } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { clientScope } from "@/server/energy/clients/client-scope";
import { recordAudit } from "@/server/platform/audit";
import { DomainError } from "@/server/platform/errors";
import { isPayable } from "./record-payment";
import { paymentWebhookSecret, providerHeader, signatureHeader, signPaymentEvent } from "./webhook-signature";

/**
 * The built-in sandbox payment provider (demo and tests: no real money). A client starts a
 * payment intent for its invoice's balance, confirms or cancels it on /client/pay/<intent>,
 * and the outcome reaches Dihya exactly like a real provider's: a signed event POSTed to
 * /api/paiements/webhook. It lets a client settle an invoice without paying, so it is on only
 * where asked (DIHYA_PAYMENT_SANDBOX=on) or, by default, on a demo installation (DIHYA_SEED
 * unset or `demo`); DIHYA_PAYMENT_SANDBOX=off turns it off everywhere.
 */
export const sandboxEnabled = () => {
  const setting = process.env.DIHYA_PAYMENT_SANDBOX;
  if (setting === "on" || setting === "off") return setting === "on";
  return (process.env.DIHYA_SEED ?? "demo") === "demo";
};
/** A pending intent older than this can no longer be confirmed. */
export const intentLifetimeMs = 30 * 60_000;

export type SandboxIntent = {
  id: string;
  status: "pending" | "succeeded" | "failed" | "expired";
  amountMinor: number;
  currency: string;
  createdAt: string;
  invoice: { id: string; number: string | null; status: string; dueDate: string | null };
};

/**
 * Starts a sandbox payment of the invoice's current balance. The invoice must be within the
 * actor's client scope (another client's id answers 404 like an unknown one) and payable
 * (issued, partially paid or overdue, balance > 0; else 409). Audited.
 */
export async function startSandboxPayment(
  tx: Executor,
  actor: Actor,
  invoiceId: string,
): Promise<{ intentId: string; invoiceId: string; amountMinor: number; currency: string }> {
  if (!sandboxEnabled() || !isUuid(invoiceId)) throw new DomainError("not_found", "notFound");
  const scope = await clientScope(tx, actor, "invoices.read");
  const [invoice] = await tx
    .select()
    .from(invoices)
    .where(and(eq(invoices.id, invoiceId), scope.all ? undefined : eq(invoices.clientId, scope.clientId)))
    .limit(1)
    .for("update");
  if (!invoice || invoice.status === "draft") throw new DomainError("not_found", "notFound");
  const balance = invoice.totalMinor - invoice.paidMinor;
  if (invoice.kind !== "invoice" || !isPayable(invoice.status) || balance <= 0) throw new DomainError("conflict", "invoiceNotPayable");
  const [intent] = await tx
    .insert(paymentIntents)
    .values({
      invoiceId: invoice.id,
      clientId: invoice.clientId,
      amountMinor: balance,
      currency: invoice.currency,
      createdBy: actor.kind === "user" ? actor.id : null,
    })
    .returning({ id: paymentIntents.id });
  await recordAudit(tx, {
    actor,
    action: "payment.intent_created",
    entityType: "invoice",
    entityId: invoice.id,
    changes: { intent: { old: null, new: { id: intent!.id, provider: "sandbox", amountMinor: balance, currency: invoice.currency } } },
  });
  return { intentId: intent!.id, invoiceId: invoice.id, amountMinor: balance, currency: invoice.currency };
}

/** One intent as its page shows it; outside the actor's client scope → 404. */
export async function getSandboxIntent(db: Executor, actor: Actor, intentId: string, now: Date = new Date()): Promise<SandboxIntent> {
  if (!isUuid(intentId)) throw new DomainError("not_found", "notFound");
  const scope = await clientScope(db, actor, "invoices.read");
  const [row] = await db
    .select({
      intent: paymentIntents,
      invoice: { id: invoices.id, number: invoices.number, status: invoices.status, dueDate: invoices.dueDate },
    })
    .from(paymentIntents)
    .innerJoin(invoices, eq(invoices.id, paymentIntents.invoiceId))
    .where(and(eq(paymentIntents.id, intentId), scope.all ? undefined : eq(paymentIntents.clientId, scope.clientId)))
    .limit(1);
  if (!row) throw new DomainError("not_found", "notFound");
  const expired = row.intent.status === "pending" && now.getTime() - row.intent.createdAt.getTime() > intentLifetimeMs;
  return {
    id: row.intent.id,
    status: expired ? "expired" : (row.intent.status as SandboxIntent["status"]),
    amountMinor: row.intent.amountMinor,
    currency: row.intent.currency,
    createdAt: row.intent.createdAt.toISOString(),
    invoice: row.invoice,
  };
}

/**
 * Where the sandbox posts its events: DIHYA_PAYMENT_WEBHOOK_ORIGIN, else AUTH_URL, else the
 * origin the request came in on, else http://localhost:$PORT.
 */
export function webhookOrigin(requestHeaders?: Headers): string {
  const configured = process.env.DIHYA_PAYMENT_WEBHOOK_ORIGIN?.trim() || process.env.AUTH_URL?.trim();
  if (configured) return new URL(configured).origin;
  const host = requestHeaders?.get("x-forwarded-host") ?? requestHeaders?.get("host");
  if (host && /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-fA-F:]+\](:\d{1,5})?$/.test(host)) {
    const proto = requestHeaders?.get("x-forwarded-proto") === "https" ? "https" : "http";
    return `${proto}://${host}`;
  }
  return `http://localhost:${process.env.PORT ?? 3000}`;
}

/**
 * Confirms (`succeed`) or cancels (`fail`) a pending sandbox intent: builds the provider's
 * event (id `evt_sbx_<intent>`, so a double click replays the same event), signs it and
 * POSTs it to `${origin}/api/paiements/webhook`, the same path a real provider uses. Must
 * not run inside a database transaction (the webhook needs the database meanwhile).
 * Returns the intent's status afterwards. Another client's intent → 404; an expired one → 409.
 */
export async function completeSandboxPayment(
  actor: Actor,
  intentId: string,
  outcome: "succeed" | "fail",
  origin: string,
): Promise<{ invoiceId: string; status: SandboxIntent["status"] }> {
  if (!sandboxEnabled()) throw new DomainError("not_found", "notFound");
  const db = await getDb();
  const intent = await getSandboxIntent(db, actor, intentId);
  if (intent.status === "expired") throw new DomainError("conflict", "paymentIntentExpired");
  if (intent.status !== "pending") return { invoiceId: intent.invoice.id, status: intent.status };

  const now = new Date();
  const event = {
    id: `evt_sbx_${intent.id}`,
    type: outcome === "succeed" ? "payment.succeeded" : "payment.failed",
    created: Math.floor(now.getTime() / 1000),
    data: {
      invoice_id: intent.invoice.id,
      amount_minor: intent.amountMinor,
      currency: intent.currency,
      intent_id: intent.id,
      reference: `SBX-${intent.id.slice(0, 8).toUpperCase()}`,
      method: "sandbox",
    },
  };
  const rawBody = JSON.stringify(event);
  const secret = await paymentWebhookSecret(db);
  const response = await fetch(new URL("/api/paiements/webhook", origin), {
    method: "POST",
    headers: { "content-type": "application/json", [signatureHeader]: signPaymentEvent(rawBody, secret, now), [providerHeader]: "sandbox" },
    body: rawBody,
    redirect: "manual",
    signal: AbortSignal.timeout(20_000),
  });
  if (!response.ok) {
    const problem = (await response.json().catch(() => null)) as { code?: string } | null;
    if (response.status === 409 || response.status === 422) throw new DomainError("conflict", "invoiceNotPayable");
    throw new Error(`sandbox: the payment webhook answered ${response.status} ${problem?.code ?? ""}`);
  }
  const after = await getSandboxIntent(db, actor, intentId);
  return { invoiceId: after.invoice.id, status: after.status };
}
