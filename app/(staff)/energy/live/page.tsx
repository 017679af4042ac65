import Link from "next/link";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { ChartPoint } from "@/components/energy/series-chart";
import { buttonClass } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { Select } from "@/components/ui/field";
import { getDb } from "@/db/client";
import { meterKinds, type MeterKind } from "@/lib/validation/meters";
import { requireUser } from "@/server/auth/guards";
import { liveInitialPoints } from "@/server/energy/dashboard/live-initial";
import { scopeOptions } from "@/server/energy/dashboard/scope-options";
import { measurementsSite } from "@/server/energy/dashboard/site-meters";
import { resolveTarget } from "@/server/energy/readings/series-target";
import { DomainError } from "@/server/platform/errors";
import { requireTemplate } from "@/server/platform/templates";
import { LiveView } from "./live-view";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("liveView"))("title") };
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const orNotFound = (e: unknown): never => {
  if (e instanceof DomainError && e.code === "not_found") notFound();
  throw e;
};

/**
 * The live view of a site's meters (sharing one unit) or of one meter (`measurements.read`):
 * the last two hours of raw readings, then new ones as the readings stream delivers them.
 * Without `site` or `meter`: a site picker.
 */
export default async function LivePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  requireTemplate("energy");
  const actor = await requireUser("measurements.read");
  const params = await searchParams;
  const site = one(params.site)?.trim() || undefined;
  const meter = one(params.meter)?.trim() || undefined;
  const kindParam = one(params.kind);
  const kind = (meterKinds as readonly string[]).includes(kindParam ?? "") ? (kindParam as MeterKind) : undefined;
  const t = await getTranslations("liveView");
  const tu = await getTranslations("readingsUi");
  const db = await getDb();

  if (!site && !meter) {
    const options = await scopeOptions(db, actor);
    const sites = options.sites.filter((s) => s.meters > 0);
    return (
      <div className="space-y-6">
        <PageHeader title={t("title")} description={t("description")} />
        {sites.length === 0 ? (
          <p className="rounded-md border border-line bg-surface p-6 text-center text-muted" data-testid="empty">
            {t("noMetersAnywhere")}
          </p>
        ) : (
          <Card title={t("pickTitle")}>
            <form method="get" className="flex flex-wrap items-end gap-3">
              <div className="w-full space-y-1 sm:w-80">
                <label htmlFor="live-site" className="block text-sm font-semibold">
                  {t("site")}
                </label>
                <Select id="live-site" name="site" required>
                  {sites.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name} ({s.code})
                    </option>
                  ))}
                </Select>
              </div>
              <button type="submit" className={buttonClass("primary")}>
                {t("open")}
              </button>
            </form>
          </Card>
        )}
      </div>
    );
  }

  const target = await resolveTarget(db, { siteId: meter ? undefined : site, meterId: meter, kind }, null).catch(orNotFound);
  const data = await measurementsSite(db, actor, target.site.id).catch(orNotFound);
  const meters = target.meters.map((m) => ({
    id: m.id,
    code: m.code,
    name: m.name,
    intervalMinutes: data.meters.find((x) => x.id === m.id)?.intervalMinutes ?? 15,
  }));
  const now = new Date();
  const points = await liveInitialPoints(
    db,
    actor,
    meters.map((m) => m.id),
    now,
  );
  const initial: Record<string, ChartPoint[]> = Object.fromEntries(
    meters.map((m) => [
      m.id,
      points
        .filter((p) => p.meterId === m.id)
        .map((p) => ({
          ms: p.ms,
          value: p.value,
          quality: p.quality === "estimated" || p.quality === "corrected" ? p.quality : ("measured" as const),
        })),
    ]),
  );
  const query = new URLSearchParams(meter ? { meter: target.meters[0]?.id ?? meter } : { site: target.site.id });
  if (!meter && kind) query.set("kind", kind);
  const title =
    target.type === "meter" ? t("titleMeter", { meter: target.meters[0]?.code ?? "" }) : t("titleSite", { site: target.site.name });

  return (
    <div className="space-y-6">
      <PageHeader
        title={title}
        description={t("windowNote", { zone: data.site.timezone })}
        actions={
          <Link href={`/energy/sites/${target.site.id}/measurements`} className={buttonClass("secondary")}>
            {t("measurementsLink")}
          </Link>
        }
      />
      {target.type === "meter" ? (
        <p className="text-sm">
          <Link href={`/energy/live?site=${target.site.id}`} className="text-primary underline underline-offset-2">
            {t("wholeSite", { site: target.site.name })}
          </Link>
        </p>
      ) : null}
      {meters.length === 0 ? (
        <p className="rounded-md border border-line bg-surface p-6 text-center text-muted" data-testid="empty">
          {t("noMeters")}
        </p>
      ) : (
        <Card>
          <LiveView
            query={query.toString()}
            meters={meters}
            initial={initial}
            serverNow={now.getTime()}
            timeZone={data.site.timezone}
            unitLabel={target.unit ? tu(`unitSymbols.${target.unit}`) : ""}
          />
        </Card>
      )}
      {target.excluded.length > 0 ? (
        <Card title={t("otherUnits")}>
          <ul className="flex flex-wrap gap-2 text-sm">
            {target.excluded.map((m) => (
              <li key={m.id}>
                <Link href={`/energy/live?meter=${m.id}`} className={buttonClass("secondary", "min-h-9 px-3 py-1")}>
                  {m.code} ({tu(`unitSymbols.${m.unit}`)})
                </Link>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  );
}
