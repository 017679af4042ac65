import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Badge, PageHeader } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import { getDb } from "@/db/client";
import { kindLabelKey, type NotificationSeverity } from "@/lib/notification-kinds";
import { listNotificationsQuery } from "@/lib/validation/notifications";
import type { UserActor } from "@/server/auth/actor";
import { listNotificationViews, unreadCount } from "@/server/platform/notifications/notifications-service";
import { kindsFor } from "@/server/platform/notifications/preferences-service";
import { MarkAllReadButton, MarkReadButton } from "./mark-read-buttons";
import { CursorPagination } from "@/components/ui/cursor-pagination";

const tones: Record<NotificationSeverity, "info" | "success" | "warning" | "danger"> = {
  info: "info",
  success: "success",
  warning: "warning",
  critical: "danger",
};

/**
 * The signed-in user's notifications page (staff at /notifications, clients at
 * /client/notifications): filters unread/all and kind in the URL, cursor pagination,
 * mark one or all read. Only the caller's own notifications are ever read.
 */
export async function NotificationList({
  actor,
  searchParams,
  basePath,
}: {
  actor: UserActor;
  searchParams: Record<string, string | string[] | undefined>;
  basePath: string;
}) {
  const t = await getTranslations();
  const param = (k: string) => (typeof searchParams[k] === "string" && searchParams[k] !== "" ? searchParams[k] : undefined);
  const parsed = listNotificationsQuery.safeParse({ unread: param("unread"), kind: param("kind"), cursor: param("cursor"), limit: "25" });
  const query = parsed.success ? parsed.data : listNotificationsQuery.parse({ limit: "25" });
  const db = await getDb();
  const { data, next_cursor } = await listNotificationViews(db, actor, query);
  const unread = await unreadCount(db, actor.id);
  const kindLabel = (kind: string) => (t.has(kindLabelKey(kind)) ? t(kindLabelKey(kind)) : kind);
  const keep = new URLSearchParams(
    Object.entries({ unread: query.unread ? "true" : undefined, kind: query.kind }).filter((e): e is [string, string] => !!e[1]),
  );
  const nextHref = next_cursor ? `${basePath}?${new URLSearchParams([...keep, ["cursor", next_cursor]])}` : null;

  return (
    <div className="max-w-3xl">
      <PageHeader
        title={t("notifications.title")}
        description={t("notifications.description")}
        actions={<MarkAllReadButton unread={unread} />}
      />
      <form role="search" action={basePath} className="mb-4 grid gap-3 sm:grid-cols-[1fr_1fr_auto]">
        <label className="sr-only" htmlFor="notifications-unread">
          {t("notifications.page.show")}
        </label>
        <select id="notifications-unread" name="unread" defaultValue={query.unread ? "true" : ""} className={inputClass}>
          <option value="">{t("notifications.page.all")}</option>
          <option value="true">{t("notifications.page.unreadOnly")}</option>
        </select>
        <label className="sr-only" htmlFor="notifications-kind">
          {t("notifications.page.kind")}
        </label>
        <select id="notifications-kind" name="kind" defaultValue={query.kind ?? ""} className={inputClass}>
          <option value="">{t("notifications.page.allKinds")}</option>
          {kindsFor(actor).map((k) => (
            <option key={k.kind} value={k.kind}>
              {kindLabel(k.kind)}
            </option>
          ))}
        </select>
        <button type="submit" className={buttonClass("secondary")}>
          {t("common.filter")}
        </button>
      </form>
      {data.length === 0 ? (
        <p className="rounded-md border border-line bg-surface p-6 text-center text-muted" data-testid="empty">
          {query.unread ? t("notifications.page.emptyUnread") : t("notifications.page.empty")}
        </p>
      ) : (
        <ul aria-label={t("notifications.page.list")} className="space-y-2">
          {data.map((n) => (
            <li
              key={n.id}
              data-testid="notification-item"
              data-read={n.read}
              className={`rounded-lg border bg-surface p-3 ${n.read ? "border-line" : "border-primary"}`}
            >
              <div className="flex flex-wrap items-start justify-between gap-3">
                <div className="min-w-0 flex-1">
                  <h2 className={n.read ? "font-normal" : "font-semibold"}>{n.title}</h2>
                  {n.body ? <p className="mt-1 text-sm">{n.body}</p> : null}
                  <p className="mt-2 flex flex-wrap items-center gap-2 text-xs text-muted">
                    <span>{n.when}</span>
                    <span>{kindLabel(n.kind)}</span>
                    {n.severity !== "info" ? <Badge tone={tones[n.severity]}>{t(`notifications.severity.${n.severity}`)}</Badge> : null}
                    {n.read ? null : <Badge tone="info">{t("notifications.page.unread")}</Badge>}
                  </p>
                </div>
                <div className="flex flex-wrap gap-2">
                  {n.link ? (
                    <Link href={n.link} className={buttonClass("secondary")}>
                      {t("notifications.page.open")}
                    </Link>
                  ) : null}
                  {n.read ? null : <MarkReadButton id={n.id} title={n.title} />}
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
      <CursorPagination className="mt-4 flex gap-3" firstHref={query.cursor ? `${basePath}?${keep}` : null} nextHref={nextHref} />
    </div>
  );
}
