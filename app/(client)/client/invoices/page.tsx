import Link from "next/link";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { CursorPagination } from "@/components/ui/cursor-pagination";
import { getDb } from "@/db/client";
import { formatMoney } from "@/lib/billing/money";
import { requireUser } from "@/server/auth/guards";
import { listMyInvoices } from "@/server/energy/payments/client-space";
import { formatDay } from "@/server/energy/invoices/invoice-format";
import { formatPeriod, InvoiceStatusBadge, orNotFound } from "../_shared";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("clientSpace.invoices"))("title") };
}

/** The client's invoices, newest first: one card per invoice (360 px first), 20 per page. */
export default async function ClientInvoicesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireUser("invoices.own");
  const t = await getTranslations();
  const locale = await getLocale();
  const params = await searchParams;
  const cursor = typeof params.cursor === "string" && params.cursor.length <= 400 ? params.cursor : undefined;
  const { data, next_cursor } = await orNotFound(listMyInvoices(await getDb(), actor, { cursor, limit: 20 }));
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("clientSpace.invoices.title")}</h1>
      {data.length === 0 ? (
        <p className="rounded-md border border-line bg-surface p-6 text-center text-muted" data-testid="empty">
          {t("client.noInvoice")}
        </p>
      ) : (
        <ul className="space-y-3">
          {data.map((i) => (
            <li
              key={i.id}
              className="rounded-lg border border-line bg-surface p-4"
              data-testid="invoice-row"
              data-payable={i.balanceMinor > 0 && i.kind === "invoice"}
            >
              <div className="flex flex-wrap items-center justify-between gap-2">
                <Link
                  href={`/client/invoices/${i.id}`}
                  className="inline-block min-h-10 py-2 text-lg font-semibold text-primary underline underline-offset-2"
                >
                  {i.kind === "credit_note"
                    ? t("clientSpace.invoices.creditNote", { number: i.number ?? "" })
                    : (i.number ?? t("clientSpace.invoices.noNumber"))}
                </Link>
                <InvoiceStatusBadge status={i.status} late={i.late} />
              </div>
              <p className="text-sm text-muted">{formatPeriod(i.periodStart, i.periodEnd, locale)}</p>
              <dl className="mt-2 grid grid-cols-2 gap-x-3 gap-y-1 text-sm">
                <dt className="text-muted">{t("clientSpace.invoice.total")}</dt>
                <dd className="text-end font-semibold" dir="ltr">
                  <bdi>{formatMoney(i.totalMinor, i.currency, locale)}</bdi>
                </dd>
                {i.balanceMinor > 0 ? (
                  <>
                    <dt className="text-muted">{t("clientSpace.invoice.balance")}</dt>
                    <dd className="text-end font-semibold" dir="ltr">
                      <bdi>{formatMoney(i.balanceMinor, i.currency, locale)}</bdi>
                    </dd>
                  </>
                ) : null}
                {i.dueDate && i.balanceMinor > 0 ? (
                  <>
                    <dt className="text-muted">{t("clientSpace.invoice.dueDate")}</dt>
                    <dd className={`text-end ${i.late ? "font-semibold text-danger" : ""}`}>{formatDay(i.dueDate, locale, "medium")}</dd>
                  </>
                ) : null}
              </dl>
            </li>
          ))}
        </ul>
      )}
      <CursorPagination firstHref={cursor ? "?" : null} nextHref={next_cursor ? `?cursor=${encodeURIComponent(next_cursor)}` : null} />
    </div>
  );
}
