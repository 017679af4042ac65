import Link from "next/link";
import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Badge, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { listPageQuery } from "@/lib/validation/webhooks";
import { requireUser } from "@/server/auth/guards";
import { listWebhooks } from "@/server/platform/webhooks/webhooks-query";
import { deliveryTone } from "./delivery-log";
import { CursorPagination } from "@/components/ui/cursor-pagination";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("webhooks") };
}

/** Admins: outgoing webhooks with their state and latest delivery. */
export default async function WebhooksPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireUser("integrations.manage");
  const t = await getTranslations();
  const format = await getFormatter();
  const params = await searchParams;
  const parsed = listPageQuery.safeParse({ cursor: typeof params.cursor === "string" ? params.cursor : undefined });
  const query = parsed.success ? parsed.data : listPageQuery.parse({});
  const { data, next_cursor } = await listWebhooks(await getDb(), actor, query);
  return (
    <div className="space-y-4">
      <PageHeader
        title={t("webhooks.title")}
        description={t("webhooks.description")}
        actions={
          <Link href="/admin/webhooks/new" className={buttonClass("primary")}>
            {t("webhooks.create")}
          </Link>
        }
      />
      {params.deleted ? (
        <p role="status" className="rounded-md border border-success p-3 text-sm text-success">
          {t("webhooks.deleted")}
        </p>
      ) : null}
      {data.length === 0 ? (
        <p className="rounded-md border border-line bg-surface p-6 text-center text-muted" data-testid="empty">
          {t("webhooks.empty")}
        </p>
      ) : (
        <ul className="space-y-3">
          {data.map((w) => (
            <li key={w.id} className="space-y-2 rounded-lg border border-line bg-surface p-4" data-testid="webhook-row">
              <div className="flex flex-wrap items-center gap-2">
                <Link
                  href={`/admin/webhooks/${w.id}`}
                  dir="ltr"
                  className="break-all font-semibold text-primary underline underline-offset-2"
                >
                  {w.url}
                </Link>
                {w.enabled ? <Badge tone="success">{t("webhooks.enabled")}</Badge> : <Badge tone="danger">{t("webhooks.disabled")}</Badge>}
                {w.consecutiveFailures > 0 ? (
                  <Badge tone="warning">{t("webhooks.failures", { count: w.consecutiveFailures })}</Badge>
                ) : null}
              </div>
              {w.description ? <p className="text-sm">{w.description}</p> : null}
              <p className="text-sm text-muted" dir="ltr">
                {w.eventTypes.join(" · ")}
              </p>
              <dl className="flex flex-wrap items-center gap-x-2 text-sm">
                <dt className="text-muted">{t("webhooks.lastDelivery")}</dt>
                <dd className="flex flex-wrap items-center gap-2">
                  {w.lastDelivery ? (
                    <>
                      <Badge tone={deliveryTone(w.lastDelivery.status)}>{t(`webhooks.deliveryStatus.${w.lastDelivery.status}`)}</Badge>
                      {w.lastDelivery.responseStatus ? <code dir="ltr">{w.lastDelivery.responseStatus}</code> : null}
                      <span>{format.dateTime(new Date(w.lastDelivery.at), { dateStyle: "medium", timeStyle: "short" })}</span>
                    </>
                  ) : (
                    t("webhooks.noDelivery")
                  )}
                </dd>
              </dl>
            </li>
          ))}
        </ul>
      )}
      <CursorPagination
        className="flex gap-3"
        firstHref={query.cursor ? "?" : null}
        nextHref={next_cursor ? `?cursor=${encodeURIComponent(next_cursor)}` : null}
      />
    </div>
  );
}
