import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { ConfirmButton } from "@/components/energy/billing-admin/confirm-button";
import { buttonClass } from "@/components/ui/button";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { contractTransitions, type ContractStatus } from "@/lib/validation/contracts";
import { can } from "@/server/auth/actor";
import { requireUser } from "@/server/auth/guards";
import { clientDeliveryPoints } from "@/server/energy/clients/clients-query";
import type { ContractSnapshot } from "@/server/energy/contracts/contract-dto";
import { contractHistoryOf, getContract } from "@/server/energy/contracts/contracts-query";
import { listTariffs } from "@/server/energy/tariffs/tariffs-query";
import { DomainError } from "@/server/platform/errors";
import { requireTemplate } from "@/server/platform/templates";
import { contractStatusTone } from "../../clients/display";
import { changeContractStatusAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("contracts"))("detail.title") };
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
const tracked = [
  "status",
  "tariffId",
  "startDate",
  "endDate",
  "billingCycle",
  "subscribedKva",
  "paymentTermDays",
  "deliveryPointIds",
] as const;

/** One contract (`clients.read`): terms, delivery points, the history of every change; admins move its status (with confirmation). */
export default async function ContractPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ created?: string; saved?: string }>;
}) {
  requireTemplate("energy");
  const actor = await requireUser("clients.read");
  const { id } = await params;
  const db = await getDb();
  const contract = await getContract(db, actor, id).catch((e: unknown) => {
    if (e instanceof DomainError && e.code === "not_found") notFound();
    throw e;
  });
  const [history, tariffs, points] = await Promise.all([
    contractHistoryOf(db, actor, contract.id),
    listTariffs(db, actor, {}),
    clientDeliveryPoints(db, contract.clientId),
  ]);
  const t = await getTranslations("contracts");
  const format = await getFormatter();
  const flags = await searchParams;
  const write = can(actor, "clients.write");
  const day = (iso: string | null) =>
    iso ? format.dateTime(new Date(`${iso}T12:00:00Z`), { dateStyle: "medium", timeZone: "UTC" }) : t("detail.openEnded");
  const tariffName = (tid: string) => tariffs.find((x) => x.id === tid)?.name ?? tid;
  const pointCodes = (ids: string[]) => ids.map((d) => points.find((p) => p.id === d)?.code ?? d).join(", ");
  const show = (field: (typeof tracked)[number], s: ContractSnapshot): string => {
    switch (field) {
      case "status":
        return t(`statuses.${s.status as ContractStatus}`);
      case "tariffId":
        return tariffName(s.tariffId);
      case "startDate":
      case "endDate":
        return day(s[field]);
      case "billingCycle":
        return t(`cycles.${s.billingCycle as "monthly"}`);
      case "subscribedKva":
        return s.subscribedKva === null ? "—" : t("detail.kva", { n: s.subscribedKva });
      case "paymentTermDays":
        return t("detail.days", { n: s.paymentTermDays });
      case "deliveryPointIds":
        return pointCodes(s.deliveryPointIds);
    }
  };
  const moves = contractTransitions[contract.status];
  return (
    <div className="max-w-5xl space-y-6">
      <PageHeader
        title={t("detail.heading", { number: contract.number })}
        description={contract.client.name}
        actions={
          write && contract.status !== "terminated" ? (
            <Link href={`/energy/contracts/${contract.id}/edit`} className={buttonClass("primary")}>
              {t("detail.edit")}
            </Link>
          ) : null
        }
      />
      <p className="flex flex-wrap gap-4 text-sm">
        <Link href="/energy/contracts" className={link}>
          {t("detail.back")}
        </Link>
        <Link href={`/energy/clients/${contract.client.id}`} className={link}>
          {t("detail.toClient", { name: contract.client.name })}
        </Link>
      </p>
      {flags.created || flags.saved ? (
        <p role="status" className="rounded-md border border-success p-3 text-sm text-success">
          {flags.created ? t("detail.created") : t("detail.saved")}
        </p>
      ) : null}
      <div className="flex flex-wrap items-start gap-3">
        <Badge tone={contractStatusTone(contract.status)}>{t(`statuses.${contract.status}`)}</Badge>
        {write
          ? moves.map((s) => (
              <ConfirmButton
                key={s}
                label={t(`statusActions.${s}`)}
                question={t(`statusQuestions.${s}`, { number: contract.number })}
                variant={s === "active" ? "primary" : "danger"}
                action={changeContractStatusAction}
                input={{ id: contract.id, status: s }}
              />
            ))
          : null}
      </div>
      <Card title={t("detail.terms")}>
        <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2 lg:grid-cols-3">
          <Item label={t("fields.number")}>
            <span className="font-mono" dir="ltr">
              {contract.number}
            </span>
          </Item>
          <Item label={t("fields.client")}>
            <Link href={`/energy/clients/${contract.client.id}`} className={link}>
              {contract.client.name}
            </Link>{" "}
            <span className="text-muted">({contract.client.code})</span>
          </Item>
          <Item label={t("fields.tariff")}>
            <Link href={`/energy/tariffs/${contract.tariff.id}`} className={link}>
              {contract.tariff.name}
            </Link>
          </Item>
          <Item label={t("fields.startDate")}>{day(contract.startDate)}</Item>
          <Item label={t("fields.endDate")}>{day(contract.endDate)}</Item>
          <Item label={t("fields.billingCycle")}>{t(`cycles.${contract.billingCycle}`)}</Item>
          <Item label={t("fields.subscribedKva")}>
            {contract.subscribedKva === null ? "—" : t("detail.kva", { n: contract.subscribedKva })}
          </Item>
          <Item label={t("fields.paymentTermDays")}>{t("detail.days", { n: contract.paymentTermDays })}</Item>
          <Item label={t("fields.deliveryPoints")}>
            <span dir="ltr" className="font-mono">
              {contract.deliveryPoints.map((d) => d.code).join(", ")}
            </span>
          </Item>
        </dl>
      </Card>
      <Card title={t("history.title")}>
        {history.length === 0 ? (
          <p className="text-sm text-muted">{t("history.empty")}</p>
        ) : (
          <ol className="space-y-4 border-s-2 border-line ps-4">
            {history.map((h, i) => {
              const previous = history[i + 1]?.snapshot;
              const changed = previous
                ? tracked.filter((f) => JSON.stringify(previous[f]) !== JSON.stringify(h.snapshot[f]))
                : (["status", "tariffId", "startDate", "endDate", "billingCycle", "deliveryPointIds"] as const);
              return (
                <li key={h.id} data-testid="history-entry">
                  <p className="font-semibold">{t(`history.changes.${h.change as "created"}`)}</p>
                  <p className="text-xs text-muted">
                    {t("history.by", {
                      who: h.changedBy?.name ?? t("history.system"),
                      when: format.dateTime(new Date(h.changedAt), { dateStyle: "medium", timeStyle: "short" }),
                    })}
                  </p>
                  <dl className="mt-1 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-2">
                    {changed.map((f) => (
                      <div key={f} className="flex flex-wrap gap-1">
                        <dt className="font-semibold">{t(`history.fields.${f}`)}</dt>
                        <dd>
                          {previous ? (
                            <>
                              <del className="text-muted">{show(f, previous)}</del> →{" "}
                              <ins className="no-underline">{show(f, h.snapshot)}</ins>
                            </>
                          ) : (
                            show(f, h.snapshot)
                          )}
                        </dd>
                      </div>
                    ))}
                  </dl>
                </li>
              );
            })}
          </ol>
        )}
      </Card>
    </div>
  );
}
