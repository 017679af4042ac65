import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import type { SiteDetail } from "@/server/energy/sites/site-detail";

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-semibold text-muted">{label}</dt>
      <dd className="mt-0.5 break-words">{children}</dd>
    </div>
  );
}

const link = "text-primary underline underline-offset-2";

/** The site's identity, place and figures as a description list. */
export async function SiteOverview({ site, childSites }: { site: SiteDetail; childSites: { id: string; code: string; name: string }[] }) {
  const t = await getTranslations("energy");
  const format = await getFormatter();
  const none = "—";
  const coordinates =
    site.latitude !== null && site.longitude !== null
      ? `${format.number(site.latitude, { maximumFractionDigits: 6 })} / ${format.number(site.longitude, { maximumFractionDigits: 6 })}`
      : none;
  return (
    <dl className="grid gap-4 text-sm sm:grid-cols-2 lg:grid-cols-3">
      <Item label={t("sites.columns.code")}>
        <span className="font-mono" dir="ltr">
          {site.code}
        </span>
      </Item>
      <Item label={t("sites.columns.type")}>{t(`siteTypes.${site.type}`)}</Item>
      <Item label={t("sites.columns.network")}>
        {site.network ? (
          <Link href={`/energy/sites?network=${site.network.id}`} className={link}>
            {site.network.name} ({site.network.code})
          </Link>
        ) : (
          none
        )}
      </Item>
      <Item label={t("sites.columns.parent")}>
        {site.parent ? (
          <Link href={`/energy/sites/${site.parent.id}`} className={link}>
            {site.parent.name} ({site.parent.code})
          </Link>
        ) : (
          none
        )}
      </Item>
      <Item label={t("sites.columns.region")}>{site.region ?? none}</Item>
      <Item label={t("sites.columns.country")}>{t(`countries.${site.country}`)}</Item>
      <Item label={t("sites.columns.address")}>{site.address ?? none}</Item>
      <Item label={t("sites.detail.coordinates")}>
        <span dir="ltr">{coordinates}</span>
      </Item>
      <Item label={t("sites.columns.capacityMw")}>
        {site.capacityMw === null
          ? none
          : t("sites.detail.capacityValue", { value: format.number(site.capacityMw, { maximumFractionDigits: 3 }) })}
      </Item>
      <Item label={t("sites.columns.timezone")}>
        <span dir="ltr">{site.timezone}</span>
      </Item>
      <Item label={t("sites.detail.equipmentCount")}>{format.number(site.counts.equipment)}</Item>
      <Item label={t("sites.detail.openInterventions")}>{format.number(site.counts.openInterventions)}</Item>
      {childSites.length > 0 ? (
        <div className="sm:col-span-2 lg:col-span-3">
          <Item label={t("sites.detail.children")}>
            <ul className="flex flex-wrap gap-x-4 gap-y-1">
              {childSites.map((c) => (
                <li key={c.id}>
                  <Link href={`/energy/sites/${c.id}`} className={link}>
                    {c.name} ({c.code})
                  </Link>
                </li>
              ))}
            </ul>
          </Item>
        </div>
      ) : null}
    </dl>
  );
}
