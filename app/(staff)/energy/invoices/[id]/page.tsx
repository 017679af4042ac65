import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { buttonClass } from "@/components/ui/button";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { getDb } from "@/db/client";
import { autonyms, locales } from "@/i18n/config";
import { formatMoney, formatQuantity, formatUnitPrice, minorToDecimalString } from "@/lib/billing/money";
import { can } from "@/server/auth/actor";
import { requireUser } from "@/server/auth/guards";
import type { InvoiceDto } from "@/server/energy/invoices/invoice-dto";
import { formatCo2, formatDay, formatInstantDay, formatPeriod, formatRate } from "@/server/energy/invoices/invoice-format";
import { getInvoice } from "@/server/energy/invoices/invoices-query";
import { lineLabeller } from "@/server/energy/invoices/line-label";
import { DomainError } from "@/server/platform/errors";
import { requireTemplate } from "@/server/platform/templates";
import { invoiceStatusTone, shownStatus } from "../display";
import { CreditNoteForm, IssueInvoiceButton, RecordPaymentForm } from "./invoice-actions";

type Params = Promise<{ id: string }>;

async function load(id: string, actor: Awaited<ReturnType<typeof requireUser>>): Promise<InvoiceDto> {
  try {
    return await getInvoice(await getDb(), actor, id);
  } catch (error) {
    if (error instanceof DomainError && error.status === 404) notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const t = await getTranslations("invoices");
  const actor = await requireUser("invoices.read");
  const invoice = await load((await params).id, actor);
  return { title: t("detail.title", { number: invoice.number ?? t("draftNumber") }) };
}

const openStatuses = ["issued", "partially_paid", "overdue"];

/**
 * One invoice (`invoices.read`): header, lines with their period, quantity, price, VAT and
 * estimated flag, VAT summary, payments; the PDF in any language; admins (`invoices.write`)
 * issue a draft, record a payment, or cancel with a credit note.
 */
export default async function InvoicePage({ params }: { params: Params }) {
  requireTemplate("energy");
  const actor = await requireUser("invoices.read");
  const { id } = await params;
  const invoice = await load(id, actor);
  const t = await getTranslations("invoices");
  const locale = await getLocale();
  const label = await lineLabeller();
  const money = (minor: number) => formatMoney(minor, invoice.currency, locale);
  const status = shownStatus(invoice.status, invoice.overdue);
  const canWrite = can(actor, "invoices.write");
  const isInvoice = invoice.kind === "invoice";
  const number = invoice.number ?? t("draftNumber");
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Africa/Algiers" }).format(new Date());

  const item = (term: string, value: ReactNode) => (
    <div>
      <dt className="text-sm text-muted">{term}</dt>
      <dd className="font-semibold">{value}</dd>
    </div>
  );

  return (
    <div className="space-y-6">
      <PageHeader
        title={t(isInvoice ? "detail.title" : "detail.creditTitle", { number })}
        description={invoice.client.name}
        actions={
          <>
            <Link href={`/energy/invoices/${invoice.id}/explain`} className={buttonClass("secondary")}>
              {t("detail.explain")}
            </Link>
            <a href={`/api/factures/${invoice.id}/pdf`} className={buttonClass("primary")} download>
              {t("detail.pdf")}
            </a>
          </>
        }
      />

      <Card title={t("detail.summary")}>
        <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {item(t("columns.number"), <span dir="ltr">{number}</span>)}
          {item(t("columns.status"), <Badge tone={invoiceStatusTone(invoice.status, invoice.overdue)}>{t(`statuses.${status}`)}</Badge>)}
          {item(
            t("columns.client"),
            can(actor, "clients.read") ? (
              <Link href={`/energy/clients/${invoice.client.id}`} className="text-primary underline underline-offset-2">
                {invoice.client.name}
              </Link>
            ) : (
              invoice.client.name
            ),
          )}
          {item(
            t("columns.contract"),
            can(actor, "clients.read") ? (
              <Link href={`/energy/contracts/${invoice.contract.id}`} className="text-primary underline underline-offset-2" dir="ltr">
                {invoice.contract.number}
              </Link>
            ) : (
              <span dir="ltr">{invoice.contract.number}</span>
            ),
          )}
          {item(t("columns.period"), formatPeriod(invoice.periodStart, invoice.periodEnd, locale))}
          {item(t("detail.issuedAt"), invoice.issuedAt ? formatInstantDay(invoice.issuedAt, locale) : "—")}
          {item(t("columns.dueDate"), invoice.dueDate ? formatDay(invoice.dueDate, locale) : "—")}
          {item(t("detail.tariff"), invoice.contract.tariff.name)}
          {item(t("columns.total"), money(invoice.totalMinor))}
          {item(t("detail.paid"), money(invoice.paidMinor))}
          {item(t("columns.balance"), money(invoice.balanceMinor))}
          {item(t("detail.consumption"), `${formatQuantity(invoice.consumptionMilli, locale)} kWh`)}
          {invoice.co2Grams !== null ? item(t("detail.co2"), formatCo2(invoice.co2Grams, locale)) : null}
          {invoice.paymentReference ? item(t("detail.paymentReference"), <span dir="ltr">{invoice.paymentReference}</span>) : null}
          {invoice.deliveryPoints.length
            ? item(t("detail.deliveryPoints"), <span dir="ltr">{invoice.deliveryPoints.map((dp) => dp.code).join(", ")}</span>)
            : null}
        </dl>
        {invoice.estimated ? <p className="mt-4 text-sm text-warning">{t("detail.estimatedNote")}</p> : null}
        {!isInvoice && typeof invoice.snapshot?.reason === "string" ? (
          <p className="mt-4 text-sm">{t("detail.reason", { reason: invoice.snapshot.reason })}</p>
        ) : null}
        {invoice.creditedInvoice ? (
          <p className="mt-4 text-sm">
            {t("detail.cancels")}{" "}
            <Link href={`/energy/invoices/${invoice.creditedInvoice.id}`} className="text-primary underline underline-offset-2" dir="ltr">
              {invoice.creditedInvoice.number ?? t("draftNumber")}
            </Link>
          </p>
        ) : null}
        {invoice.creditNotes.length ? (
          <p className="mt-4 text-sm">
            {t("detail.cancelledBy")}{" "}
            {invoice.creditNotes.map((c, i) => (
              <span key={c.id}>
                {i > 0 ? ", " : ""}
                <Link href={`/energy/invoices/${c.id}`} className="text-primary underline underline-offset-2" dir="ltr">
                  {c.number ?? t("draftNumber")}
                </Link>
              </span>
            ))}
          </p>
        ) : null}
      </Card>

      <Card title={t("detail.lines")}>
        <ScrollRegion label={t("detail.lines")}>
          <table className="w-full text-sm">
            <caption className="sr-only">{t("detail.lines")}</caption>
            <thead className="bg-surface-2">
              <tr>
                <th scope="col" className="px-3 py-2 text-start">
                  {t("lines.label")}
                </th>
                <th scope="col" className="px-3 py-2 text-start">
                  {t("lines.period")}
                </th>
                <th scope="col" className="px-3 py-2 text-end">
                  {t("lines.quantity")}
                </th>
                <th scope="col" className="px-3 py-2 text-end">
                  {t("lines.unitPrice")}
                </th>
                <th scope="col" className="px-3 py-2 text-end">
                  {t("lines.vat")}
                </th>
                <th scope="col" className="px-3 py-2 text-end">
                  {t("lines.amount")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {invoice.lines.map((line) => (
                <tr key={line.id} data-testid="invoice-line">
                  <td className="px-3 py-2">
                    {label(line)} {line.estimated ? <Badge tone="warning">{t("estimated")}</Badge> : null}
                  </td>
                  <td className="px-3 py-2 whitespace-nowrap">{formatPeriod(line.periodStart, line.periodEnd, locale, "short") || "—"}</td>
                  <td className="px-3 py-2 text-end tabular-nums whitespace-nowrap">
                    {formatQuantity(line.quantityMilli, locale)} {t(`units.${line.unit}`)}
                  </td>
                  <td className="px-3 py-2 text-end tabular-nums whitespace-nowrap">{formatUnitPrice(line.unitPriceMicro, locale)}</td>
                  <td className="px-3 py-2 text-end tabular-nums">{formatRate(line.vatBp, locale)}</td>
                  <td className="px-3 py-2 text-end tabular-nums whitespace-nowrap">{money(line.amountMinor)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </Card>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t("detail.taxes")}>
          <ScrollRegion label={t("detail.taxes")}>
            <table className="w-full text-sm">
              <caption className="sr-only">{t("detail.taxes")}</caption>
              <thead className="bg-surface-2">
                <tr>
                  <th scope="col" className="px-3 py-2 text-start">
                    {t("taxes.rate")}
                  </th>
                  <th scope="col" className="px-3 py-2 text-end">
                    {t("taxes.base")}
                  </th>
                  <th scope="col" className="px-3 py-2 text-end">
                    {t("taxes.tax")}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-line">
                {invoice.taxes.map((x) => (
                  <tr key={x.vatBp}>
                    <td className="px-3 py-2">{formatRate(x.vatBp, locale)}</td>
                    <td className="px-3 py-2 text-end tabular-nums whitespace-nowrap">{money(x.baseMinor)}</td>
                    <td className="px-3 py-2 text-end tabular-nums whitespace-nowrap">{money(x.taxMinor)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot className="font-semibold">
                <tr>
                  <th scope="row" className="px-3 py-2 text-start">
                    {t("taxes.totals")}
                  </th>
                  <td className="px-3 py-2 text-end tabular-nums whitespace-nowrap">{money(invoice.subtotalMinor)}</td>
                  <td className="px-3 py-2 text-end tabular-nums whitespace-nowrap">{money(invoice.taxMinor)}</td>
                </tr>
              </tfoot>
            </table>
          </ScrollRegion>
        </Card>

        <Card title={t("detail.payments")}>
          {invoice.payments.length ? (
            <ul className="divide-y divide-line text-sm">
              {invoice.payments.map((p) => (
                <li key={p.id} className="flex flex-wrap justify-between gap-2 py-2">
                  <span>
                    {formatInstantDay(p.receivedAt, locale)} · {t(`methods.${p.method}`)}
                    {p.reference ? (
                      <span className="text-muted" dir="ltr">
                        {" "}
                        · {p.reference}
                      </span>
                    ) : null}
                  </span>
                  <span className="font-semibold tabular-nums">{formatMoney(p.amountMinor, p.currency, locale)}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-muted">{t("detail.noPayments")}</p>
          )}
        </Card>
      </div>

      <Card title={t("detail.download")}>
        <form method="get" action={`/api/factures/${invoice.id}/pdf`} className="flex flex-wrap items-end gap-3">
          <div className="space-y-1">
            <label htmlFor="pdf-locale" className="block text-sm font-semibold">
              {t("detail.pdfLanguage")}
            </label>
            <select id="pdf-locale" name="locale" defaultValue={invoice.client.locale} className={inputClass}>
              {locales.map((l) => (
                <option key={l} value={l} lang={l}>
                  {autonyms[l]}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className={buttonClass("secondary")}>
            {t("detail.pdfIn")}
          </button>
        </form>
      </Card>

      {canWrite ? (
        <Card title={t("detail.actions")}>
          <div className="space-y-6">
            {invoice.status === "draft" ? (
              <section aria-labelledby="issue-title" className="space-y-2">
                <h3 id="issue-title" className="font-semibold">
                  {t("actions.issueTitle")}
                </h3>
                <p className="text-sm text-muted">{t("actions.issueHelp")}</p>
                <IssueInvoiceButton id={invoice.id} />
              </section>
            ) : null}
            {isInvoice && openStatuses.includes(invoice.status) && invoice.balanceMinor > 0 ? (
              <section aria-labelledby="payment-title" className="space-y-2">
                <h3 id="payment-title" className="font-semibold">
                  {t("payment.title")}
                </h3>
                <RecordPaymentForm id={invoice.id} balance={minorToDecimalString(invoice.balanceMinor).replace(".", ",")} today={today} />
              </section>
            ) : null}
            {isInvoice && invoice.status !== "draft" && invoice.status !== "cancelled" ? (
              <section aria-labelledby="credit-title" className="space-y-2">
                <h3 id="credit-title" className="font-semibold">
                  {t("credit.title")}
                </h3>
                <p className="text-sm text-muted">{t("credit.help")}</p>
                <CreditNoteForm id={invoice.id} />
              </section>
            ) : null}
          </div>
        </Card>
      ) : null}
    </div>
  );
}
