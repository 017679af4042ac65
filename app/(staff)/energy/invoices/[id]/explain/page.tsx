import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { getDb } from "@/db/client";
import { formatMoney, formatQuantity } from "@/lib/billing/money";
import { requireUser } from "@/server/auth/guards";
import { explainInvoice, type InvoiceExplanation } from "@/server/energy/invoices/explain";
import { formatDay, formatNumber, formatPeriod } from "@/server/energy/invoices/invoice-format";
import { lineLabeller } from "@/server/energy/invoices/line-label";
import { DomainError } from "@/server/platform/errors";
import { requireTemplate } from "@/server/platform/templates";

type Params = Promise<{ id: string }>;

async function load(id: string): Promise<InvoiceExplanation> {
  const actor = await requireUser("invoices.read");
  try {
    return await explainInvoice(await getDb(), actor, id);
  } catch (error) {
    if (error instanceof DomainError && error.status === 404) notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const t = await getTranslations("invoices");
  const { invoice } = await load((await params).id);
  return { title: t("explain.title", { number: invoice.number ?? t("draftNumber") }) };
}

/**
 * "Explain this bill" (`invoices.read`): each line traced to what it was computed from: meters,
 * readings received vs expected, estimated share, the daily consumption of each meter over the
 * line's period with its estimated and corrected readings; regularisations link the invoice they correct.
 */
export default async function ExplainInvoicePage({ params }: { params: Params }) {
  requireTemplate("energy");
  const { id } = await params;
  const { invoice, lines } = await load(id);
  const t = await getTranslations("invoices");
  const locale = await getLocale();
  const label = await lineLabeller();
  const number = invoice.number ?? t("draftNumber");
  const percent = (share: number) => `${formatNumber(share * 100, locale, 1)} %`;

  return (
    <div className="space-y-6">
      <PageHeader
        title={t("explain.title", { number })}
        description={t("explain.description")}
        actions={
          <Link href={`/energy/invoices/${invoice.id}`} className={buttonClass("secondary")}>
            {t("explain.back")}
          </Link>
        }
      />
      {lines.map((x) => (
        <Card
          key={x.line.id}
          title={
            <>
              {label(x.line)} {x.line.estimated ? <Badge tone="warning">{t("estimated")}</Badge> : null}
            </>
          }
        >
          <dl className="grid gap-3 text-sm sm:grid-cols-2 lg:grid-cols-4">
            <div>
              <dt className="text-muted">{t("explain.period")}</dt>
              <dd className="font-semibold">{formatPeriod(x.from, x.to, locale) || "—"}</dd>
            </div>
            <div>
              <dt className="text-muted">{t("explain.quantity")}</dt>
              <dd className="font-semibold">
                {formatQuantity(x.line.quantityMilli, locale)} {t(`units.${x.line.unit}`)}
              </dd>
            </div>
            <div>
              <dt className="text-muted">{t("explain.amount")}</dt>
              <dd className="font-semibold">{formatMoney(x.line.amountMinor, invoice.currency, locale)}</dd>
            </div>
            {x.readings !== null && x.expected !== null ? (
              <div>
                <dt className="text-muted">{t("explain.readings")}</dt>
                <dd className="font-semibold">
                  {t("explain.readingsValue", { readings: x.readings, expected: x.expected })}
                  {x.expected > 0 ? ` (${percent(Math.min(1, x.readings / x.expected))})` : ""}
                </dd>
              </div>
            ) : null}
            {x.estimatedShare !== null ? (
              <div>
                <dt className="text-muted">{t("explain.estimatedShare")}</dt>
                <dd className="font-semibold">{percent(x.estimatedShare)}</dd>
              </div>
            ) : null}
            {x.adjusts ? (
              <div>
                <dt className="text-muted">{t("explain.adjusts")}</dt>
                <dd className="font-semibold">
                  <Link href={`/energy/invoices/${x.adjusts.id}`} className="text-primary underline underline-offset-2" dir="ltr">
                    {x.adjusts.number ?? t("draftNumber")}
                  </Link>{" "}
                  ({formatPeriod(x.adjusts.periodStart, x.adjusts.periodEnd, locale, "short")})
                </dd>
              </div>
            ) : null}
          </dl>
          {x.meters.length === 0 && x.line.kind !== "energy" && !x.adjusts ? (
            <p className="mt-3 text-sm text-muted">{t(`explain.kindHelp.${x.line.kind}`)}</p>
          ) : null}
          {x.meters.map((m) => (
            <section key={m.id} aria-labelledby={`m-${x.line.id}-${m.id}`} className="mt-4">
              <h3 id={`m-${x.line.id}-${m.id}`} className="mb-2 font-semibold">
                {t("explain.meter", { code: m.code })}
                {m.name ? <span className="font-normal text-muted"> · {m.name}</span> : null}
              </h3>
              <p className="mb-2 text-sm">
                {t("explain.meterSummary", {
                  kwh: formatNumber(m.kwh, locale, 3),
                  readings: m.readings,
                  estimated: m.estimatedReadings,
                  corrected: m.correctedReadings,
                })}
              </p>
              {m.days.length ? (
                <ScrollRegion label={t("explain.daily", { code: m.code })} className="max-h-80 overflow-y-auto rounded border border-line">
                  <table className="w-full text-sm">
                    <caption className="sr-only">{t("explain.daily", { code: m.code })}</caption>
                    <thead className="sticky top-0 bg-surface-2">
                      <tr>
                        <th scope="col" className="px-3 py-1 text-start">
                          {t("explain.day")}
                        </th>
                        <th scope="col" className="px-3 py-1 text-end">
                          {t("explain.kwh")}
                        </th>
                        <th scope="col" className="px-3 py-1 text-end">
                          {t("explain.readingsCol")}
                        </th>
                        <th scope="col" className="px-3 py-1 text-end">
                          {t("explain.estimatedCol")}
                        </th>
                        <th scope="col" className="px-3 py-1 text-end">
                          {t("explain.correctedCol")}
                        </th>
                      </tr>
                    </thead>
                    <tbody className="divide-y divide-line">
                      {m.days.map((d) => (
                        <tr key={d.day}>
                          <td className="px-3 py-1 whitespace-nowrap">{formatDay(d.day, locale, "short")}</td>
                          <td className="px-3 py-1 text-end tabular-nums">{formatNumber(d.kwh, locale, 3)}</td>
                          <td className="px-3 py-1 text-end tabular-nums">{d.readings}</td>
                          <td className={`px-3 py-1 text-end tabular-nums ${d.estimated ? "text-warning font-semibold" : ""}`}>
                            {d.estimated}
                          </td>
                          <td className="px-3 py-1 text-end tabular-nums">{d.corrected}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </ScrollRegion>
              ) : (
                <p className="text-sm text-muted">{t("explain.noDaily")}</p>
              )}
            </section>
          ))}
        </Card>
      ))}
    </div>
  );
}
