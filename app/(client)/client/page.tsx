import Link from "next/link";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { formatMoney, formatQuantity } from "@/lib/billing/money";
import { requireUser } from "@/server/auth/guards";
import { loadClientHome, type ClientHome, type ConsumptionComparison } from "@/server/energy/payments/client-space";
import { formatDay } from "@/server/energy/invoices/invoice-format";
import { sandboxEnabled } from "@/server/energy/payments/sandbox";
import { DomainError } from "@/server/platform/errors";
import { formatPeriod, InvoiceStatusBadge } from "./_shared";
import { startPaymentAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("client"))("title") };
}

/** The client's home, 360 px first: what is due and when, then the latest invoice and the consumption trend. */
export default async function ClientHomePage() {
  const actor = await requireUser("client.home");
  const t = await getTranslations();
  const locale = await getLocale();
  let home: ClientHome | null = null;
  try {
    home = await loadClientHome(await getDb(), actor);
  } catch (error) {
    // An account not (or no longer) linked to a client: the page still opens, with nothing due.
    if (!(error instanceof DomainError)) throw error;
  }
  const next = home?.nextDue ?? null;
  return (
    <div className="space-y-4">
      <h1 className="text-base font-semibold text-muted">{t("client.greeting", { name: actor.name })}</h1>

      <section aria-labelledby="due-title" className="rounded-lg border border-line bg-surface p-4 shadow-sm" data-testid="amount-due">
        <h2 id="due-title" className="text-sm font-semibold text-muted">
          {t("client.amountDue")}
        </h2>
        {home && home.due.length > 0 && next ? (
          <>
            {home.due.map((d) => (
              <p key={d.currency} className="mt-1 text-4xl font-bold leading-tight" dir="ltr" data-testid="amount-due-value">
                <bdi>{formatMoney(d.amountMinor, d.currency, locale)}</bdi>
              </p>
            ))}
            {next.dueDate ? (
              <p className={`mt-1 text-lg font-semibold ${next.late ? "text-danger" : ""}`} data-testid="due-date">
                {next.late
                  ? t("clientSpace.home.overdueSince", { date: formatDay(next.dueDate, locale) })
                  : t("clientSpace.home.dueOn", { date: formatDay(next.dueDate, locale) })}
              </p>
            ) : null}
            <div className="mt-4 flex flex-wrap gap-2">
              {sandboxEnabled() ? (
                <form action={startPaymentAction} className="w-full sm:w-auto">
                  <input type="hidden" name="invoiceId" value={next.invoiceId} />
                  <button type="submit" className={buttonClass("primary", "min-h-12 w-full px-6 text-base sm:w-auto")} data-testid="pay">
                    {t("payments.pay", { amount: formatMoney(next.balanceMinor, next.currency, locale) })}
                  </button>
                </form>
              ) : null}
              <Link href={`/client/invoices/${next.invoiceId}`} className={buttonClass("secondary", "min-h-12 w-full sm:w-auto")}>
                {t("clientSpace.home.viewInvoice", { number: next.number ?? "" })}
              </Link>
            </div>
          </>
        ) : (
          <p className="mt-1 text-lg" data-testid="no-invoice">
            {home?.latest ? t("clientSpace.home.nothingDue") : t("client.noInvoice")}
          </p>
        )}
      </section>

      {home?.latest ? (
        <Card title={t("clientSpace.home.latestInvoice")}>
          <div className="space-y-2" data-testid="latest-invoice">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <Link href={`/client/invoices/${home.latest.id}`} className="text-lg font-semibold text-primary underline underline-offset-2">
                {home.latest.number ?? t("clientSpace.invoices.noNumber")}
              </Link>
              <InvoiceStatusBadge status={home.latest.status} late={home.latest.late} />
            </div>
            <p className="text-sm text-muted">{formatPeriod(home.latest.periodStart, home.latest.periodEnd, locale)}</p>
            <p className="text-xl font-semibold" dir="ltr">
              <bdi>{formatMoney(home.latest.totalMinor, home.latest.currency, locale)}</bdi>
            </p>
          </div>
        </Card>
      ) : null}

      {home?.consumption ? <ConsumptionCard comparison={home.consumption} locale={locale} /> : null}

      <nav aria-label={t("clientSpace.home.shortcuts")} className="grid grid-cols-2 gap-2">
        {(
          [
            ["/client/invoices", "clientSpace.nav.invoices"],
            ["/client/contracts", "clientSpace.nav.contracts"],
            ["/client/data", "clientSpace.nav.data"],
            ["/profile", "nav.profile"],
          ] as const
        ).map(([href, key]) => (
          <Link key={href} href={href} className={buttonClass("secondary", "min-h-12 w-full")}>
            {t(key)}
          </Link>
        ))}
      </nav>
    </div>
  );
}

/** This period vs the previous one as two plain bars (no chart library), numbers always written out. */
async function ConsumptionCard({ comparison, locale }: { comparison: ConsumptionComparison; locale: string }) {
  const t = await getTranslations("clientSpace.consumption");
  const rows = [
    ...(comparison.previous ? [{ key: "previous", label: t("previous"), ...comparison.previous }] : []),
    { key: "current", label: comparison.source === "readings" ? t("currentMonth") : t("current"), ...comparison.current },
  ];
  const max = Math.max(1, ...rows.map((r) => r.milli));
  const change =
    comparison.previous && comparison.previous.milli > 0
      ? Math.round(((comparison.current.milli - comparison.previous.milli) / comparison.previous.milli) * 100)
      : null;
  return (
    <Card title={t("title")}>
      <dl className="space-y-3" data-testid="consumption">
        {rows.map((r) => (
          <div key={r.key}>
            <dt className="flex flex-wrap justify-between gap-x-2 text-sm">
              <span className="font-semibold">{r.label}</span>
              <span className="text-muted">{formatPeriod(r.from, r.to, locale)}</span>
            </dt>
            <dd className="mt-1 flex items-center gap-2">
              <span className="block h-4 flex-1 overflow-hidden rounded bg-surface-2" aria-hidden="true">
                <span
                  className={`block h-full rounded ${r.key === "current" ? "bg-primary" : "bg-muted"}`}
                  style={{ width: `${Math.round((r.milli / max) * 100)}%` }}
                />
              </span>
              <span className="min-w-24 text-end text-sm font-semibold tabular-nums" dir="ltr">
                <bdi>{t("kwh", { value: formatQuantity(Math.round(r.milli / 1000) * 1000, locale) })}</bdi>
              </span>
            </dd>
          </div>
        ))}
      </dl>
      {change !== null ? (
        <p className="mt-3 text-sm" data-testid="consumption-change">
          {change === 0 ? t("same") : change > 0 ? t("more", { percent: change }) : t("less", { percent: -change })}
        </p>
      ) : null}
    </Card>
  );
}
