import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { HistoryEntry, SentNotification } from "@/server/energy/maintenance/intervention-history";

/** The intervention's audit trail, oldest first: when, what (translated), who, which fields changed. */
export async function InterventionHistoryList({ entries, auditHref }: { entries: HistoryEntry[]; auditHref: string | null }) {
  const t = await getTranslations();
  const format = await getFormatter();
  const action = (code: string) => (t.has(`audit.actions.${code}`) ? t(`audit.actions.${code}`) : code);
  return (
    <div className="space-y-3">
      {entries.length === 0 ? (
        <p className="text-sm text-muted">{t("energy.maintenance.detail.historyEmpty")}</p>
      ) : (
        <ol className="space-y-2 text-sm" data-testid="intervention-history">
          {entries.map((e) => (
            <li key={e.id} className="border-s-2 border-line ps-3">
              <p>
                <span className="font-semibold">{action(e.action)}</span>
                <span className="text-muted"> · {format.dateTime(new Date(e.at), { dateStyle: "medium", timeStyle: "short" })}</span>
              </p>
              <p className="text-muted">
                {t("energy.maintenance.detail.by", { actor: e.actorLabel ?? t(`audit.actorTypes.${e.actorType}`) })}
                {e.changes && Object.keys(e.changes).length > 0 ? (
                  <>
                    {" · "}
                    {t("energy.maintenance.detail.fields", { fields: Object.keys(e.changes).join(", ") })}
                  </>
                ) : null}
              </p>
            </li>
          ))}
        </ol>
      )}
      {auditHref ? (
        <Link href={auditHref} className="inline-block text-sm text-primary underline underline-offset-2">
          {t("energy.maintenance.detail.auditLink")}
        </Link>
      ) : null}
    </div>
  );
}

/** Who was notified about the intervention, with what, when, and whether it was read. */
export async function SentNotificationsList({ items }: { items: SentNotification[] }) {
  const t = await getTranslations();
  const format = await getFormatter();
  if (items.length === 0) return <p className="text-sm text-muted">{t("energy.maintenance.detail.notificationsEmpty")}</p>;
  return (
    <ul className="space-y-2 text-sm" data-testid="sent-notifications">
      {items.map((n) => (
        <li key={n.id} className="border-s-2 border-line ps-3">
          <span className="font-semibold">{t(`notifications.kinds.${n.kind}`)}</span>
          {" · "}
          {t("energy.maintenance.detail.sentTo", { name: n.recipient })}
          <span className="text-muted">
            {" · "}
            {format.dateTime(new Date(n.at), { dateStyle: "medium", timeStyle: "short" })}
            {" · "}
            {n.read ? t("energy.maintenance.detail.read") : t("energy.maintenance.detail.unread")}
          </span>
        </li>
      ))}
    </ul>
  );
}
