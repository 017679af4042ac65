import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { can } from "@/server/auth/actor";
import { requireUser } from "@/server/auth/guards";
import { getServerDetail } from "@/server/devops/servers/server-detail";
import { publicBase } from "@/server/energy/equipment/qr";
import { DomainError } from "@/server/platform/errors";
import { requireTemplate } from "@/server/platform/templates";
import { countryName, CriticalityBadge, MonitorBadge, StatusBadge, whenText } from "../display";
import { GenerateToken } from "./agent-tokens";
import { GrantForm } from "./grant-form";
import { LifecycleControl } from "./lifecycle-control";
import { NoteForm } from "./note-form";
import { GrantList, Journal, StatusHistory, TokenList } from "./sections";
import { ServerMetrics } from "./server-metrics";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("devops.servers"))("detailTitle") };
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-semibold text-muted">{label}</dt>
      <dd className="break-words">{children}</dd>
    </div>
  );
}

/** One server: identity and specs, lifecycle, metrics, access, notes, agent. Write controls for `servers.write`. */
export default async function ServerPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  requireTemplate("devops");
  const actor = await requireUser("servers.read");
  const { id } = await params;
  const flags = await searchParams;
  const server = await getServerDetail(await getDb(), actor, id).catch((e: unknown) => {
    if (e instanceof DomainError && e.code === "not_found") notFound();
    throw e;
  });
  const [t, format, locale] = await Promise.all([getTranslations("devops.servers"), getFormatter(), getLocale()]);
  const writer = can(actor, "servers.write");
  const open = server.status !== "decommissioned";
  const none = "—";
  const size = (value: number | null, key: "cores" | "memory" | "disk") =>
    value === null
      ? none
      : t(`units.${key}`, { value: format.number(key === "memory" ? value / 1024 : value, { maximumFractionDigits: 1 }) });
  const range = typeof flags.range === "string" ? flags.range : undefined;
  return (
    <div className="max-w-5xl space-y-6">
      <PageHeader
        title={server.hostname}
        description={`${t(`environments.${server.environment}`)} · ${t(`kinds.${server.kind}`)} · ${server.location}`}
        actions={
          <>
            {writer && open ? (
              <Link href={`/devops/servers/${server.id}/edit`} className={buttonClass("primary")}>
                {t("edit")}
              </Link>
            ) : null}
            <Link href="/devops/servers" className={buttonClass("secondary")}>
              {t("backToList")}
            </Link>
          </>
        }
      />
      {flags.created || flags.saved ? (
        <p role="status" className="rounded-md border border-success p-3 text-sm text-success">
          {flags.created ? t("created") : t("saved")}
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-2">
        <StatusBadge status={server.status} label={t(`statuses.${server.status}`)} />
        <MonitorBadge state={server.monitorState} label={t("monitorIs", { state: t(`monitorStates.${server.monitorState}`) })} />
        <CriticalityBadge
          criticality={server.criticality}
          label={t("criticalityIs", { level: t(`criticalities.${server.criticality}`) })}
        />
      </div>
      <Card title={t("identitySpecs")}>
        <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2 lg:grid-cols-3">
          <Item label={t("fields.hostname")}>
            <span dir="ltr">{server.hostname}</span>
          </Item>
          <Item label={t("fields.addresses")}>
            {server.addresses.length > 0 ? (
              <span dir="ltr" className="break-all">
                {server.addresses.join(", ")}
              </span>
            ) : (
              none
            )}
          </Item>
          <Item label={t("fields.location")}>
            {server.location} · {countryName(locale, server.country)}
          </Item>
          <Item label={t("fields.role")}>{server.role || none}</Item>
          <Item label={t("fields.team")}>{server.team || none}</Item>
          <Item label={t("fields.tags")}>{server.tags.length > 0 ? server.tags.join(", ") : none}</Item>
          <Item label={t("fields.os")}>{server.os || none}</Item>
          <Item label={t("fields.cpuCores")}>{size(server.cpuCores, "cores")}</Item>
          <Item label={t("fields.memoryMb")}>{size(server.memoryMb, "memory")}</Item>
          <Item label={t("fields.diskGb")}>{size(server.diskGb, "disk")}</Item>
          <Item label={t("heartbeat")}>{t("heartbeatValue", { seconds: server.heartbeatSeconds, missed: server.missedHeartbeats })}</Item>
          <Item label={t("lastHeartbeat")}>
            {server.lastHeartbeatAt ? (
              <time dateTime={server.lastHeartbeatAt}>{whenText(format, server.lastHeartbeatAt)}</time>
            ) : (
              t("never")
            )}
          </Item>
        </dl>
        {server.notes ? <p className="mt-4 whitespace-pre-line text-sm">{server.notes}</p> : null}
      </Card>
      <Card title={t("lifecycle.title")}>
        {writer ? <LifecycleControl id={server.id} allowed={server.allowedTransitions} /> : null}
        <h3 className="mb-2 mt-4 text-sm font-semibold">{t("lifecycle.history")}</h3>
        <StatusHistory server={server} t={t} format={format} />
      </Card>
      <ServerMetrics serverId={server.id} range={range} />
      <Card title={t("access.title")}>
        <p className="mb-3 text-sm text-muted">{t("access.description")}</p>
        <GrantList server={server} t={t} format={format} writer={writer} />
        {writer && open ? (
          <div className="mt-4 border-t border-line pt-4">
            <GrantForm id={server.id} />
          </div>
        ) : null}
      </Card>
      <Card title={t("journal.title")}>
        <Journal server={server} t={t} format={format} />
        {writer ? (
          <div className="mt-4 border-t border-line pt-4">
            <NoteForm id={server.id} />
          </div>
        ) : null}
      </Card>
      <Card title={t("agent.title")}>
        <p className="mb-3 text-sm text-muted">
          {t("agent.description")} <code dir="ltr">scripts/dihya-agent.sh</code> · {t("agent.docs")}{" "}
          <code dir="ltr">README.md#monitoring-agent</code>
        </p>
        <TokenList server={server} t={t} format={format} writer={writer} />
        {writer && open ? (
          <div className="mt-4 border-t border-line pt-4">
            <GenerateToken id={server.id} origin={publicBase(await headers())} hasLive={server.agentTokens.some((k) => !k.revokedAt)} />
          </div>
        ) : null}
      </Card>
    </div>
  );
}
