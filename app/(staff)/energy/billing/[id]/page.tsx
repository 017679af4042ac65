import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { getDb } from "@/db/client";
import { requireUser } from "@/server/auth/guards";
import { getBillingRun, type BillingRunDto } from "@/server/energy/billing/billing-run";
import { formatPeriod } from "@/server/energy/invoices/invoice-format";
import { DomainError } from "@/server/platform/errors";
import { requireTemplate } from "@/server/platform/templates";
import { runStatusTone } from "../../invoices/display";
import { RunProgress } from "../run-progress";
import { RunRefresher } from "../run-refresher";

type Params = Promise<{ id: string }>;

async function load(id: string): Promise<BillingRunDto> {
  const actor = await requireUser("invoices.read");
  try {
    return await getBillingRun(await getDb(), actor, id);
  } catch (error) {
    if (error instanceof DomainError && error.status === 404) notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const t = await getTranslations("billingRuns");
  const run = await load((await params).id);
  return { title: t("detail.title", { period: formatPeriod(run.periodStart, run.periodEnd, await getLocale()) }) };
}

/** One billing run (`invoices.read`): progress (refreshed every 2 s until done), counts, errors, its invoices. */
export default async function BillingRunPage({ params }: { params: Params }) {
  requireTemplate("energy");
  const run = await load((await params).id);
  const t = await getTranslations("billingRuns");
  const tb = await getTranslations();
  const locale = await getLocale();
  const format = await getFormatter();
  const active = run.status === "queued" || run.status === "running";
  const when = (at: string | null) => (at ? format.dateTime(new Date(at), { dateStyle: "medium", timeStyle: "short" }) : "—");
  const errorText = (code: string) => (tb.has(`billing.errors.${code}`) ? tb(`billing.errors.${code}`) : code);
  const counts = [
    ["total", run.total],
    ["processed", run.processed],
    ["created", run.created],
    ["updated", run.updated],
    ["skipped", run.skipped],
    ["failed", run.failed],
  ] as const;

  return (
    <div className="space-y-6">
      <RunRefresher active={active} />
      <PageHeader
        title={t("detail.title", { period: formatPeriod(run.periodStart, run.periodEnd, locale) })}
        actions={
          <>
            <Link href="/energy/billing" className={buttonClass("secondary")}>
              {t("detail.back")}
            </Link>
            <Link href={`/energy/invoices?run=${run.id}`} className={buttonClass("primary")}>
              {t("detail.invoices")}
            </Link>
          </>
        }
      />
      <Card title={t("detail.progress")}>
        <div className="flex flex-wrap items-center gap-4" aria-live="polite">
          <Badge tone={runStatusTone(run.status)}>{t(`statuses.${run.status}`)}</Badge>
          <RunProgress run={run} />
        </div>
        <dl className="mt-4 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
          {counts.map(([k, v]) => (
            <div key={k}>
              <dt className="text-sm text-muted">{t(`counts.${k}`)}</dt>
              <dd className="text-lg font-semibold tabular-nums">{v}</dd>
            </div>
          ))}
        </dl>
        <dl className="mt-4 grid gap-3 text-sm sm:grid-cols-3">
          <div>
            <dt className="text-muted">{t("detail.created")}</dt>
            <dd>{when(run.createdAt)}</dd>
          </div>
          <div>
            <dt className="text-muted">{t("detail.started")}</dt>
            <dd>{when(run.startedAt)}</dd>
          </div>
          <div>
            <dt className="text-muted">{t("detail.finished")}</dt>
            <dd>{when(run.finishedAt)}</dd>
          </div>
        </dl>
      </Card>
      <Card title={t("detail.errors")}>
        {run.errors.length ? (
          <ScrollRegion label={t("detail.errors")}>
            <table className="w-full text-sm">
              <caption className="sr-only">{t("detail.errors")}</caption>
              <thead className="bg-surface-2">
                <tr>
                  <th scope="col" className="px-3 py-2 text-start">
                    {t("detail.contract")}
                  </th>
                  <th scope="col" className="px-3 py-2 text-start">
                    {t("detail.error")}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-line">
                {run.errors.map((e, i) => (
                  <tr key={`${e.contractId}-${i}`}>
                    <td className="px-3 py-2">
                      <Link
                        href={`/energy/contracts/${e.contractId}`}
                        className="font-mono text-primary underline underline-offset-2"
                        dir="ltr"
                      >
                        {e.contractId.slice(0, 8)}
                      </Link>
                    </td>
                    <td className="px-3 py-2">
                      {errorText(e.code)}
                      {e.detail ? <div className="text-xs text-muted">{e.detail}</div> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        ) : (
          <p className="text-sm text-muted">{t("detail.noErrors")}</p>
        )}
      </Card>
    </div>
  );
}
