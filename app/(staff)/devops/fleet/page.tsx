import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requireUser } from "@/server/auth/guards";
import { fleetFilterOptions, silentServers } from "@/server/devops/monitoring/fleet-lists";
import { fleetSummary, worstMetrics } from "@/server/devops/monitoring/fleet-summary";
import { requireTemplate } from "@/server/platform/templates";
import { FleetFiltersForm } from "./fleet-filters-form";
import { RecentAlerts } from "./recent-alerts";
import { SilentServers } from "./silent-servers";
import { StateCards } from "./state-cards";
import { WorstTable } from "./worst-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("devops.fleet"))("title") };
}

const single = (v: string | string[] | undefined) => ((Array.isArray(v) ? v[0] : v) || undefined)?.slice(0, 120);

/**
 * The fleet at a glance for monitoring readers: servers per state, the hottest servers by
 * last cpu/memory/disk value, the silent ones and the latest alerts; environment and
 * location filters in the URL. Everything is aggregated in SQL from the servers and their
 * series' last values, so it renders fast with thousands of servers.
 */
export default async function FleetPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  requireTemplate("devops");
  const actor = await requireUser("monitoring.read");
  const t = await getTranslations("devops.fleet");
  const raw = await searchParams;
  const filters = { environment: single(raw.environment), location: single(raw.location) };
  const db = await getDb();
  const options = await fleetFilterOptions(db, actor);
  const summary = await fleetSummary(db, actor, filters, { worst: 10, alerts: 10 });
  const silent = await silentServers(db, actor, filters, 25);
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      <FleetFiltersForm values={filters} options={options} />
      <StateCards counts={summary.counts} />
      <section aria-labelledby="worst-title" className="space-y-3">
        <h2 id="worst-title" className="text-lg font-semibold">
          {t("worst.title")}
        </h2>
        <div className="grid gap-4 xl:grid-cols-3">
          {worstMetrics.map((m) => (
            <WorstTable key={m} metric={m} rows={summary.worst[m]} />
          ))}
        </div>
      </section>
      <section aria-labelledby="silent-title" className="space-y-3">
        <h2 id="silent-title" className="text-lg font-semibold">
          {t("silent.title")}
        </h2>
        <SilentServers servers={silent} total={summary.counts.down + summary.counts.stale} />
      </section>
      <section aria-labelledby="alerts-title" className="space-y-3">
        <h2 id="alerts-title" className="text-lg font-semibold">
          {t("alerts.title")}
        </h2>
        <RecentAlerts alerts={summary.recentAlerts} />
      </section>
    </div>
  );
}
