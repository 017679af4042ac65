import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { idSchema } from "@/lib/validation/users";
import { listPageQuery } from "@/lib/validation/webhooks";
import { isWebhookEventType } from "@/lib/webhook-events";
import { requireUser } from "@/server/auth/guards";
import { DomainError } from "@/server/platform/errors";
import { listDeliveries } from "@/server/platform/webhooks/webhooks-query";
import { getWebhook } from "@/server/platform/webhooks/webhooks-service";
import { DeliveryLog } from "../delivery-log";
import { SignatureDocs } from "../signature-docs";
import { WebhookControls } from "../webhook-action-forms";
import { EditWebhookForm } from "../webhook-forms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("webhooks") };
}

/** One webhook: settings, controls, delivery log, and how receivers verify signatures. */
export default async function WebhookPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireUser("integrations.manage");
  const { id } = await params;
  if (!idSchema.safeParse(id).success) notFound();
  const db = await getDb();
  const webhook = await getWebhook(db, actor, id).catch((e: unknown) => {
    if (e instanceof DomainError && e.code === "not_found") notFound();
    throw e;
  });
  const cursor = (await searchParams).cursor;
  const parsed = listPageQuery.safeParse({ cursor: typeof cursor === "string" ? cursor : undefined });
  const query = parsed.success ? parsed.data : listPageQuery.parse({});
  const deliveries = await listDeliveries(db, actor, id, query);
  const t = await getTranslations();
  const format = await getFormatter();
  return (
    <div className="max-w-5xl space-y-6">
      <PageHeader title={t("webhooks.webhook")} description={webhook.description || undefined} />
      <p dir="ltr" className="break-all font-mono text-sm" data-testid="webhook-url">
        {webhook.url}
      </p>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        {webhook.enabled ? <Badge tone="success">{t("webhooks.enabled")}</Badge> : <Badge tone="danger">{t("webhooks.disabled")}</Badge>}
        {webhook.consecutiveFailures > 0 ? (
          <Badge tone="warning">{t("webhooks.failures", { count: webhook.consecutiveFailures })}</Badge>
        ) : null}
        {webhook.disabledAt ? (
          <span className="text-muted">
            {t("webhooks.disabledSince", {
              when: format.dateTime(new Date(webhook.disabledAt), { dateStyle: "medium", timeStyle: "short" }),
            })}
          </span>
        ) : null}
      </div>
      <Card title={t("webhooks.manage")}>
        <WebhookControls id={webhook.id} enabled={webhook.enabled} url={webhook.url} />
      </Card>
      <Card title={t("webhooks.settings")}>
        <EditWebhookForm
          id={webhook.id}
          initial={{ description: webhook.description, eventTypes: webhook.eventTypes.filter(isWebhookEventType) }}
        />
      </Card>
      <DeliveryLog deliveries={deliveries.data} nextCursor={deliveries.next_cursor} paged={!!query.cursor} />
      <SignatureDocs />
    </div>
  );
}
