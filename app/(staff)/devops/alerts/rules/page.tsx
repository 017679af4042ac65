import Link from "next/link";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { CursorPagination } from "@/components/ui/cursor-pagination";
import { getDb } from "@/db/client";
import { listMetricRulesQuery } from "@/lib/validation/metric-rules";
import { can } from "@/server/auth/actor";
import { requireUser } from "@/server/auth/guards";
import { listMetricRules } from "@/server/devops/alerts/rules-query";
import { requireTemplate } from "@/server/platform/templates";
import { RulesTable } from "./rules-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("devops.alerts"))("rules.title") };
}

const single = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** Metric rules for monitoring readers; admin and devops (`monitoring.write`) create, edit, enable, disable and delete them. */
export default async function MetricRulesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  requireTemplate("devops");
  const actor = await requireUser("monitoring.read");
  const t = await getTranslations("devops.alerts");
  const raw = await searchParams;
  const parsed = listMetricRulesQuery.safeParse({ cursor: single(raw.cursor), limit: "50" });
  const query = parsed.success ? parsed.data : listMetricRulesQuery.parse({ limit: "50" });
  const { data, next_cursor } = await listMetricRules(await getDb(), actor, query);
  const writable = can(actor, "monitoring.write");
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("rules.title")}
        description={t("rules.description")}
        actions={
          writable ? (
            <Link href="/devops/alerts/rules/new" className={buttonClass("primary")}>
              {t("rules.create")}
            </Link>
          ) : undefined
        }
      />
      <p className="text-sm">
        <Link href="/devops/alerts" className="text-primary underline underline-offset-2">
          {t("backToAlerts")}
        </Link>
      </p>
      {single(raw.saved) ? (
        <p role="status" className="rounded-md border border-success p-3 text-sm text-success">
          {t("rules.saved")}
        </p>
      ) : null}
      {data.length === 0 ? (
        <p className="rounded-md border border-line bg-surface p-6 text-center text-muted" data-testid="empty">
          {t("rules.empty")}
        </p>
      ) : (
        <RulesTable rules={data} writable={writable} />
      )}
      <CursorPagination
        firstHref={query.cursor ? "/devops/alerts/rules" : null}
        nextHref={next_cursor ? `?${new URLSearchParams([["cursor", next_cursor]])}` : null}
      />
    </div>
  );
}
