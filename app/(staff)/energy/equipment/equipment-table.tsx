import Link from "next/link";
import type { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/card";
import type { EquipmentDto } from "@/server/energy/equipment/dto";
import { CriticalityBadge, StateBadge, dayText } from "./display";

type T = Awaited<ReturnType<typeof getTranslations<"energy">>>;
type F = Awaited<ReturnType<typeof getFormatter>>;

/** The equipment list; scrolls sideways inside its frame on narrow screens. */
export function EquipmentTable({ rows, t, format }: { rows: EquipmentDto[]; t: T; format: F }) {
  const th = "px-3 py-2 text-start font-semibold";
  return (
    <div className="relative overflow-x-auto rounded-lg border border-line bg-surface">
      <table className="w-full text-sm">
        <caption className="sr-only">{t("equipment.title")}</caption>
        <thead className="bg-surface-2">
          <tr>
            <th scope="col" className={th}>
              {t("equipment.name")}
            </th>
            <th scope="col" className={th}>
              {t("equipment.site")}
            </th>
            <th scope="col" className={th}>
              {t("equipment.type")}
            </th>
            <th scope="col" className={th}>
              {t("equipment.state")}
            </th>
            <th scope="col" className={th}>
              {t("equipment.criticality")}
            </th>
            <th scope="col" className={th}>
              {t("equipment.nextDue")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {rows.map((e) => (
            <tr key={e.id} data-testid="equipment-row">
              <td className="px-3 py-2">
                <Link href={`/energy/equipment/${e.id}`} className="font-semibold text-primary underline underline-offset-2">
                  {e.name}
                </Link>
                {e.serialNumber ? (
                  <span className="block text-xs text-muted" dir="ltr">
                    {e.serialNumber}
                  </span>
                ) : null}
              </td>
              <td className="px-3 py-2">{e.site.name}</td>
              <td className="px-3 py-2">{t(`equipmentTypes.${e.type}`)}</td>
              <td className="px-3 py-2">
                <StateBadge state={e.state} label={t(`equipmentStates.${e.state}`)} />
              </td>
              <td className="px-3 py-2">
                <CriticalityBadge criticality={e.criticality} label={t(`criticality.${e.criticality}`)} />
              </td>
              <td className="px-3 py-2 whitespace-nowrap">
                {e.planKind ? (
                  dayText(format, e.nextDueOn, t("equipment.notYetDue"))
                ) : (
                  <span className="text-muted">{t("equipment.noPlan")}</span>
                )}
                {e.overdue ? (
                  <span className="ms-2">
                    <Badge tone="danger">{t("equipment.overdue")}</Badge>
                  </span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
