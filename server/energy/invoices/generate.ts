import "server-only";
import { and, asc, eq, gt, isNull, lt, or } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { clients, contracts, invoices } from "@/db/schema";
import type { CreateInvoices } from "@/lib/validation/invoices";
import { assertCan, type Actor } from "@/server/auth/actor";
import { buildInvoiceDraft } from "@/server/energy/billing/build-invoice";
import { issueInvoice } from "@/server/energy/billing/issue-invoice";
import { recordAudit } from "@/server/platform/audit";
import { DomainError, notFound } from "@/server/platform/errors";
import { uuidPattern, type InvoiceDto } from "./invoice-dto";
import { loadInvoiceDto } from "./invoices-query";

/** One contract's outcome: `created`, `updated`, `skipped` (already issued: the existing invoice) or `failed` with the reason's code (a `billing.errors` key). */
export type GeneratedInvoice = { contractId: string; outcome: string; code?: string; detail?: string; invoice: InvoiceDto | null };

/**
 * POST /api/factures and the "generate" form: computes (or recomputes) the draft invoice of every
 * active contract of the client covering [periodStart, periodEnd) — or of the one contract named —
 * with the billing run's own `buildInvoiceDraft`, then issues each draft when `issue` is set.
 * Admins (`invoices.write`). Unknown client or a contract of another client → 404; a client without
 * an active contract over the period → 422 `invoiceNoActiveContract`.
 */
export async function generateInvoices(tx: Tx, actor: Actor, input: CreateInvoices): Promise<GeneratedInvoice[]> {
  assertCan(actor, "invoices.write");
  if (!uuidPattern.test(input.clientId)) throw notFound();
  const [client] = await tx.select({ id: clients.id, status: clients.status }).from(clients).where(eq(clients.id, input.clientId)).limit(1);
  if (!client) throw notFound();

  const overlaps = and(lt(contracts.startDate, input.periodEnd), or(isNull(contracts.endDate), gt(contracts.endDate, input.periodStart)));
  const rows = await tx
    .select({ id: contracts.id, status: contracts.status })
    .from(contracts)
    .where(
      and(
        eq(contracts.clientId, input.clientId),
        input.contractId ? eq(contracts.id, input.contractId) : eq(contracts.status, "active"),
        input.contractId ? undefined : overlaps,
      ),
    )
    .orderBy(asc(contracts.number));
  if (input.contractId && rows.length === 0) throw notFound();
  if (rows.length === 0) throw new DomainError("validation_failed", "invoiceNoActiveContract", "clientId");

  const results: GeneratedInvoice[] = [];
  for (const contract of rows) {
    const draft = await buildInvoiceDraft(tx, actor, {
      contractId: contract.id,
      periodStart: input.periodStart,
      periodEnd: input.periodEnd,
    });
    const invoiceId = draft.invoiceId;
    const outcome = draft.outcome;
    if (invoiceId && input.issue) {
      const [current] = await tx.select({ status: invoices.status }).from(invoices).where(eq(invoices.id, invoiceId)).limit(1);
      if (current?.status === "draft") await issueInvoice(tx, actor, invoiceId);
    }
    results.push({
      contractId: contract.id,
      outcome,
      ...(draft.code ? { code: draft.code } : {}),
      ...(draft.detail ? { detail: draft.detail } : {}),
      invoice: invoiceId ? await loadInvoiceDto(tx, invoiceId) : null,
    });
  }

  await recordAudit(tx, {
    actor,
    action: "invoice.generated",
    entityType: "client",
    entityId: input.clientId,
    changes: {
      period: { old: null, new: { start: input.periodStart, end: input.periodEnd } },
      invoices: {
        old: null,
        new: results.map((r) => ({ contractId: r.contractId, outcome: r.outcome, invoiceId: r.invoice?.id ?? null })),
      },
      issue: { old: null, new: input.issue ?? false },
    },
  });
  return results;
}
