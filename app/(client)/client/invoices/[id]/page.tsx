import Link from "next/link";
import { Fragment } from "react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { getDb } from "@/db/client";
import { formatMoney, formatQuantity, formatUnitPrice } from "@/lib/billing/money";
import { requireUser } from "@/server/auth/guards";
import type { InvoiceDto } from "@/server/energy/invoices/invoice-dto";
import { formatInstantDay, formatRate } from "@/server/energy/invoices/invoice-format";
import { getInvoice } from "@/server/energy/invoices/invoices-query";
import { formatDay } from "@/server/energy/invoices/invoice-format";
import { isPayable } from "@/server/energy/payments/record-payment";
import { sandboxEnabled } from "@/server/energy/payments/sandbox";
import { formatPeriod, InvoiceStatusBadge, orNotFound } from "../../_shared";
import { startPaymentAction } from "../../actions";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The invoice if it is the actor's own and not a draft; anything else → 404. */
async function load(id: string): Promise<InvoiceDto> {
  const actor = await requireUser("invoices.own");
  const invoice = await orNotFound(getInvoice(await getDb(), actor, id));
  if (invoice.status === "draft") notFound();
  return invoice;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations("clientSpace.invoice");
  const { id } = await params;
  try {
    const invoice = await load(id);
    return { title: t("title", { number: invoice.number ?? "" }) };
  } catch {
    return { title: t("title", { number: "" }) };
  }
}

/** One invoice of the client: what is due and when first, then the detail, the PDF and Pay. */
export default async function ClientInvoicePage({ params, searchParams }: Props) {
  const { id } = await params;
  const invoice = await load(id);
  const t = await getTranslations();
  const locale = await getLocale();
  const query = await searchParams;
  const money = (minor: number) => formatMoney(minor, invoice.currency, locale);
  const open = invoice.kind === "invoice" && isPayable(invoice.status) && invoice.balanceMinor > 0;
  const outcome = typeof query.payment === "string" ? query.payment : null;
  const label = (line: InvoiceDto["lines"][number]) => {
    if (t.has(line.labelKey)) return t(line.labelKey, line.labelParams);
    const kind = `invoicePdf.lineKinds.${line.kind}`;
    return t.has(kind) ? t(kind) : line.kind;
  };
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-semibold" dir="auto">
          {t(invoice.kind === "credit_note" ? "clientSpace.invoice.creditNoteTitle" : "clientSpace.invoice.title", {
            number: invoice.number ?? "",
          })}
        </h1>
        <InvoiceStatusBadge status={invoice.status} late={invoice.overdue} />
      </div>

      {outcome === "succeeded" ? (
        <p role="status" className="rounded-md border border-success p-3 text-sm text-success" data-testid="payment-succeeded">
          {invoice.status === "paid" ? t("payments.outcome.paid") : t("payments.outcome.succeeded")}
        </p>
      ) : outcome === "failed" ? (
        <p role="status" className="rounded-md border border-warning p-3 text-sm" data-testid="payment-failed">
          {t("payments.outcome.failed")}
        </p>
      ) : outcome === "error" ? (
        <p role="alert" className="rounded-md border border-danger p-3 text-sm text-danger">
          {t("payments.outcome.error")}
        </p>
      ) : null}

      <section
        aria-labelledby="balance-title"
        className="rounded-lg border border-line bg-surface p-4 shadow-sm"
        data-testid="invoice-balance"
      >
        <h2 id="balance-title" className="text-sm font-semibold text-muted">
          {open ? t("clientSpace.invoice.balance") : t("clientSpace.invoice.total")}
        </h2>
        <p className="mt-1 text-3xl font-bold" dir="ltr">
          <bdi>{money(open ? invoice.balanceMinor : invoice.totalMinor)}</bdi>
        </p>
        {open && invoice.dueDate ? (
          <p className={`mt-1 text-lg font-semibold ${invoice.overdue ? "text-danger" : ""}`} data-testid="due-date">
            {invoice.overdue
              ? t("clientSpace.home.overdueSince", { date: formatDay(invoice.dueDate, locale) })
              : t("clientSpace.home.dueOn", { date: formatDay(invoice.dueDate, locale) })}
          </p>
        ) : null}
        {invoice.status === "paid" && invoice.paidAt ? (
          <p className="mt-1 text-lg font-semibold text-success" data-testid="paid-on">
            {t("clientSpace.invoice.paidOn", { date: formatInstantDay(invoice.paidAt, locale) })}
          </p>
        ) : null}
        <div className="mt-4 flex flex-wrap gap-2">
          {open && sandboxEnabled() ? (
            <form action={startPaymentAction} className="w-full sm:w-auto">
              <input type="hidden" name="invoiceId" value={invoice.id} />
              <button type="submit" className={buttonClass("primary", "min-h-12 w-full px-6 text-base sm:w-auto")} data-testid="pay">
                {t("payments.pay", { amount: money(invoice.balanceMinor) })}
              </button>
            </form>
          ) : null}
          <a
            href={`/api/factures/${invoice.id}/pdf`}
            className={buttonClass("secondary", "min-h-12 w-full sm:w-auto")}
            data-testid="download-pdf"
            download
          >
            {t("clientSpace.invoice.downloadPdf")}
          </a>
        </div>
      </section>

      <Card title={t("clientSpace.invoice.details")}>
        <dl className="grid grid-cols-1 gap-x-4 gap-y-2 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-muted">{t("clientSpace.invoice.period")}</dt>
            <dd className="font-semibold">{formatPeriod(invoice.periodStart, invoice.periodEnd, locale)}</dd>
          </div>
          <div>
            <dt className="text-muted">{t("clientSpace.invoice.contract")}</dt>
            <dd className="font-semibold" dir="ltr">
              <bdi>{invoice.contract.number}</bdi>
            </dd>
          </div>
          <div>
            <dt className="text-muted">{t("clientSpace.invoice.consumption")}</dt>
            <dd className="font-semibold" dir="ltr">
              <bdi>{t("clientSpace.consumption.kwh", { value: formatQuantity(invoice.consumptionMilli, locale) })}</bdi>
              {invoice.estimated ? <span className="ms-2 text-muted">({t("clientSpace.invoice.estimated")})</span> : null}
            </dd>
          </div>
          {invoice.issuedAt ? (
            <div>
              <dt className="text-muted">{t("clientSpace.invoice.issuedOn")}</dt>
              <dd className="font-semibold">{formatInstantDay(invoice.issuedAt, locale)}</dd>
            </div>
          ) : null}
          {invoice.dueDate ? (
            <div>
              <dt className="text-muted">{t("clientSpace.invoice.dueDate")}</dt>
              <dd className="font-semibold">{formatDay(invoice.dueDate, locale)}</dd>
            </div>
          ) : null}
          {invoice.paymentReference ? (
            <div>
              <dt className="text-muted">{t("clientSpace.invoice.paymentReference")}</dt>
              <dd className="font-semibold" dir="ltr">
                <bdi>{invoice.paymentReference}</bdi>
              </dd>
            </div>
          ) : null}
        </dl>
        {invoice.deliveryPoints.length > 0 ? (
          <div className="mt-3">
            <h3 className="text-sm font-semibold">{t("clientSpace.invoice.deliveryPoints")}</h3>
            <ul className="mt-1 space-y-1 text-sm">
              {invoice.deliveryPoints.map((p) => (
                <li key={p.id}>
                  <span className="font-semibold" dir="ltr">
                    <bdi>{p.code}</bdi>
                  </span>
                  {p.addressLine || p.city ? (
                    <span className="text-muted"> — {[p.addressLine, p.city].filter(Boolean).join(", ")}</span>
                  ) : null}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </Card>

      <Card title={t("clientSpace.invoice.lines")}>
        <ScrollRegion label={t("clientSpace.invoice.lines")}>
          <table className="w-full min-w-[34rem] text-sm">
            <thead>
              <tr className="border-b border-line text-start text-muted">
                <th scope="col" className="py-2 pe-2 text-start font-semibold">
                  {t("clientSpace.invoice.line")}
                </th>
                <th scope="col" className="px-2 py-2 text-end font-semibold">
                  {t("clientSpace.invoice.quantity")}
                </th>
                <th scope="col" className="px-2 py-2 text-end font-semibold">
                  {t("clientSpace.invoice.unitPrice")}
                </th>
                <th scope="col" className="px-2 py-2 text-end font-semibold">
                  {t("clientSpace.invoice.vat")}
                </th>
                <th scope="col" className="py-2 ps-2 text-end font-semibold">
                  {t("clientSpace.invoice.amount")}
                </th>
              </tr>
            </thead>
            <tbody>
              {invoice.lines.map((line) => (
                <tr key={line.id} className="border-b border-line align-top">
                  <td className="py-2 pe-2">
                    {label(line)}
                    {line.estimated ? <span className="ms-1 text-muted">({t("clientSpace.invoice.estimated")})</span> : null}
                  </td>
                  <td className="px-2 py-2 text-end tabular-nums" dir="ltr">
                    <bdi>
                      {formatQuantity(line.quantityMilli, locale)} {line.unit}
                    </bdi>
                  </td>
                  <td className="px-2 py-2 text-end tabular-nums" dir="ltr">
                    <bdi>{formatUnitPrice(line.unitPriceMicro, locale)}</bdi>
                  </td>
                  <td className="px-2 py-2 text-end tabular-nums">{formatRate(line.vatBp, locale)}</td>
                  <td className="py-2 ps-2 text-end tabular-nums" dir="ltr">
                    <bdi>{money(line.amountMinor)}</bdi>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
        <dl className="mt-3 grid grid-cols-2 gap-x-3 gap-y-1 text-sm" data-testid="invoice-totals">
          <dt>{t("clientSpace.invoice.subtotal")}</dt>
          <dd className="text-end tabular-nums" dir="ltr">
            <bdi>{money(invoice.subtotalMinor)}</bdi>
          </dd>
          {invoice.taxes.map((tax) => (
            <Fragment key={tax.vatBp}>
              <dt className="text-muted">
                {t("clientSpace.invoice.vatOn", { rate: formatRate(tax.vatBp, locale), base: money(tax.baseMinor) })}
              </dt>
              <dd className="text-end tabular-nums" dir="ltr">
                <bdi>{money(tax.taxMinor)}</bdi>
              </dd>
            </Fragment>
          ))}
          <dt className="font-semibold">{t("clientSpace.invoice.total")}</dt>
          <dd className="text-end font-semibold tabular-nums" dir="ltr">
            <bdi>{money(invoice.totalMinor)}</bdi>
          </dd>
          {invoice.paidMinor > 0 ? (
            <>
              <dt>{t("clientSpace.invoice.paid")}</dt>
              <dd className="text-end tabular-nums" dir="ltr">
                <bdi>{money(invoice.paidMinor)}</bdi>
              </dd>
              <dt className="font-semibold">{t("clientSpace.invoice.balance")}</dt>
              <dd className="text-end font-semibold tabular-nums" dir="ltr">
                <bdi>{money(invoice.balanceMinor)}</bdi>
              </dd>
            </>
          ) : null}
        </dl>
      </Card>

      {invoice.payments.length > 0 ? (
        <Card title={t("clientSpace.invoice.payments")}>
          <ul className="space-y-2 text-sm" data-testid="payments">
            {invoice.payments.map((p) => (
              <li key={p.id} className="flex flex-wrap justify-between gap-2">
                <span>
                  {formatInstantDay(p.receivedAt, locale)} · {t(`payments.methods.${p.method}`)}
                </span>
                <span className="font-semibold tabular-nums" dir="ltr">
                  <bdi>{formatMoney(p.amountMinor, p.currency, locale)}</bdi>
                </span>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}

      <Link href="/client/invoices" className="inline-block min-h-10 py-2 text-primary underline underline-offset-2">
        {t("clientSpace.invoice.back")}
      </Link>
    </div>
  );
}
