import Link from "next/link";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { SiteStatusBadge } from "@/components/energy/site-status";
import { buttonClass } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { can } from "@/server/auth/actor";
import { requireUser } from "@/server/auth/guards";
import { getSiteDetail, listChildSites, listSiteEquipment, listSiteInterventions } from "@/server/energy/sites/site-detail";
import { DomainError } from "@/server/platform/errors";
import { requireTemplate } from "@/server/platform/templates";
import { DeleteSite } from "./delete-site";
import { SiteEquipment, SiteInterventions } from "./site-activity";
import { SiteOverview } from "./site-overview";
import { StatusControl } from "./status-control";
import { MetersSection } from "./meters-section";
import { StatusHistory } from "./status-history";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("energy"))("sites.title") };
}

/**
 * One site for every reader (`sites.read`): overview, equipment, interventions (all with
 * `maintenance.read`, a technician's own otherwise), status history; admins change the
 * status, edit, or delete a site created by mistake.
 */
export default async function SitePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ created?: string; saved?: string }>;
}) {
  requireTemplate("energy");
  const actor = await requireUser("sites.read");
  const { id } = await params;
  const db = await getDb();
  const site = await getSiteDetail(db, actor, id).catch((e: unknown) => {
    if (e instanceof DomainError && e.code === "not_found") notFound();
    throw e;
  });
  const t = await getTranslations();
  const format = await getFormatter();
  const flags = await searchParams;
  const writable = can(actor, "sites.write") && site.status !== "decommissioned";
  const showEquipment = can(actor, "equipment.read");
  const showInterventions = can(actor, "maintenance.read") || can(actor, "interventions.assigned");
  const [children, equipment, interventions] = await Promise.all([
    listChildSites(db, actor, site.id),
    showEquipment ? listSiteEquipment(db, actor, site.id) : [],
    showInterventions ? listSiteInterventions(db, actor, site.id) : [],
  ]);
  const deletable =
    can(actor, "sites.write") &&
    site.statusHistory.length <= 1 &&
    site.counts.equipment === 0 &&
    site.counts.children === 0 &&
    interventions.length === 0 &&
    site.counts.openInterventions === 0;
  const sections = [
    { id: "overview", label: t("energy.sites.detail.overview") },
    ...(can(actor, "measurements.read") ? [{ id: "meters", label: t("meters.section.title") }] : []),
    ...(showEquipment ? [{ id: "equipment", label: t("energy.sites.detail.equipment") }] : []),
    ...(showInterventions ? [{ id: "interventions", label: t("energy.sites.detail.interventions") }] : []),
    { id: "history", label: t("energy.sites.detail.history") },
  ];

  return (
    <div className="space-y-6">
      <PageHeader
        title={site.name}
        description={`${site.code} · ${t(`energy.siteTypes.${site.type}`)}`}
        actions={
          <>
            {can(actor, "measurements.read") ? (
              <Link href={`/energy/sites/${site.id}/measurements`} className={buttonClass("secondary")}>
                {t("siteMeasurements.tab")}
              </Link>
            ) : null}
            {site.latitude !== null ? (
              <Link href="/energy/map" className={buttonClass("secondary")}>
                {t("energy.map.title")}
              </Link>
            ) : null}
            {writable ? (
              <Link href={`/energy/sites/${site.id}/edit`} className={buttonClass("primary")}>
                {t("energy.sites.detail.edit")}
              </Link>
            ) : null}
          </>
        }
      />
      <p className="text-sm">
        <Link href="/energy/sites" className="text-primary underline underline-offset-2">
          {t("energy.sites.backToList")}
        </Link>
      </p>
      {flags.created || flags.saved ? (
        <p role="status" className="rounded-md border border-success p-3 text-sm text-success">
          {flags.created ? t("energy.sites.created") : t("common.saved")}
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <SiteStatusBadge status={site.status} label={t(`energy.siteStatus.${site.status}`)} />
        <span className="text-muted">
          {t("energy.sites.detail.statusSince", { date: format.dateTime(new Date(site.statusChangedAt), { dateStyle: "medium" }) })}
        </span>
      </div>
      {site.status === "decommissioned" ? (
        <p role="note" className="rounded-md border border-line bg-surface-2 p-3 text-sm">
          {t("energy.sites.detail.decommissionedNotice")}
        </p>
      ) : null}
      <nav aria-label={t("energy.sites.detail.sections")}>
        <ul className="flex flex-wrap gap-2 text-sm">
          {sections.map((s) => (
            <li key={s.id}>
              <a href={`#${s.id}`} className={buttonClass("ghost", "min-h-9 px-3 py-1")}>
                {s.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <section id="overview" aria-labelledby="overview-title" className="scroll-mt-4 rounded-lg border border-line bg-surface p-4">
        <h2 id="overview-title" className="mb-3 text-base font-semibold">
          {t("energy.sites.detail.overview")}
        </h2>
        <SiteOverview site={site} childSites={children} />
      </section>
      <MetersSection siteId={site.id} actor={actor} timeZone={site.timezone} decommissioned={site.status === "decommissioned"} />
      {showEquipment ? (
        <section id="equipment" aria-labelledby="equipment-title" className="scroll-mt-4 rounded-lg border border-line bg-surface p-4">
          <h2 id="equipment-title" className="mb-3 text-base font-semibold">
            {t("energy.sites.detail.equipment")}
          </h2>
          <SiteEquipment items={equipment} total={site.counts.equipment} />
        </section>
      ) : null}
      {showInterventions ? (
        <section
          id="interventions"
          aria-labelledby="interventions-title"
          className="scroll-mt-4 rounded-lg border border-line bg-surface p-4"
        >
          <h2 id="interventions-title" className="mb-3 text-base font-semibold">
            {t("energy.sites.detail.interventions")}
          </h2>
          <SiteInterventions items={interventions} scopedToMe={!can(actor, "maintenance.read")} />
        </section>
      ) : null}
      <section id="history" aria-labelledby="history-title" className="scroll-mt-4 rounded-lg border border-line bg-surface p-4">
        <h2 id="history-title" className="mb-3 text-base font-semibold">
          {t("energy.sites.detail.history")}
        </h2>
        <StatusHistory entries={site.statusHistory} />
      </section>
      {writable ? (
        <Card title={t("energy.sites.status.title")}>
          <StatusControl id={site.id} current={site.status} />
        </Card>
      ) : null}
      {deletable ? (
        <Card title={t("energy.sites.detail.deleteTitle")}>
          <p className="mb-3 text-sm text-muted">{t("energy.sites.detail.deleteHint")}</p>
          <DeleteSite id={site.id} />
        </Card>
      ) : null}
    </div>
  );
}
