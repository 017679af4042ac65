import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { getDb } from "@/db/client";
import { can, type Actor } from "@/server/auth/actor";
import { listSiteMeters } from "@/server/energy/meters/meters-query";
import { unitSymbol } from "../../meters/display";

const th = "px-3 py-2 text-start";
const link = "font-semibold text-primary underline underline-offset-2";

/**
 * The site's meters (`measurements.read`), each linking to its page, with its last reading
 * time in the site's zone; admins (`meters.write`) get "Add a meter" while the site is not
 * decommissioned. Renders nothing for readers without `measurements.read`.
 */
export async function MetersSection({
  siteId,
  actor,
  timeZone,
  decommissioned = false,
}: {
  siteId: string;
  actor: Actor;
  timeZone: string;
  decommissioned?: boolean;
}) {
  if (!can(actor, "measurements.read")) return null;
  const t = await getTranslations("meters");
  const format = await getFormatter();
  const items = await listSiteMeters(await getDb(), actor, siteId);
  const addable = can(actor, "meters.write") && !decommissioned;
  return (
    <section id="meters" aria-labelledby="meters-title" className="scroll-mt-4 rounded-lg border border-line bg-surface p-4">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h2 id="meters-title" className="text-base font-semibold">
          {t("section.title")}
        </h2>
        {addable ? (
          <Link href={`/energy/sites/${siteId}/meters/new`} className={buttonClass("secondary", "min-h-9 px-3 py-1")}>
            {t("section.add")}
          </Link>
        ) : null}
      </div>
      {items.length === 0 ? (
        <p className="text-sm text-muted">{t("section.empty")}</p>
      ) : (
        <div className="relative overflow-x-auto">
          <table className="w-full text-sm">
            <caption className="sr-only">{t("section.title")}</caption>
            <thead className="bg-surface-2">
              <tr>
                <th scope="col" className={th}>
                  {t("columns.meter")}
                </th>
                <th scope="col" className={`${th} hidden sm:table-cell`}>
                  {t("columns.kind")}
                </th>
                <th scope="col" className={`${th} hidden md:table-cell`}>
                  {t("columns.measures")}
                </th>
                <th scope="col" className={th}>
                  {t("columns.lastReading")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {items.map((m) => (
                <tr key={m.id} data-testid="site-meter-row">
                  <td className="px-3 py-2">
                    <Link href={`/energy/meters/${m.id}`} className={link}>
                      {m.name}
                    </Link>
                    <span className="ms-2 font-mono text-xs text-muted" dir="ltr">
                      {m.code}
                    </span>
                    {m.active ? null : (
                      <span className="ms-2">
                        <Badge tone="warning">{t("status.inactive")}</Badge>
                      </span>
                    )}
                  </td>
                  <td className="hidden px-3 py-2 sm:table-cell">{t(`kinds.${m.kind}`)}</td>
                  <td className="hidden px-3 py-2 md:table-cell">
                    {t(`quantities.${m.quantity}`)} · <span dir="ltr">{unitSymbol(m.unit)}</span> · {t(`registers.${m.register}`)}
                  </td>
                  <td className="px-3 py-2">
                    {m.lastReadingAt
                      ? format.dateTime(new Date(m.lastReadingAt), { dateStyle: "short", timeStyle: "short", timeZone })
                      : t("section.never")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
