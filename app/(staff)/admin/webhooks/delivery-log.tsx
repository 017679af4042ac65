import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/card";
import type { DeliveryDto } from "@/server/platform/webhooks/webhooks-query";
import { CursorPagination } from "@/components/ui/cursor-pagination";

const tones: Record<string, "neutral" | "info" | "success" | "danger" | "warning"> = {
  pending: "neutral",
  retrying: "warning",
  succeeded: "success",
  failed: "danger",
  skipped: "neutral",
};
export const deliveryTone = (status: string) => tones[status] ?? "neutral";

/** One page of a webhook's deliveries, newest first (one row per event; attempts counted on it). */
export async function DeliveryLog({
  deliveries,
  nextCursor,
  paged,
}: {
  deliveries: DeliveryDto[];
  nextCursor: string | null;
  paged: boolean;
}) {
  const t = await getTranslations();
  const format = await getFormatter();
  const th = "px-3 py-2 text-start";
  return (
    <section aria-labelledby="deliveries-title" className="space-y-3">
      <h2 id="deliveries-title" className="text-lg font-semibold">
        {t("webhooks.deliveries")}
      </h2>
      {deliveries.length === 0 ? (
        <p className="rounded-md border border-line bg-surface p-6 text-center text-muted">{t("webhooks.noDelivery")}</p>
      ) : (
        <div className="relative overflow-x-auto rounded-lg border border-line bg-surface">
          <table className="w-full text-sm">
            <caption className="sr-only">{t("webhooks.deliveries")}</caption>
            <thead className="bg-surface-2">
              <tr>
                {(["time", "event", "status", "response", "attempts", "duration", "error"] as const).map((c) => (
                  <th key={c} scope="col" className={th}>
                    {t(`webhooks.columns.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {deliveries.map((d) => (
                <tr key={d.id} data-testid="delivery-row" className="align-top">
                  <td className="px-3 py-2 whitespace-nowrap">
                    {format.dateTime(new Date(d.lastAttemptAt ?? d.createdAt), { dateStyle: "medium", timeStyle: "medium" })}
                  </td>
                  <td className="px-3 py-2">
                    <code dir="ltr">{d.eventType}</code>
                  </td>
                  <td className="px-3 py-2">
                    <Badge tone={deliveryTone(d.status)}>{t(`webhooks.deliveryStatus.${d.status}`)}</Badge>
                  </td>
                  <td className="px-3 py-2 tabular-nums" data-testid="delivery-response">
                    {d.responseStatus ?? "—"}
                  </td>
                  <td className="px-3 py-2 tabular-nums" data-testid="delivery-attempts">
                    {format.number(d.attempts)}
                  </td>
                  <td className="px-3 py-2 tabular-nums whitespace-nowrap">
                    {d.durationMs === null ? "—" : t("webhooks.milliseconds", { ms: d.durationMs })}
                  </td>
                  <td className="max-w-xs break-words px-3 py-2 text-danger" dir="ltr">
                    {d.error ?? ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <CursorPagination
        className="flex gap-3"
        firstHref={paged ? "?" : null}
        nextHref={nextCursor ? `?cursor=${encodeURIComponent(nextCursor)}` : null}
      />
    </section>
  );
}
