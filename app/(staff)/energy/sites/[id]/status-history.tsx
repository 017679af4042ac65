import { getFormatter, getTranslations } from "next-intl/server";
import { SiteStatusBadge } from "@/components/energy/site-status";
import type { StatusHistoryEntry } from "@/server/energy/sites/site-detail";

/** Every status the site went through, newest first, with when, why and by whom. */
export async function StatusHistory({ entries }: { entries: StatusHistoryEntry[] }) {
  const t = await getTranslations("energy");
  const format = await getFormatter();
  return (
    <ol className="space-y-3" data-testid="status-history">
      {[...entries].reverse().map((h, i) => (
        <li key={`${h.changedAt}-${i}`} className="border-s-2 border-line ps-3 text-sm">
          <div className="flex flex-wrap items-center gap-2">
            <SiteStatusBadge status={h.status} label={t(`siteStatus.${h.status}`)} />
            <time dateTime={h.changedAt} className="text-muted">
              {format.dateTime(new Date(h.changedAt), { dateStyle: "medium", timeStyle: "short" })}
            </time>
          </div>
          <p className="mt-1">{h.reason ?? (i === entries.length - 1 ? t("sites.detail.createdEntry") : "—")}</p>
          {h.changedBy ? <p className="text-xs text-muted">{t("sites.detail.changedBy", { who: h.changedBy })}</p> : null}
        </li>
      ))}
    </ol>
  );
}
