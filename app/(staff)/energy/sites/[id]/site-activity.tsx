import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { SiteEquipmentItem, SiteInterventionItem } from "@/server/energy/sites/site-detail";

const link = "font-semibold text-primary underline underline-offset-2";
const th = "px-3 py-2 text-start";

type Translator = Awaited<ReturnType<typeof getTranslations<"energy">>>;
/** A label from the equipment/maintenance vocabularies, or the raw code when none exists. */
const label = (t: Translator, namespace: string, code: string) => (t.has(`${namespace}.${code}`) ? t(`${namespace}.${code}`) : code);

/** The site's equipment, each linking to its page. */
export async function SiteEquipment({ items, total }: { items: SiteEquipmentItem[]; total: number }) {
  const t = await getTranslations("energy");
  const format = await getFormatter();
  if (items.length === 0) return <p className="text-sm text-muted">{t("sites.detail.noEquipment")}</p>;
  return (
    <>
      <div className="relative overflow-x-auto">
        <table className="w-full text-sm">
          <caption className="sr-only">{t("sites.detail.equipment")}</caption>
          <thead className="bg-surface-2">
            <tr>
              <th scope="col" className={th}>
                {t("sites.detail.equipmentName")}
              </th>
              <th scope="col" className={`${th} hidden sm:table-cell`}>
                {t("sites.columns.type")}
              </th>
              <th scope="col" className={th}>
                {t("sites.detail.equipmentState")}
              </th>
              <th scope="col" className={`${th} hidden md:table-cell`}>
                {t("sites.detail.nextDue")}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {items.map((e) => (
              <tr key={e.id} data-testid="site-equipment-row">
                <td className="px-3 py-2">
                  <Link href={`/energy/equipment/${e.id}`} className={link}>
                    {e.name}
                  </Link>
                </td>
                <td className="hidden px-3 py-2 sm:table-cell">{label(t, "equipmentTypes", e.type)}</td>
                <td className="px-3 py-2">{label(t, "equipmentStates", e.state)}</td>
                <td className="hidden px-3 py-2 md:table-cell">
                  {e.nextDueOn ? format.dateTime(new Date(`${e.nextDueOn}T12:00:00Z`), { dateStyle: "medium" }) : "—"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {total > items.length ? (
        <p className="mt-2 text-sm text-muted">{t("sites.detail.moreEquipment", { shown: items.length, total })}</p>
      ) : null}
    </>
  );
}

/** The site's latest interventions (as far as the reader may see them), each linking to its page. */
export async function SiteInterventions({ items, scopedToMe }: { items: SiteInterventionItem[]; scopedToMe: boolean }) {
  const t = await getTranslations("energy");
  const format = await getFormatter();
  if (items.length === 0) {
    return (
      <p className="text-sm text-muted">{scopedToMe ? t("sites.detail.noAssignedInterventions") : t("sites.detail.noInterventions")}</p>
    );
  }
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full text-sm">
        <caption className="sr-only">{t("sites.detail.interventions")}</caption>
        <thead className="bg-surface-2">
          <tr>
            <th scope="col" className={th}>
              {t("sites.detail.intervention")}
            </th>
            <th scope="col" className={`${th} hidden sm:table-cell`}>
              {t("sites.detail.interventionKind")}
            </th>
            <th scope="col" className={th}>
              {t("sites.columns.status")}
            </th>
            <th scope="col" className={`${th} hidden md:table-cell`}>
              {t("sites.detail.plannedStart")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {items.map((i) => (
            <tr key={i.id} data-testid="site-intervention-row">
              <td className="px-3 py-2">
                <Link href={`/energy/maintenance/${i.id}`} className={link}>
                  {i.title}
                </Link>
                <div className="font-mono text-xs text-muted" dir="ltr">
                  {i.reference}
                </div>
              </td>
              <td className="hidden px-3 py-2 sm:table-cell">{label(t, "interventionKinds", i.kind)}</td>
              <td className="px-3 py-2">{label(t, "interventionStatus", i.status)}</td>
              <td className="hidden px-3 py-2 md:table-cell">
                {format.dateTime(i.plannedStart, { dateStyle: "medium", timeStyle: "short" })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
