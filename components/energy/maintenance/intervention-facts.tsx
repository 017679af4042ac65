import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { InterventionDto } from "@/server/energy/maintenance/intervention-dto";
import { safeZone } from "@/server/energy/maintenance/site-time";

/**
 * The facts of an intervention as a description list, times on the site's clock (the zone
 * is named). Used by the planning's detail page and the technician's view.
 */
export async function InterventionFacts({ item, links = true, full = true }: { item: InterventionDto; links?: boolean; full?: boolean }) {
  const t = await getTranslations("energy.maintenance.detail");
  const format = await getFormatter();
  const zone = safeZone(item.siteTimezone);
  const when = (iso: string | null) =>
    iso ? format.dateTime(new Date(iso), { dateStyle: "full", timeStyle: "short", timeZone: zone }) : "—";
  const rows: [string, React.ReactNode][] = [
    [
      t("equipment"),
      links ? (
        <Link href={`/energy/equipment/${item.equipmentId}`} className="text-primary underline underline-offset-2">
          {item.equipmentName}
        </Link>
      ) : (
        item.equipmentName
      ),
    ],
    [
      t("site"),
      links ? (
        <Link href={`/energy/sites/${item.siteId}`} className="text-primary underline underline-offset-2">
          {item.siteName}
        </Link>
      ) : (
        item.siteName
      ),
    ],
    [t("address"), item.siteAddress ?? "—"],
    [t("plannedStart"), when(item.plannedStart)],
    [t("plannedEnd"), when(item.plannedEnd)],
    [
      t("timezone"),
      <span key="zone" dir="ltr">
        {zone}
      </span>,
    ],
    [t("duration"), t("minutes", { count: item.plannedDurationMinutes })],
    [t("assignee"), item.assigneeName ?? t("unassigned")],
  ];
  if (full) {
    rows.push(
      [
        t("planDueOn"),
        item.planDueOn ? format.dateTime(new Date(`${item.planDueOn}T12:00:00Z`), { dateStyle: "long", timeZone: "UTC" }) : "—",
      ],
      [t("startedAt"), when(item.startedAt)],
      [t("completedAt"), when(item.completedAt)],
      [t("createdBy"), item.createdBy ?? "—"],
      [t("createdAt"), when(item.createdAt)],
    );
  }
  return (
    <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="font-semibold text-muted">{label}</dt>
          <dd className="mb-2 min-w-0 break-words sm:mb-0">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The report of a done intervention, and its checklist. */
export async function InterventionReport({ item }: { item: InterventionDto }) {
  const t = await getTranslations("energy.maintenance.detail");
  if (!item.report) return null;
  return (
    <div className="space-y-3 text-sm">
      <div>
        <h3 className="font-semibold">{t("reportActions")}</h3>
        <p className="whitespace-pre-line">{item.report.actions}</p>
      </div>
      <div>
        <h3 className="font-semibold">{t("parts")}</h3>
        {item.report.parts.length === 0 ? (
          <p className="text-muted">{t("noParts")}</p>
        ) : (
          <ul className="list-disc ps-5">
            {item.report.parts.map((p, i) => (
              <li key={i}>{t("part", { name: p.name, quantity: p.quantity })}</li>
            ))}
          </ul>
        )}
      </div>
      <p>{t("timeSpentLine", { count: item.report.timeSpentMinutes })}</p>
    </div>
  );
}

/** The checklist, each item with its state in words. */
export async function InterventionChecklist({ item }: { item: InterventionDto }) {
  const t = await getTranslations("energy.maintenance.detail");
  if (item.checklist.length === 0) return <p className="text-sm text-muted">{t("noChecklist")}</p>;
  return (
    <ul className="space-y-1 text-sm">
      {item.checklist.map((c, i) => (
        <li key={i} className="flex items-start gap-2">
          <span aria-hidden="true" className={c.done ? "text-success" : "text-muted"}>
            {c.done ? "✓" : "○"}
          </span>
          <span>
            {c.label} <span className="text-muted">({c.done ? t("checked") : t("unchecked")})</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
