import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { CursorPagination } from "@/components/ui/cursor-pagination";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { getDb } from "@/db/client";
import { can } from "@/server/auth/actor";
import { requireUser } from "@/server/auth/guards";
import { listBillingRuns } from "@/server/energy/billing/billing-run";
import { formatPeriod } from "@/server/energy/invoices/invoice-format";
import { invoiceClientOptions } from "@/server/energy/invoices/invoice-options";
import { requireTemplate } from "@/server/platform/templates";
import { runStatusTone } from "../invoices/display";
import { BillingRunForm } from "./run-form";
import { RunProgress } from "./run-progress";
import { RunRefresher } from "./run-refresher";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("billingRuns"))("title") };
}

/**
 * Billing runs (`invoices.read`): newest first with their progress (the page refreshes itself every
 * 2 s while one is queued or running); admins (`invoices.write`) start a run for a period.
 */
export default async function BillingRunsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  requireTemplate("energy");
  const actor = await requireUser("invoices.read");
  const t = await getTranslations("billingRuns");
  const locale = await getLocale();
  const format = await getFormatter();
  const cursor = (await searchParams).cursor;
  const db = await getDb();
  const [runs, clients] = await Promise.all([
    listBillingRuns(db, actor, { cursor: typeof cursor === "string" ? cursor : undefined, limit: 25 }),
    invoiceClientOptions(db, actor),
  ]);
  const clientName = new Map(clients.map((c) => [c.id, c.name]));
  const active = runs.data.some((r) => r.status === "queued" || r.status === "running");
  const now = new Date();
  const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);

  return (
    <div className="space-y-6">
      <RunRefresher active={active} />
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <Link href="/energy/invoices" className={buttonClass("secondary")}>
            {t("invoices")}
          </Link>
        }
      />
      {can(actor, "invoices.write") ? (
        <Card title={t("form.title")}>
          <BillingRunForm clients={clients} defaultMonth={lastMonth} />
        </Card>
      ) : null}
      <section aria-labelledby="runs-title">
        <h2 id="runs-title" className="mb-3 text-lg font-semibold">
          {t("listTitle")}
        </h2>
        {runs.data.length ? (
          <ScrollRegion label={t("listTitle")} className="rounded-lg border border-line bg-surface">
            <table className="w-full text-sm" aria-busy={active}>
              <caption className="sr-only">{t("listTitle")}</caption>
              <thead className="bg-surface-2">
                <tr>
                  <th scope="col" className="px-3 py-2 text-start">
                    {t("columns.period")}
                  </th>
                  <th scope="col" className="hidden px-3 py-2 text-start md:table-cell">
                    {t("columns.selection")}
                  </th>
                  <th scope="col" className="px-3 py-2 text-start">
                    {t("columns.status")}
                  </th>
                  <th scope="col" className="px-3 py-2 text-start">
                    {t("columns.progress")}
                  </th>
                  <th scope="col" className="hidden px-3 py-2 text-end sm:table-cell">
                    {t("columns.results")}
                  </th>
                  <th scope="col" className="hidden px-3 py-2 text-start lg:table-cell">
                    {t("columns.started")}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-line">
                {runs.data.map((r) => (
                  <tr key={r.id} data-testid="billing-run-row" data-status={r.status}>
                    <td className="px-3 py-2">
                      <Link href={`/energy/billing/${r.id}`} className="font-semibold text-primary underline underline-offset-2">
                        {formatPeriod(r.periodStart, r.periodEnd, locale)}
                      </Link>
                    </td>
                    <td className="hidden px-3 py-2 md:table-cell">
                      {[
                        r.selection.cycle ? t(`cycles.${r.selection.cycle}`) : null,
                        r.selection.clientId ? (clientName.get(r.selection.clientId) ?? r.selection.clientId) : null,
                        r.selection.contractIds?.length ? t("contractsCount", { count: r.selection.contractIds.length }) : null,
                      ]
                        .filter(Boolean)
                        .join(" · ") || t("allContracts")}
                    </td>
                    <td className="px-3 py-2">
                      <Badge tone={runStatusTone(r.status)}>{t(`statuses.${r.status}`)}</Badge>
                    </td>
                    <td className="px-3 py-2">
                      <RunProgress run={r} />
                    </td>
                    <td className="hidden px-3 py-2 text-end tabular-nums sm:table-cell">
                      {t("results", { created: r.created, updated: r.updated, skipped: r.skipped, failed: r.failed })}
                    </td>
                    <td className="hidden px-3 py-2 lg:table-cell">
                      {format.dateTime(new Date(r.startedAt ?? r.createdAt), { dateStyle: "short", timeStyle: "short" })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        ) : (
          <p className="rounded-md border border-line bg-surface p-6 text-center text-muted" data-testid="empty">
            {t("empty")}
          </p>
        )}
        <CursorPagination
          firstHref={typeof cursor === "string" ? "/energy/billing" : null}
          nextHref={runs.next_cursor ? `?cursor=${encodeURIComponent(runs.next_cursor)}` : null}
        />
      </section>
    </div>
  );
}
