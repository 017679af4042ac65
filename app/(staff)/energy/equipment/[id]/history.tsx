import Link from "next/link";
import type { getFormatter, getTranslations } from "next-intl/server";
import type { EquipmentInterventionDto, StateChangeDto } from "@/server/energy/equipment/equipment-detail";

type T = Awaited<ReturnType<typeof getTranslations<"energy">>>;
type F = Awaited<ReturnType<typeof getFormatter>>;
const when = (format: F, iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" });

export function StateHistoryList({ rows, t, format }: { rows: StateChangeDto[]; t: T; format: F }) {
  if (rows.length === 0) return <p className="text-sm text-muted">{t("equipment.noStateHistory")}</p>;
  return (
    <ol className="space-y-2 text-sm">
      {rows.map((r) => (
        <li key={`${r.at}-${r.to}`} className="rounded-md border border-line p-2">
          <p>
            {r.from
              ? t("equipment.stateFromTo", { from: t(`equipmentStates.${r.from}`), to: t(`equipmentStates.${r.to}`) })
              : t(`equipmentStates.${r.to}`)}
          </p>
          <p className="text-xs text-muted">
            <time dateTime={r.at}>{when(format, r.at)}</time>
            {r.by ? ` · ${r.by}` : ""}
          </p>
          {r.reason ? <p className="mt-1">{r.reason}</p> : null}
        </li>
      ))}
    </ol>
  );
}

export function InterventionList({ rows, t, format }: { rows: EquipmentInterventionDto[]; t: T; format: F }) {
  if (rows.length === 0) return <p className="text-sm text-muted">{t("equipment.noInterventions")}</p>;
  return (
    <ul className="divide-y divide-line text-sm">
      {rows.map((w) => (
        <li key={w.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-2">
          <span className="min-w-0">
            <Link href={`/energy/maintenance/${w.id}`} className="font-semibold text-primary underline underline-offset-2">
              <span dir="ltr">{w.reference}</span> — {w.title}
            </Link>
            <span className="block text-xs text-muted">
              {t(`equipment.interventionKinds.${w.kind}`)}
              {w.assigneeName ? ` · ${w.assigneeName}` : ""}
            </span>
          </span>
          <span className="text-xs text-muted">
            {t(`equipment.interventionStatuses.${w.status}`)} · <time dateTime={w.plannedStart}>{when(format, w.plannedStart)}</time>
          </span>
        </li>
      ))}
    </ul>
  );
}
