import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { can } from "@/server/auth/actor";
import { requireUser } from "@/server/auth/guards";
import { latestInterventions, stateHistory } from "@/server/energy/equipment/equipment-detail";
import { getEquipment } from "@/server/energy/equipment/equipment-query";
import { DomainError } from "@/server/platform/errors";
import { requireTemplate } from "@/server/platform/templates";
import { CriticalityBadge, StateBadge, dayText } from "../display";
import { DeleteControl, StateControl } from "./equipment-controls";
import { InterventionList, StateHistoryList } from "./history";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("energy.equipment"))("title") };
}

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-semibold text-muted">{label}</dt>
      <dd className="break-words">{children}</dd>
    </div>
  );
}

/** One equipment: overview, preventive plan, state (and its history), latest interventions. */
export default async function EquipmentPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  requireTemplate("energy");
  const actor = await requireUser("equipment.read");
  const { id } = await params;
  const db = await getDb();
  const item = await getEquipment(db, actor, id).catch((e: unknown) => {
    if (e instanceof DomainError && e.code === "not_found") notFound();
    throw e;
  });
  const [works, history] = await Promise.all([latestInterventions(db, actor, id), stateHistory(db, actor, id)]);
  const t = await getTranslations("energy");
  const format = await getFormatter();
  const flags = await searchParams;
  const admin = can(actor, "equipment.write");
  const none = t("equipment.none");
  const number = (n: number) => format.number(n, { maximumFractionDigits: 1 });
  return (
    <div className="max-w-4xl space-y-6">
      <PageHeader
        title={item.name}
        description={`${t(`equipmentTypes.${item.type}`)} · ${item.site.name}`}
        actions={
          <>
            {admin ? (
              <Link href={`/energy/equipment/${item.id}/edit`} className={buttonClass("primary")}>
                {t("equipment.edit")}
              </Link>
            ) : null}
            <Link href={`/energy/equipment/${item.id}/label`} className={buttonClass("secondary")}>
              {t("equipment.label")}
            </Link>
            {can(actor, "maintenance.write") ? (
              <Link href={`/energy/maintenance/new?equipment=${item.id}`} className={buttonClass("secondary")}>
                {t("equipment.planIntervention")}
              </Link>
            ) : null}
          </>
        }
      />
      {flags.created || flags.saved ? (
        <p role="status" className="rounded-md border border-success p-3 text-sm text-success">
          {flags.created ? t("equipment.created") : t("equipment.saved")}
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-2">
        <StateBadge state={item.state} label={t(`equipmentStates.${item.state}`)} />
        <CriticalityBadge
          criticality={item.criticality}
          label={t("equipment.criticalityIs", { level: t(`criticality.${item.criticality}`) })}
        />
        {item.overdue ? <Badge tone="danger">{t("equipment.overdue")}</Badge> : null}
      </div>
      <Card title={t("equipment.overview")}>
        <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2">
          <Item label={t("equipment.site")}>
            <Link href={`/energy/sites/${item.site.id}`} className="text-primary underline underline-offset-2">
              {item.site.name}
            </Link>{" "}
            <span className="text-muted">({item.site.code})</span>
          </Item>
          <Item label={t("equipment.type")}>{t(`equipmentTypes.${item.type}`)}</Item>
          <Item label={t("equipment.serialNumber")}>
            <span dir="ltr">{item.serialNumber ?? none}</span>
          </Item>
          <Item label={t("equipment.manufacturer")}>{item.manufacturer ?? none}</Item>
          <Item label={t("equipment.model")}>{item.model ?? none}</Item>
          <Item label={t("equipment.commissionedOn")}>{dayText(format, item.commissionedOn, none)}</Item>
          <Item label={t("equipment.operatingHours")}>{t("equipment.hoursValue", { hours: number(item.operatingHours) })}</Item>
        </dl>
      </Card>
      <Card title={t("equipment.plan")}>
        {item.planKind && item.planInterval ? (
          <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2">
            <Item label={t("equipment.planKind")}>{t(`equipment.planEvery.${item.planKind}`, { n: item.planInterval })}</Item>
            <Item label={t("equipment.lastServiceOn")}>{dayText(format, item.lastServiceOn, none)}</Item>
            {item.planKind === "hours" ? (
              <Item label={t("equipment.hoursSinceService")}>
                {t("equipment.hoursValue", { hours: number(item.operatingHours - (item.hoursAtLastService ?? 0)) })}
              </Item>
            ) : null}
            <Item label={t("equipment.nextDue")}>
              <span data-testid="next-due">{dayText(format, item.nextDueOn, t("equipment.notYetDue"))}</span>
              {item.overdue ? <span className="ms-2 text-danger">{t("equipment.overdue")}</span> : null}
            </Item>
          </dl>
        ) : (
          <p className="text-muted">{t("equipment.noPlanYet")}</p>
        )}
      </Card>
      <Card title={t("equipment.stateTitle")}>
        {admin ? <StateControl id={item.id} state={item.state} /> : null}
        <h3 className="mb-2 mt-4 text-sm font-semibold">{t("equipment.stateHistory")}</h3>
        <StateHistoryList rows={history} t={t} format={format} />
      </Card>
      <Card title={t("equipment.interventions")}>
        <InterventionList rows={works} t={t} format={format} />
      </Card>
      {admin ? (
        <Card title={t("equipment.dangerZone")}>
          <p className="mb-3 text-sm text-muted">{t("equipment.deleteHint")}</p>
          <DeleteControl id={item.id} />
        </Card>
      ) : null}
    </div>
  );
}
