import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { ConfirmButton } from "@/components/energy/billing-admin/confirm-button";
import { TariffDefinitionView } from "@/components/energy/billing-admin/tariff-definition";
import { TariffForm } from "@/components/energy/billing-admin/tariff-form";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { can } from "@/server/auth/actor";
import { requireUser } from "@/server/auth/guards";
import { dayIn } from "@/server/energy/equipment/dates";
import { getTariff } from "@/server/energy/tariffs/tariffs-query";
import { lastIssuedPeriodEnd } from "@/server/energy/tariffs/tariffs-service";
import { DomainError } from "@/server/platform/errors";
import { requireTemplate } from "@/server/platform/templates";
import { addTariffVersionAction, setTariffActiveAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("tariffs"))("detail.title") };
}

/**
 * One tariff (`clients.read`): its versions with their validity and a readable rendering of
 * each definition. Admins add a version (JSON, checked on the server) or archive the tariff.
 */
export default async function TariffPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ created?: string; versionAdded?: string }>;
}) {
  requireTemplate("energy");
  const actor = await requireUser("clients.read");
  const { id } = await params;
  const db = await getDb();
  const tariff = await getTariff(db, actor, id).catch((e: unknown) => {
    if (e instanceof DomainError && e.code === "not_found") notFound();
    throw e;
  });
  const write = can(actor, "clients.write");
  const closedUntil = write ? await lastIssuedPeriodEnd(db, tariff.id) : null;
  const t = await getTranslations("tariffs");
  const format = await getFormatter();
  const flags = await searchParams;
  const day = (iso: string) => format.dateTime(new Date(`${iso}T12:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });
  const current = tariff.versions[0];
  const today = dayIn();
  const suggested = current && current.validFrom >= today ? current.validFrom : today;
  return (
    <div className="max-w-5xl space-y-6">
      <PageHeader title={tariff.name} description={`${tariff.code} · ${t(`countries.${tariff.country as "DZ"}`)} · ${tariff.currency}`} />
      <p className="text-sm">
        <Link href="/energy/tariffs" className="text-primary underline underline-offset-2">
          {t("detail.back")}
        </Link>
      </p>
      {flags.created || flags.versionAdded ? (
        <p role="status" className="rounded-md border border-success p-3 text-sm text-success">
          {flags.created ? t("detail.created") : t("detail.versionAdded")}
        </p>
      ) : null}
      <div className="flex flex-wrap items-start gap-3">
        {tariff.preset ? <Badge tone="info">{t("preset")}</Badge> : null}
        <Badge tone={tariff.active ? "success" : "neutral"}>{tariff.active ? t("inUse") : t("archived")}</Badge>
        {write ? (
          <ConfirmButton
            label={tariff.active ? t("detail.archive") : t("detail.restore")}
            question={
              tariff.active ? t("detail.archiveQuestion", { name: tariff.name }) : t("detail.restoreQuestion", { name: tariff.name })
            }
            variant={tariff.active ? "danger" : "primary"}
            action={setTariffActiveAction}
            input={{ id: tariff.id, active: !tariff.active }}
          />
        ) : null}
      </div>
      {tariff.preset ? (
        <p className="rounded-md border border-info p-3 text-sm">
          {t("detail.presetNotice", { source: tariff.source ?? "—", date: tariff.sourceDate ? day(tariff.sourceDate) : "—" })}
        </p>
      ) : null}
      {tariff.description ? <p>{tariff.description}</p> : null}
      <p className="text-sm text-muted">{t("detail.contracts", { count: tariff.contractCount })}</p>

      <section aria-labelledby="versions-title" className="space-y-4">
        <h2 id="versions-title" className="text-lg font-semibold">
          {t("detail.versions")}
        </h2>
        {tariff.versions.map((v) => (
          <Card
            key={v.id}
            headingLevel={3}
            title={
              <span className="flex flex-wrap items-center gap-2">
                {t("detail.version", { n: v.version })}
                <span className="font-normal text-muted">
                  {v.validTo
                    ? t("detail.validRange", { from: day(v.validFrom), to: day(v.validTo) })
                    : t("detail.validFrom", { from: day(v.validFrom) })}
                </span>
                {v.validTo ? null : <Badge tone="success">{t("detail.open")}</Badge>}
              </span>
            }
          >
            {v.note ? <p className="mb-2 text-sm italic">{v.note}</p> : null}
            <TariffDefinitionView definition={v.definition} caption={t("detail.version", { n: v.version })} />
            <p className="mt-3 text-xs text-muted">
              {t("detail.createdBy", {
                who: v.createdBy?.name ?? t("detail.system"),
                when: format.dateTime(new Date(v.createdAt), { dateStyle: "medium", timeStyle: "short" }),
              })}
            </p>
          </Card>
        ))}
      </section>

      {write && tariff.active ? (
        <section aria-labelledby="add-version-title" className="space-y-2">
          <h2 id="add-version-title" className="text-lg font-semibold">
            {t("form.newVersion")}
          </h2>
          <p className="text-sm text-muted">{closedUntil ? t("form.closedUntil", { date: day(closedUntil) }) : t("form.noClosedPeriod")}</p>
          <TariffForm
            tariffId={tariff.id}
            definition={JSON.stringify(current?.definition ?? {}, null, 2)}
            validFrom={suggested}
            action={addTariffVersionAction}
          />
        </section>
      ) : null}
    </div>
  );
}
