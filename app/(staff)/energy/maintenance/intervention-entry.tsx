import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { statusTone, toneBorder } from "@/components/energy/maintenance/status-style";
import type { InterventionDto } from "@/server/energy/maintenance/intervention-dto";
import { wallClock } from "@/server/energy/maintenance/site-time";

/**
 * One intervention in a calendar cell: a link to its page with the site-local time, the
 * title, the site and the status in words (the colour only repeats it).
 */
export async function InterventionEntry({ item, showSite = true }: { item: InterventionDto; showSite?: boolean }) {
  const t = await getTranslations("energy");
  const { time } = wallClock(new Date(item.plannedStart), item.siteTimezone);
  const tone = statusTone(item.status, item.overdue);
  const status = `${t(`interventionStatus.${item.status}`)}${item.overdue ? ` · ${t("maintenance.overdue")}` : ""}`;
  return (
    <Link
      href={`/energy/maintenance/${item.id}`}
      className={`block min-w-0 rounded border border-line border-s-4 ${toneBorder[tone]} bg-surface px-1.5 py-1 text-xs leading-snug hover:bg-surface-2 ${item.status === "cancelled" ? "text-muted" : ""}`}
      data-testid="calendar-entry"
    >
      <span className="block truncate">
        <span className="font-semibold" dir="ltr">
          {time}
        </span>{" "}
        {item.title}
      </span>
      {showSite ? <span className="block truncate text-muted">{item.siteName}</span> : null}
      <span className={`block truncate ${item.overdue ? "text-danger" : "text-muted"}`}>{status}</span>
    </Link>
  );
}
