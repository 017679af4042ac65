import type { Metadata } from "next";
import Link from "next/link";
import { Fragment } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { CursorPagination } from "@/components/ui/cursor-pagination";
import { inputClass } from "@/components/ui/field";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { getDb } from "@/db/client";
import { formatMoney } from "@/lib/billing/money";
import { invoiceKinds, invoiceStatuses, listInvoicesQuery } from "@/lib/validation/invoices";
import { can } from "@/server/auth/actor";
import { requireUser } from "@/server/auth/guards";
import { formatDay, formatPeriod } from "@/server/energy/invoices/invoice-format";
import { invoiceClientOptions } from "@/server/energy/invoices/invoice-options";
import { invoiceTotals, listInvoices } from "@/server/energy/invoices/invoices-query";
import { requireTemplate } from "@/server/platform/templates";
import { invoiceStatusTone, shownStatus } from "./display";
import { GenerateInvoicesForm } from "./generate-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("invoices"))("list.title") };
}

const filterKeys = ["q", "status", "kind", "client", "contract", "run", "from", "to"] as const;
type FilterKey = (typeof filterKeys)[number];

/**
 * Invoices and credit notes (`invoices.read`): filters in the URL (search, status, kind, client,
 * period, billing run), totals per currency, 25 per page, CSV export; admins generate a client's
 * invoices for a period.
 */
export default async function InvoicesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  requireTemplate("energy");
  const actor = await requireUser("invoices.read");
  const t = await getTranslations("invoices");
  const tc = await getTranslations("common");
  const locale = await getLocale();
  const raw = Object.fromEntries(
    Object.entries(await searchParams).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""),
  );
  const values = Object.fromEntries(filterKeys.map((k) => [k, raw[k] ?? ""])) as Record<FilterKey, string>;
  const parsed = listInvoicesQuery.safeParse({ ...values, cursor: raw.cursor, limit: "25" });
  const db = await getDb();
  const [result, totals, clients] = await Promise.all([
    parsed.success ? listInvoices(db, actor, parsed.data) : null,
    parsed.success ? invoiceTotals(db, actor, parsed.data) : [],
    invoiceClientOptions(db, actor),
  ]);
  const keep = new URLSearchParams(filterKeys.filter((k) => values[k]).map((k) => [k, values[k]]));
  const nextHref = result?.next_cursor ? `?${new URLSearchParams([...keep, ["cursor", result.next_cursor]])}` : null;
  const exportHref = `/api/export/factures?${new URLSearchParams([...keep, ["locale", locale]])}`;
  const select = (name: FilterKey, options: { value: string; label: string }[]) => (
    <div className="space-y-1">
      <label htmlFor={`f-${name}`} className="block text-sm font-semibold">
        {t(`filters.${name}`)}
      </label>
      <select id={`f-${name}`} name={name} defaultValue={values[name]} className={inputClass}>
        <option value="">{t("filters.any")}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
  const dateInput = (name: "from" | "to") => (
    <div className="space-y-1">
      <label htmlFor={`f-${name}`} className="block text-sm font-semibold">
        {t(`filters.${name}`)}
      </label>
      <input id={`f-${name}`} name={name} type="date" defaultValue={values[name]} className={inputClass} />
    </div>
  );

  return (
    <div>
      <PageHeader
        title={t("list.title")}
        description={t("list.description")}
        actions={
          <>
            <Link href="/energy/billing" className={buttonClass("secondary")}>
              {t("list.runs")}
            </Link>
            <a href={exportHref} className={buttonClass("secondary")} download>
              {t("list.exportCsv")}
            </a>
          </>
        }
      />
      {can(actor, "invoices.write") ? (
        <details className="mb-4 rounded-lg border border-line bg-surface p-4">
          <summary className="cursor-pointer font-semibold">{t("generate.title")}</summary>
          <p className="mt-2 text-sm text-muted">{t("generate.description")}</p>
          <GenerateInvoicesForm clients={clients} />
        </details>
      ) : null}
      <form
        role="search"
        aria-label={t("filters.title")}
        action="/energy/invoices"
        className="mb-4 rounded-lg border border-line bg-surface p-4"
      >
        {values.run ? <input type="hidden" name="run" value={values.run} /> : null}
        {values.contract ? <input type="hidden" name="contract" value={values.contract} /> : null}
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <div className="space-y-1">
            <label htmlFor="f-q" className="block text-sm font-semibold">
              {t("filters.q")}
            </label>
            <input id="f-q" name="q" type="search" defaultValue={values.q} placeholder={t("filters.qPlaceholder")} className={inputClass} />
          </div>
          {select(
            "status",
            invoiceStatuses.map((s) => ({ value: s, label: t(`statuses.${s}`) })),
          )}
          {select(
            "kind",
            invoiceKinds.map((k) => ({ value: k, label: t(`kinds.${k}`) })),
          )}
          {select(
            "client",
            clients.map((c) => ({ value: c.id, label: `${c.name} (${c.code})` })),
          )}
          {dateInput("from")}
          {dateInput("to")}
          <div className="flex flex-wrap items-end gap-2">
            <button type="submit" className={buttonClass("primary")}>
              {tc("filter")}
            </button>
            <Link href="/energy/invoices" className={buttonClass("ghost")}>
              {t("filters.reset")}
            </Link>
          </div>
        </div>
        {values.run ? <p className="mt-3 text-sm text-muted">{t("filters.runActive")}</p> : null}
      </form>

      {totals.length > 0 ? (
        <Card title={t("totals.title")} className="mb-4">
          <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4" data-testid="invoice-totals">
            {totals.map((x) => (
              <Fragment key={x.currency}>
                <div>
                  <dt className="text-sm text-muted">{t("totals.count")}</dt>
                  <dd className="text-lg font-semibold">{x.count}</dd>
                </div>
                <div>
                  <dt className="text-sm text-muted">{t("totals.total")}</dt>
                  <dd className="text-lg font-semibold">{formatMoney(x.totalMinor, x.currency, locale)}</dd>
                </div>
                <div>
                  <dt className="text-sm text-muted">{t("totals.paid")}</dt>
                  <dd className="text-lg font-semibold">{formatMoney(x.paidMinor, x.currency, locale)}</dd>
                </div>
                <div>
                  <dt className="text-sm text-muted">{t("totals.balance")}</dt>
                  <dd className="text-lg font-semibold">{formatMoney(x.balanceMinor, x.currency, locale)}</dd>
                </div>
              </Fragment>
            ))}
          </dl>
        </Card>
      ) : null}

      {!parsed.success ? (
        <p role="alert" className="rounded-md border border-danger p-4 text-sm text-danger">
          {t("filters.invalid")}
        </p>
      ) : result && result.data.length > 0 ? (
        <ScrollRegion label={t("list.title")} className="rounded-lg border border-line bg-surface">
          <table className="w-full text-sm">
            <caption className="sr-only">{t("list.title")}</caption>
            <thead className="bg-surface-2">
              <tr>
                <th scope="col" className="px-3 py-2 text-start">
                  {t("columns.number")}
                </th>
                <th scope="col" className="px-3 py-2 text-start">
                  {t("columns.client")}
                </th>
                <th scope="col" className="hidden px-3 py-2 text-start md:table-cell">
                  {t("columns.period")}
                </th>
                <th scope="col" className="px-3 py-2 text-start">
                  {t("columns.status")}
                </th>
                <th scope="col" className="px-3 py-2 text-end">
                  {t("columns.total")}
                </th>
                <th scope="col" className="hidden px-3 py-2 text-end sm:table-cell">
                  {t("columns.balance")}
                </th>
                <th scope="col" className="hidden px-3 py-2 text-start lg:table-cell">
                  {t("columns.dueDate")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {result.data.map((i) => {
                const status = shownStatus(i.status, i.overdue);
                return (
                  <tr key={i.id} data-testid="invoice-row" data-number={i.number ?? ""}>
                    <td className="px-3 py-2">
                      <Link href={`/energy/invoices/${i.id}`} className="font-semibold text-primary underline underline-offset-2" dir="ltr">
                        {i.number ?? t("draftNumber")}
                      </Link>
                      <div className="text-xs text-muted">
                        {t(`kinds.${i.kind}`)}
                        {i.estimated ? ` · ${t("estimated")}` : ""}
                      </div>
                    </td>
                    <td className="px-3 py-2">
                      {i.client.name}
                      <div className="font-mono text-xs text-muted" dir="ltr">
                        {i.contract.number}
                      </div>
                    </td>
                    <td className="hidden px-3 py-2 md:table-cell">{formatPeriod(i.periodStart, i.periodEnd, locale, "short")}</td>
                    <td className="px-3 py-2">
                      <Badge tone={invoiceStatusTone(i.status, i.overdue)}>{t(`statuses.${status}`)}</Badge>
                    </td>
                    <td className="px-3 py-2 text-end tabular-nums whitespace-nowrap">{formatMoney(i.totalMinor, i.currency, locale)}</td>
                    <td className="hidden px-3 py-2 text-end tabular-nums whitespace-nowrap sm:table-cell">
                      {formatMoney(i.balanceMinor, i.currency, locale)}
                    </td>
                    <td className="hidden px-3 py-2 lg:table-cell">{i.dueDate ? formatDay(i.dueDate, locale) : "—"}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollRegion>
      ) : (
        <p className="rounded-md border border-line bg-surface p-6 text-center text-muted" data-testid="empty">
          {keep.size > 0 ? t("list.empty") : t("list.emptyAll")}
        </p>
      )}
      <CursorPagination
        firstHref={parsed.success && parsed.data.cursor ? (keep.size > 0 ? `?${keep}` : "/energy/invoices") : null}
        nextHref={nextHref}
      />
    </div>
  );
}
