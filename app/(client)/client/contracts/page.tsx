import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requireUser } from "@/server/auth/guards";
import { listMyContracts } from "@/server/energy/payments/client-space";
import { formatDay } from "@/server/energy/invoices/invoice-format";
import { orNotFound } from "../_shared";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("clientSpace.contracts"))("title") };
}

/** The client's contracts: tariff, billing cycle, payment terms and delivery points. */
export default async function ClientContractsPage() {
  const actor = await requireUser("invoices.own");
  const t = await getTranslations("clientSpace.contracts");
  const locale = await getLocale();
  const contracts = await orNotFound(listMyContracts(await getDb(), actor));
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      {contracts.length === 0 ? (
        <p className="rounded-md border border-line bg-surface p-6 text-center text-muted" data-testid="empty">
          {t("empty")}
        </p>
      ) : (
        <ul className="space-y-3">
          {contracts.map((c) => (
            <li key={c.id} className="rounded-lg border border-line bg-surface p-4" data-testid="contract-row">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <h2 className="text-lg font-semibold" dir="ltr">
                  <bdi>{c.number}</bdi>
                </h2>
                <Badge tone={c.status === "active" ? "success" : c.status === "suspended" ? "warning" : "neutral"}>
                  {t.has(`status.${c.status}`) ? t(`status.${c.status}`) : c.status}
                </Badge>
              </div>
              <dl className="mt-2 grid grid-cols-1 gap-y-2 text-sm sm:grid-cols-2">
                <div>
                  <dt className="text-muted">{t("tariff")}</dt>
                  <dd className="font-semibold">
                    {c.tariff.name}{" "}
                    <span className="text-muted" dir="ltr">
                      ({c.tariff.code})
                    </span>
                  </dd>
                </div>
                <div>
                  <dt className="text-muted">{t("since")}</dt>
                  <dd className="font-semibold">
                    {formatDay(c.startDate, locale)}
                    {c.endDate ? ` – ${formatDay(c.endDate, locale)}` : ""}
                  </dd>
                </div>
                <div>
                  <dt className="text-muted">{t("cycle")}</dt>
                  <dd className="font-semibold">{t.has(`cycles.${c.billingCycle}`) ? t(`cycles.${c.billingCycle}`) : c.billingCycle}</dd>
                </div>
                <div>
                  <dt className="text-muted">{t("paymentTerm")}</dt>
                  <dd className="font-semibold">{t("days", { count: c.paymentTermDays })}</dd>
                </div>
                {c.subscribedKva ? (
                  <div>
                    <dt className="text-muted">{t("power")}</dt>
                    <dd className="font-semibold" dir="ltr">
                      <bdi>{c.subscribedKva} kVA</bdi>
                    </dd>
                  </div>
                ) : null}
              </dl>
              <h3 className="mt-3 text-sm font-semibold">{t("deliveryPoints")}</h3>
              {c.deliveryPoints.length === 0 ? (
                <p className="text-sm text-muted">{t("noDeliveryPoint")}</p>
              ) : (
                <ul className="mt-1 space-y-1 text-sm">
                  {c.deliveryPoints.map((p) => (
                    <li key={p.code}>
                      <span className="font-semibold" dir="ltr">
                        <bdi>{p.code}</bdi>
                      </span>
                      {p.addressLine || p.city ? (
                        <span className="text-muted"> — {[p.addressLine, p.city].filter(Boolean).join(", ")}</span>
                      ) : null}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
