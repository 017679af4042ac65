"use server";

import { headers } from "next/headers";
import { forbidden, notFound, redirect } from "next/navigation";
import { can } from "@/server/auth/actor";
import { defineAction } from "@/server/auth/define-action";
import { getActor } from "@/server/auth/guards";
import { requestDataDeletion } from "@/server/energy/clients/data-requests";
import { completeSandboxPayment, startSandboxPayment, webhookOrigin } from "@/server/energy/payments/sandbox";
import { DomainError } from "@/server/platform/errors";
import { completeSandboxPaymentSchema, dataDeletionRequestSchema, startSandboxPaymentSchema } from "@/lib/validation/payments";

const start = defineAction({ schema: startSandboxPaymentSchema, permission: "invoices.own" }, ({ actor, input, tx }) =>
  startSandboxPayment(tx, actor, input.invoiceId),
);

/** "Pay": opens a sandbox payment of the invoice's balance, then its provider page. */
export async function startPaymentAction(form: FormData): Promise<void> {
  const invoiceId = String(form.get("invoiceId") ?? "");
  const result = await start({ invoiceId });
  if (result.ok) redirect(`/client/pay/${result.data.intentId}`);
  if (result.code === "not_found" || result.code === "validation_failed") notFound();
  if (result.code === "unauthenticated") redirect("/sign-in");
  redirect(`/client/invoices/${encodeURIComponent(invoiceId)}?payment=error`);
}

/**
 * Confirm / Cancel on the sandbox provider's page. Not a defineAction: the outcome is POSTed
 * to the payment webhook over HTTP, which needs the database while this action waits, so no
 * transaction may be open here (PGlite has one connection). Same checks: session, input,
 * permission; the service scopes the intent to the actor's client (404 otherwise).
 */
export async function completePaymentAction(form: FormData): Promise<void> {
  const actor = await getActor();
  if (!actor) redirect("/sign-in");
  const parsed = completeSandboxPaymentSchema.safeParse({ intentId: form.get("intentId"), outcome: form.get("outcome") });
  if (!parsed.success) notFound();
  if (!can(actor, "invoices.own")) forbidden();
  let target: string;
  try {
    const done = await completeSandboxPayment(actor, parsed.data.intentId, parsed.data.outcome, webhookOrigin(await headers()));
    target = `/client/invoices/${done.invoiceId}?payment=${done.status}`;
  } catch (error) {
    if (error instanceof DomainError && error.code === "not_found") notFound();
    if (error instanceof DomainError) target = `/client/pay/${parsed.data.intentId}?error=${error.messageKey}`;
    else {
      console.error("[sandbox payment]", error);
      target = `/client/pay/${parsed.data.intentId}?error=internal`;
    }
  }
  redirect(target);
}

const deletion = defineAction({ schema: dataDeletionRequestSchema, permission: "invoices.own" }, ({ actor, input, tx }) =>
  requestDataDeletion(tx, actor, { reason: input.reason }),
);

/** "Request deletion" on /client/data (reason optional, confirmation required). */
export async function requestDeletionAction(form: FormData): Promise<void> {
  const result = await deletion({ reason: String(form.get("reason") ?? ""), confirm: form.get("confirm") ?? "" });
  if (result.ok) redirect("/client/data?requested=1");
  if (result.code === "unauthenticated") redirect("/sign-in");
  const key = result.fieldErrors?.confirm ? "confirmRequired" : result.messageKey;
  redirect(`/client/data?error=${encodeURIComponent(key)}`);
}
