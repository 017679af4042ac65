"use server";

import { creditInvoiceSchema, generateInvoicesFormSchema, invoiceIdSchema, runPeriod } from "@/lib/validation/invoices";
import { recordPaymentSchema } from "@/lib/validation/payments";
import { defineAction } from "@/server/auth/define-action";
import { creditInvoice } from "@/server/energy/billing/credit-note";
import { issueInvoice } from "@/server/energy/billing/issue-invoice";
import { generateInvoices } from "@/server/energy/invoices/generate";
import { recordPayment } from "@/server/energy/payments/record-payment";

const issue = defineAction({ schema: invoiceIdSchema, permission: "invoices.write" }, ({ actor, input, tx }) =>
  issueInvoice(tx, actor, input.id),
);

const pay = defineAction({ schema: recordPaymentSchema, permission: "invoices.write" }, async ({ actor, input, tx }) => {
  // The day the money came in, at noon in Algiers: the same calendar day in every zone the app shows.
  const receivedAt = new Date(`${input.receivedOn}T11:00:00Z`);
  const result = await recordPayment(tx, actor, {
    invoiceId: input.invoiceId,
    amountMinor: input.amount,
    method: input.method,
    reference: input.reference ?? null,
    receivedAt,
  });
  return { status: result.status, balanceMinor: result.balanceMinor };
});

const credit = defineAction({ schema: creditInvoiceSchema, permission: "invoices.write" }, ({ actor, input, tx }) =>
  creditInvoice(tx, actor, input.id, input.reason),
);

const generate = defineAction({ schema: generateInvoicesFormSchema, permission: "invoices.write" }, async ({ actor, input, tx }) => {
  const results = await generateInvoices(tx, actor, {
    clientId: input.clientId,
    ...runPeriod(input.month, input.length),
    issue: input.issue,
  });
  return { invoiceIds: results.flatMap((r) => (r.invoice ? [r.invoice.id] : [])), outcomes: results.map((r) => r.outcome) };
});

export async function issueInvoiceAction(input: unknown) {
  return issue(input);
}

export async function recordPaymentAction(input: unknown) {
  return pay(input);
}

export async function creditInvoiceAction(input: unknown) {
  return credit(input);
}

export async function generateInvoicesAction(input: unknown) {
  return generate(input);
}
