import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { settings } from "@/db/schema";
import { isLocale, type Locale } from "@/i18n/config";
import { can, type Actor } from "@/server/auth/actor";
import { operatorSettingKey } from "@/server/energy/billing/invoice-snapshot";
import { downloadHeaders } from "@/server/platform/exports/attachment";
import type { InvoiceDto } from "./invoice-dto";
import { renderInvoicePdf } from "./invoice-pdf";
import { getInvoice } from "./invoices-query";

/**
 * The language of an invoice's PDF: the client's (`clients.locale`), whoever downloads it; staff
 * holding `invoices.read` may ask for another one (`?locale=`), a client account may not.
 */
export function invoicePdfLocale(actor: Actor, invoice: InvoiceDto, asked?: string): Locale {
  if (asked && isLocale(asked) && can(actor, "invoices.read")) return asked;
  return isLocale(invoice.client.locale) ? invoice.client.locale : isLocale(invoice.locale) ? invoice.locale : "fr";
}

/** "FAC-2026-000042.pdf", or "brouillon-<id>.pdf" for a draft. */
export function invoicePdfFilename(invoice: Pick<InvoiceDto, "number" | "id">): string {
  return `${invoice.number ?? `draft-${invoice.id}`}.pdf`;
}

/** GET /api/factures/{id}/pdf and the pages' download link: 404 outside the actor's scope, like the invoice. */
export async function invoicePdfDownload(db: Executor, actor: Actor, id: string, asked?: string): Promise<Response> {
  const invoice = await getInvoice(db, actor, id);
  const bytes = await renderInvoicePdf(invoice, invoicePdfLocale(actor, invoice, asked), { operator: await draftOperator(db, invoice) });
  return new Response(bytes as Uint8Array<ArrayBuffer>, {
    status: 200,
    headers: { ...downloadHeaders("application/pdf", invoicePdfFilename(invoice)), "content-length": String(bytes.byteLength) },
  });
}

/** A draft has no frozen identities yet: the operator as configured today (settings `billing.operator`). */
export async function draftOperator(db: Executor, invoice: Pick<InvoiceDto, "snapshot">): Promise<Record<string, unknown> | null> {
  const frozen = invoice.snapshot?.operator;
  if (typeof frozen === "object" && frozen !== null) return null;
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, operatorSettingKey)).limit(1);
  let value: unknown = row?.value;
  if (typeof value === "string") {
    try {
      value = JSON.parse(value);
    } catch {
      value = null;
    }
  }
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}
