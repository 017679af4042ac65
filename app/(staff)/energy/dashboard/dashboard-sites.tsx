import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { DashboardSite } from "@/server/energy/dashboard/dashboard";
import { knownZone } from "@/server/energy/equipment/dates";
import { ChangeText } from "./change-text";
import { figureFormat } from "./figures";

/** One row per site of the scope: production and consumption with their change, peaks in the site's time. */
export async function DashboardSites({ sites }: { sites: DashboardSite[] }) {
  const t = await getTranslations("energyDashboard.sites");
  const f = await figureFormat();
  const dash = (
    <>
      <span aria-hidden="true">—</span>
      <span className="sr-only">{t("noData")}</span>
    </>
  );
  const columns = ["site", "production", "consumption", "peakDemand", "peakOutput"] as const;
  return (
    <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-labelledby="dashboard-sites-title">
      <table className="w-full text-sm" data-testid="dashboard-sites">
        <caption id="dashboard-sites-title" className="sr-only">
          {t("title")}
        </caption>
        <thead className="border-b border-line text-xs text-muted">
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col" className={`px-2 py-2 font-semibold ${c === "site" ? "text-start" : "text-end"}`}>
                {t(`columns.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {sites.map((s) => {
            const zone = knownZone(s.timezone);
            return (
              <tr key={s.siteId}>
                <th scope="row" className="px-2 py-2 text-start font-normal">
                  <Link href={`/energy/sites/${s.siteId}/measurements`} className="font-semibold text-primary underline underline-offset-2">
                    {s.name}
                  </Link>
                  <span className="block text-xs text-muted" dir="ltr">
                    {s.code}
                  </span>
                </th>
                {(["production", "consumption"] as const).map((kind) => (
                  <td key={kind} className="px-2 py-2 text-end align-top">
                    <span className="block tabular-nums whitespace-nowrap">
                      {s.meters[kind] === 0 ? dash : (f.energy(s[kind].current) ?? dash)}
                    </span>
                    {s.meters[kind] > 0 ? <ChangeText {...s[kind]} /> : null}
                  </td>
                ))}
                {([s.peakDemand, s.peakOutput] as const).map((peak, i) => (
                  <td key={i} className="px-2 py-2 text-end align-top">
                    {peak ? (
                      <>
                        <span className="block tabular-nums whitespace-nowrap">{f.power(peak.kw)}</span>
                        <span className="block text-xs whitespace-nowrap text-muted">{f.when(peak.at, zone)}</span>
                      </>
                    ) : (
                      dash
                    )}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
