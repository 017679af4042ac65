import { getTranslations } from "next-intl/server";
import type { Dashboard } from "@/server/energy/dashboard/dashboard";
import type { Peak } from "@/server/energy/dashboard/dashboard-peak";
import { ChangeText } from "./change-text";
import { figureFormat } from "./figures";

function Kpi({ id, label, value, hint, children }: { id: string; label: string; value: string; hint?: string; children: React.ReactNode }) {
  return (
    <div className="rounded-lg border border-line bg-surface p-4 shadow-sm" data-testid={`kpi-${id}`}>
      <dt className="text-sm font-semibold text-muted">{label}</dt>
      <dd className="mt-1 space-y-1">
        <span className="block text-2xl font-semibold tabular-nums">{value}</span>
        {hint ? <span className="block text-xs text-muted">{hint}</span> : null}
        {children}
      </dd>
    </div>
  );
}

/** The headline figures, each with its change against the previous period and the previous value. */
export async function KpiCards({ dashboard: d }: { dashboard: Dashboard }) {
  const t = await getTranslations("energyDashboard");
  const f = await figureFormat();
  const none = t("kpi.noData");
  const previous = (text: string | null) => <span className="block text-xs text-muted">{t("kpi.previous", { value: text ?? none })}</span>;
  const peak = (id: string, label: string, pair: { current: Peak | null; previous: Peak | null }) => (
    <Kpi
      id={id}
      label={label}
      value={f.power(pair.current?.kw ?? null) ?? none}
      hint={pair.current ? t("kpi.peakAt", { when: f.when(pair.current.at, d.timeZone) }) : undefined}
    >
      <ChangeText current={pair.current?.kw ?? null} previous={pair.previous?.kw ?? null} />
      {previous(f.power(pair.previous?.kw ?? null))}
    </Kpi>
  );
  return (
    <dl className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3">
      <Kpi id="production" label={t("kpi.production")} value={f.energy(d.production.current) ?? none}>
        <ChangeText {...d.production} />
        {previous(f.energy(d.production.previous))}
      </Kpi>
      <Kpi id="consumption" label={t("kpi.consumption")} value={f.energy(d.consumption.current) ?? none}>
        <ChangeText {...d.consumption} />
        {previous(f.energy(d.consumption.previous))}
      </Kpi>
      <Kpi id="renewable" label={t("kpi.renewableShare")} value={f.share(d.renewableShare.current) ?? none} hint={t("kpi.renewableHint")}>
        <ChangeText {...d.renewableShare} points />
        {previous(f.share(d.renewableShare.previous))}
      </Kpi>
      {peak("peak-demand", t("kpi.peakDemand"), d.peakDemand)}
      {peak("peak-output", t("kpi.peakOutput"), d.peakOutput)}
    </dl>
  );
}
