import Link from "next/link";
import type { ReactNode } from "react";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card, PageHeader } from "@/components/ui/card";
import { CursorPagination } from "@/components/ui/cursor-pagination";
import { getDb } from "@/db/client";
import { listSilencesQuery, type SilenceFormValues } from "@/lib/devops/alert-silence-schema";
import { can } from "@/server/auth/actor";
import { requireUser } from "@/server/auth/guards";
import { getAlertInstance, type AlertInstanceDto } from "@/server/devops/alerts/instances-query";
import { listSilences } from "@/server/devops/alerts/silences-query";
import { requireTemplate } from "@/server/platform/templates";
import { SilenceForm } from "./silence-form";
import { SilencesTable } from "./silences-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("devops.alerts"))("silences.title") };
}

const single = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** Matchers that pick out one alert: its name and server (or instance), else every label. */
function matchersFor(alert: AlertInstanceDto | null): SilenceFormValues["matchers"] {
  if (!alert) return [{ name: "", op: "=", value: "" }];
  const identity = ["alertname", "server", "instance"].filter((k) => alert.labels[k]);
  const keys = identity.length > 0 ? identity : Object.keys(alert.labels).slice(0, 20);
  const matchers = keys.map((name) => ({ name, op: "=", value: alert.labels[name] ?? "" }));
  return matchers.length > 0 ? matchers : [{ name: "", op: "=", value: "" }];
}

/**
 * Silences (`monitoring.read`): in force, upcoming, expired (paginated). Writers
 * (`monitoring.write`) create one — pre-filled from an alert with `?alert=<id>` — and expire them.
 */
export default async function SilencesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  requireTemplate("devops");
  const actor = await requireUser("monitoring.read");
  const t = await getTranslations("devops.alerts");
  const raw = await searchParams;
  const db = await getDb();
  const writable = can(actor, "monitoring.write");
  const expiredQuery = listSilencesQuery.safeParse({ state: "expired", cursor: single(raw.cursor), limit: "25" });
  const expiredCursor = expiredQuery.success ? expiredQuery.data.cursor : undefined;
  const alertId = single(raw.alert);
  const [active, pending, expired, alert] = await Promise.all([
    listSilences(db, actor, { state: "active", limit: 200 }),
    listSilences(db, actor, { state: "pending", limit: 200 }),
    listSilences(db, actor, { state: "expired", cursor: expiredCursor, limit: 25 }),
    writable && alertId ? getAlertInstance(db, actor, alertId).catch(() => null) : null,
  ]);
  const section = (id: string, title: string, body: ReactNode) => (
    <section aria-labelledby={id} className="space-y-3">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {body}
    </section>
  );
  return (
    <div className="space-y-6">
      <PageHeader title={t("silences.title")} description={t("silences.description")} />
      <p className="text-sm">
        <Link href="/devops/alerts" className="text-primary underline underline-offset-2">
          {t("backToAlerts")}
        </Link>
      </p>
      {writable ? (
        <Card title={t("silences.create")}>
          {alert ? (
            <p className="mb-3 text-sm text-muted">{t("silences.prefilled", { name: alert.name, server: alert.server || "—" })}</p>
          ) : null}
          <SilenceForm key={alert?.id ?? "blank"} initial={{ matchers: matchersFor(alert), startsAt: "", endsAt: "", comment: "" }} />
        </Card>
      ) : null}
      {section(
        "silences-active",
        t("silences.active"),
        <SilencesTable silences={active.data} label={t("silences.active")} empty={t("silences.emptyActive")} writable={writable} />,
      )}
      {section(
        "silences-pending",
        t("silences.pending"),
        <SilencesTable silences={pending.data} label={t("silences.pending")} empty={t("silences.emptyPending")} writable={writable} />,
      )}
      {section(
        "silences-expired",
        t("silences.expired"),
        <>
          <SilencesTable silences={expired.data} label={t("silences.expired")} empty={t("silences.emptyExpired")} writable={false} />
          <CursorPagination
            firstHref={expiredCursor ? "/devops/alerts/silences#silences-expired" : null}
            nextHref={expired.next_cursor ? `?${new URLSearchParams([["cursor", expired.next_cursor]])}#silences-expired` : null}
          />
        </>,
      )}
    </div>
  );
}
