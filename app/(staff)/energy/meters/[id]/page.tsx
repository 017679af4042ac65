import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { buttonClass } from "@/components/ui/button";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { can } from "@/server/auth/actor";
import { requireUser } from "@/server/auth/guards";
import { latestReadings, readingVersions } from "@/server/energy/meters/meter-readings";
import { getMeter } from "@/server/energy/meters/meters-query";
import { DomainError } from "@/server/platform/errors";
import { requireTemplate } from "@/server/platform/templates";
import { unitSymbol } from "../display";
import { MeterStatusControl } from "./meter-status-control";
import { ReadingsTable } from "./readings-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("meters"))("detail.title") };
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-semibold text-muted">{label}</dt>
      <dd className="mt-0.5 break-words">{children}</dd>
    </div>
  );
}

const link = "text-primary underline underline-offset-2";

/**
 * One meter (`measurements.read`): its properties, last reading, the latest readings with
 * quality and flags (earlier versions under corrected ones), all times in the site's zone.
 * Admins (`meters.write`) edit, deactivate or reactivate it.
 */
export default async function MeterPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ created?: string; saved?: string }>;
}) {
  requireTemplate("energy");
  const actor = await requireUser("measurements.read");
  const { id } = await params;
  const db = await getDb();
  const meter = await getMeter(db, actor, id).catch((e: unknown) => {
    if (e instanceof DomainError && e.code === "not_found") notFound();
    throw e;
  });
  const rows = await latestReadings(db, actor, meter.id);
  const corrected = rows.filter((r) => r.version > 1).map((r) => r.ts);
  const history = await readingVersions(db, actor, meter.id, corrected);
  const t = await getTranslations("meters");
  const format = await getFormatter();
  const flags = await searchParams;
  const admin = can(actor, "meters.write");
  const timeZone = meter.site.timezone;
  const when = (iso: string | null) =>
    iso ? format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short", timeZone }) : t("section.never");
  const num = (n: number) => format.number(n, { maximumFractionDigits: 3 });
  const symbol = unitSymbol(meter.unit);
  const cumulative = meter.register === "cumulative";
  return (
    <div className="max-w-5xl space-y-6">
      <PageHeader
        title={meter.name}
        description={`${meter.code} · ${t(`kinds.${meter.kind}`)} · ${meter.site.name}`}
        actions={
          <>
            {admin ? (
              <Link href={`/energy/meters/${meter.id}/edit`} className={buttonClass("primary")}>
                {t("detail.edit")}
              </Link>
            ) : null}
            <Link href={`/energy/meters/${meter.id}/forecast`} className={buttonClass("secondary")}>
              {t("detail.forecast")}
            </Link>
          </>
        }
      />
      <p className="text-sm">
        <Link href={`/energy/sites/${meter.site.id}#meters`} className={link}>
          {t("pages.backToSite")}
        </Link>
      </p>
      {flags.created || flags.saved ? (
        <p role="status" className="rounded-md border border-success p-3 text-sm text-success">
          {flags.created ? t("pages.created") : t("pages.saved")}
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone={meter.active ? "success" : "warning"}>{meter.active ? t("status.active") : t("status.inactive")}</Badge>
        {meter.active ? null : <span className="text-sm text-muted">{t("detail.inactiveNotice")}</span>}
      </div>
      <Card title={t("detail.overview")}>
        <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2 lg:grid-cols-3">
          <Item label={t("form.code")}>
            <span className="font-mono" dir="ltr">
              {meter.code}
            </span>
          </Item>
          <Item label={t("detail.site")}>
            <Link href={`/energy/sites/${meter.site.id}`} className={link}>
              {meter.site.name}
            </Link>{" "}
            <span className="text-muted">({meter.site.code})</span>
          </Item>
          <Item label={t("form.equipment")}>
            {meter.equipment ? (
              can(actor, "equipment.read") ? (
                <Link href={`/energy/equipment/${meter.equipment.id}`} className={link}>
                  {meter.equipment.name}
                </Link>
              ) : (
                meter.equipment.name
              )
            ) : (
              t("form.noEquipment")
            )}
          </Item>
          <Item label={t("form.kind")}>{t(`kinds.${meter.kind}`)}</Item>
          <Item label={t("form.quantity")}>
            {t(`quantities.${meter.quantity}`)} (<span dir="ltr">{symbol}</span>)
          </Item>
          <Item label={t("form.carrier")}>{t(`carriers.${meter.carrier}`)}</Item>
          <Item label={t("form.intervalMinutes")}>
            {meter.intervalMinutes === 1440 ? t("form.intervalDay") : t("form.intervalOption", { n: meter.intervalMinutes })}
          </Item>
          <Item label={t("form.register")}>{t(`registers.${meter.register}`)}</Item>
          {cumulative ? (
            <>
              <Item label={t("form.rolloverAt")}>
                {meter.rolloverAt === null ? t("detail.unknown") : <span dir="ltr">{num(meter.rolloverAt)}</span>}
              </Item>
              <Item label={t("form.jitterTolerance")}>
                <span dir="ltr">
                  {num(meter.jitterTolerance)} {symbol}
                </span>
              </Item>
              <Item label={t("detail.lastIndex")}>
                {meter.lastIndex === null ? (
                  t("section.never")
                ) : (
                  <>
                    <span dir="ltr">
                      {num(meter.lastIndex)} {symbol}
                    </span>{" "}
                    <span className="text-muted">({when(meter.lastIndexAt)})</span>
                  </>
                )}
              </Item>
            </>
          ) : null}
          <Item label={t("detail.lastReading")}>{when(meter.lastReadingAt)}</Item>
        </dl>
      </Card>
      <Card title={t("detail.readingsTitle")}>
        <p className="mb-3 text-xs text-muted">{t("detail.readingsHint", { count: rows.length, zone: timeZone })}</p>
        <ReadingsTable rows={rows} history={history} unit={meter.unit} cumulative={cumulative} timeZone={timeZone} />
      </Card>
      {admin ? (
        <Card title={t("detail.statusTitle")}>
          <p className="mb-3 text-sm text-muted">{meter.active ? t("detail.deactivateHint") : t("detail.reactivateHint")}</p>
          <MeterStatusControl id={meter.id} active={meter.active} />
        </Card>
      ) : null}
    </div>
  );
}
