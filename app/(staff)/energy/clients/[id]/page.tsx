import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { ActionForm } from "@/components/energy/billing-admin/action-form";
import { ConfirmButton } from "@/components/energy/billing-admin/confirm-button";
import { buttonClass } from "@/components/ui/button";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { getDb } from "@/db/client";
import { autonyms, isLocale } from "@/i18n/config";
import { can } from "@/server/auth/actor";
import { requireUser } from "@/server/auth/guards";
import { getClient, siteChoices } from "@/server/energy/clients/clients-query";
import { DomainError } from "@/server/platform/errors";
import { requireTemplate } from "@/server/platform/templates";
import {
  createClientAccountAction,
  createDeliveryPointAction,
  inviteClientAction,
  linkMeterAction,
  unlinkMeterAction,
  updateClientAction,
  updateDeliveryPointAction,
} from "../actions";
import { clientStatusTone, contractStatusTone } from "../display";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("clients"))("detail.title") };
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
 * One client (`clients.read`): identity, delivery points with their meters, contracts,
 * accounts and invitations. Admins (`clients.write`) change its status, add delivery points,
 * link meters, open accounts and send invitations.
 */
export default async function ClientPage({
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
  const client = await getClient(db, actor, id).catch((e: unknown) => {
    if (e instanceof DomainError && e.code === "not_found") notFound();
    throw e;
  });
  const write = can(actor, "clients.write") && client.status !== "anonymised";
  const sites = write ? await siteChoices(db, actor) : [];
  const t = await getTranslations("clients");
  const tc = await getTranslations("contracts");
  const format = await getFormatter();
  const flags = await searchParams;
  const day = (iso: string) => format.dateTime(new Date(`${iso}T12:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });
  const when = (iso: string | null) =>
    iso ? format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" }) : t("detail.never");
  const statusMoves = (["active", "suspended", "closed"] as const).filter((s) => s !== client.status);
  return (
    <div className="max-w-5xl space-y-6">
      <PageHeader
        title={client.name}
        description={`${client.code} · ${t(`kinds.${client.kind}`)}`}
        actions={
          <>
            {write ? (
              <Link href={`/energy/clients/${client.id}/edit`} className={buttonClass("primary")}>
                {t("detail.edit")}
              </Link>
            ) : null}
            {write && client.status === "active" ? (
              <Link href={`/energy/contracts/new?client=${client.id}`} className={buttonClass("secondary")}>
                {t("detail.newContract")}
              </Link>
            ) : null}
            <Link href={`/energy/invoices?client=${client.id}`} className={buttonClass("secondary")}>
              {t("detail.invoices")}
            </Link>
          </>
        }
      />
      <p className="text-sm">
        <Link href="/energy/clients" className={link}>
          {t("detail.back")}
        </Link>
      </p>
      {flags.created || flags.saved ? (
        <p role="status" className="rounded-md border border-success p-3 text-sm text-success">
          {flags.created ? t("detail.created") : t("detail.saved")}
        </p>
      ) : null}
      <div className="flex flex-wrap items-start gap-3">
        <Badge tone={clientStatusTone(client.status)}>{t(`statuses.${client.status}`)}</Badge>
        {write
          ? statusMoves.map((s) => (
              <ConfirmButton
                key={s}
                label={t(`statusActions.${s}`)}
                question={t(`statusQuestions.${s}`, { name: client.name })}
                variant={s === "active" ? "primary" : "danger"}
                action={updateClientAction}
                input={{ id: client.id, patch: { status: s } }}
              />
            ))
          : null}
      </div>

      <Card title={t("detail.identity")}>
        <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2 lg:grid-cols-3">
          <Item label={t("fields.code")}>
            <span className="font-mono" dir="ltr">
              {client.code}
            </span>
          </Item>
          <Item label={t("fields.kind")}>{t(`kinds.${client.kind}`)}</Item>
          <Item label={t("fields.taxNumber")}>
            <span dir="ltr">{client.taxNumber ?? "—"}</span>
          </Item>
          <Item label={t("fields.email")}>
            {client.email ? (
              <a href={`mailto:${client.email}`} className={link} dir="ltr">
                {client.email}
              </a>
            ) : (
              "—"
            )}
          </Item>
          <Item label={t("fields.phone")}>
            <span dir="ltr">{client.phone ?? "—"}</span>
          </Item>
          <Item label={t("fields.locale")}>
            <span lang={client.locale}>{isLocale(client.locale) ? autonyms[client.locale] : client.locale}</span>
          </Item>
          <Item label={t("fields.address")}>
            {[client.addressLine, [client.postalCode, client.city].filter(Boolean).join(" "), t(`countries.${client.country}`)]
              .filter(Boolean)
              .join(", ")}
          </Item>
          <Item label={t("detail.createdAt")}>{when(client.createdAt)}</Item>
        </dl>
      </Card>

      <Card title={t("deliveryPoints.title")}>
        {client.deliveryPoints.length === 0 ? <p className="text-sm text-muted">{t("deliveryPoints.empty")}</p> : null}
        <ul className="space-y-4">
          {client.deliveryPoints.map((dp) => (
            <li key={dp.id} className="rounded-md border border-line p-3" data-testid="delivery-point" data-code={dp.code}>
              <div className="flex flex-wrap items-center justify-between gap-2">
                <h3 className="font-mono font-semibold" dir="ltr">
                  {dp.code}
                </h3>
                <Badge tone={dp.active ? "success" : "neutral"}>
                  {dp.active ? t("deliveryPoints.active") : t("deliveryPoints.inactive")}
                </Badge>
              </div>
              <p className="mt-1 text-sm text-muted">
                {[dp.addressLine, dp.city].filter(Boolean).join(", ") || t("deliveryPoints.noAddress")}
                {dp.site ? (
                  <>
                    {" · "}
                    <Link href={`/energy/sites/${dp.site.id}`} className={link}>
                      {dp.site.name}
                    </Link>
                  </>
                ) : null}
              </p>
              <h4 className="mt-3 text-sm font-semibold">{t("deliveryPoints.meters")}</h4>
              {dp.meters.length === 0 ? (
                <p className="text-sm text-muted">{t("deliveryPoints.noMeters")}</p>
              ) : (
                <ul className="mt-1 space-y-2">
                  {dp.meters.map((m) => (
                    <li key={m.id} className="flex flex-wrap items-center gap-3 text-sm">
                      <Link href={`/energy/meters/${m.id}`} className={link}>
                        <span className="font-mono" dir="ltr">
                          {m.code}
                        </span>{" "}
                        — {m.name}
                      </Link>
                      {write ? (
                        <ConfirmButton
                          label={t("deliveryPoints.unlink")}
                          question={t("deliveryPoints.unlinkQuestion", { meter: m.code, point: dp.code })}
                          action={unlinkMeterAction}
                          input={{ deliveryPointId: dp.id, meterId: m.id }}
                        />
                      ) : null}
                    </li>
                  ))}
                </ul>
              )}
              {write && dp.active ? (
                <ActionForm
                  className="mt-3"
                  title={t("deliveryPoints.linkTitle", { point: dp.code })}
                  fields={[{ name: "meter", label: t("deliveryPoints.meterRef"), hint: t("deliveryPoints.meterRefHint"), dir: "ltr" }]}
                  hidden={{ deliveryPointId: dp.id }}
                  action={linkMeterAction}
                  submitLabel={t("deliveryPoints.link")}
                  successText={t("deliveryPoints.linked")}
                />
              ) : null}
              {write ? (
                <div className="mt-3">
                  <ConfirmButton
                    label={dp.active ? t("deliveryPoints.deactivate") : t("deliveryPoints.reactivate")}
                    question={t(dp.active ? "deliveryPoints.deactivateQuestion" : "deliveryPoints.reactivateQuestion", { point: dp.code })}
                    variant={dp.active ? "danger" : "primary"}
                    action={updateDeliveryPointAction}
                    input={{ id: dp.id, patch: { active: !dp.active } }}
                  />
                </div>
              ) : null}
            </li>
          ))}
        </ul>
        {write ? (
          <div className="mt-4 border-t border-line pt-4">
            <h3 className="mb-2 font-semibold">{t("deliveryPoints.add")}</h3>
            <ActionForm
              title={t("deliveryPoints.add")}
              fields={[
                { name: "code", label: t("deliveryPoints.code"), hint: t("deliveryPoints.codeHint"), dir: "ltr" },
                {
                  name: "siteId",
                  label: t("deliveryPoints.site"),
                  type: "select",
                  options: [
                    { value: "", label: t("deliveryPoints.noSite") },
                    ...sites.map((s) => ({ value: s.id, label: `${s.name} (${s.code})` })),
                  ],
                },
                { name: "addressLine", label: t("fields.addressLine") },
                { name: "city", label: t("fields.city") },
              ]}
              hidden={{ clientId: client.id }}
              action={createDeliveryPointAction}
              submitLabel={t("deliveryPoints.create")}
              successText={t("deliveryPoints.created")}
            />
          </div>
        ) : null}
      </Card>

      <Card title={t("contracts.title")}>
        {client.contracts.length === 0 ? (
          <p className="text-sm text-muted">{t("contracts.empty")}</p>
        ) : (
          <ScrollRegion label={t("contracts.title")}>
            <table className="w-full text-sm">
              <caption className="sr-only">{t("contracts.title")}</caption>
              <thead className="bg-surface-2">
                <tr>
                  <th scope="col" className="px-3 py-2 text-start">
                    {tc("fields.number")}
                  </th>
                  <th scope="col" className="px-3 py-2 text-start">
                    {tc("fields.status")}
                  </th>
                  <th scope="col" className="hidden px-3 py-2 text-start sm:table-cell">
                    {tc("fields.tariff")}
                  </th>
                  <th scope="col" className="px-3 py-2 text-start">
                    {tc("fields.period")}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-line">
                {client.contracts.map((c) => (
                  <tr key={c.id}>
                    <td className="px-3 py-2">
                      <Link href={`/energy/contracts/${c.id}`} className={`${link} font-mono`} dir="ltr">
                        {c.number}
                      </Link>
                    </td>
                    <td className="px-3 py-2">
                      <Badge tone={contractStatusTone(c.status)}>{tc(`statuses.${c.status}`)}</Badge>
                    </td>
                    <td className="hidden px-3 py-2 sm:table-cell">{c.tariff.name}</td>
                    <td className="px-3 py-2">
                      {c.endDate
                        ? tc("period", { start: day(c.startDate), end: day(c.endDate) })
                        : tc("openPeriod", { start: day(c.startDate) })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </Card>

      <Card title={t("accounts.title")}>
        {client.accounts.length === 0 ? (
          <p className="text-sm text-muted">{t("accounts.empty")}</p>
        ) : (
          <ul className="divide-y divide-line text-sm">
            {client.accounts.map((a) => (
              <li key={a.userId} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span>
                  <span className="font-semibold">{a.name}</span>{" "}
                  <span className="text-muted" dir="ltr">
                    {a.email}
                  </span>
                </span>
                <span className="text-muted">
                  {a.disabled ? t("accounts.disabled") : t("accounts.lastSignIn", { when: when(a.lastSignInAt) })}
                </span>
              </li>
            ))}
          </ul>
        )}
        {client.invitations.length > 0 ? (
          <>
            <h3 className="mt-4 font-semibold">{t("accounts.invitations")}</h3>
            <ul className="divide-y divide-line text-sm">
              {client.invitations.map((i) => (
                <li key={i.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <span dir="ltr">{i.email}</span>
                  <span className="text-muted">
                    {i.acceptedAt
                      ? t("accounts.accepted", { when: when(i.acceptedAt) })
                      : i.state === "expired"
                        ? t("accounts.expired")
                        : t("accounts.pending", { when: when(i.expiresAt) })}
                  </span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {write && client.status !== "closed" ? (
          <div className="mt-4 grid gap-6 border-t border-line pt-4 lg:grid-cols-2">
            <section aria-labelledby="invite-title">
              <h3 id="invite-title" className="mb-1 font-semibold">
                {t("accounts.invite")}
              </h3>
              <p className="mb-2 text-sm text-muted">{t("accounts.inviteHint")}</p>
              <ActionForm
                title={t("accounts.invite")}
                fields={[{ name: "email", label: t("fields.email"), type: "email", dir: "ltr", defaultValue: client.email ?? "" }]}
                hidden={{ clientId: client.id }}
                action={inviteClientAction}
                submitLabel={t("accounts.sendInvite")}
                successText={t("accounts.invited")}
              />
            </section>
            <section aria-labelledby="account-title">
              <h3 id="account-title" className="mb-1 font-semibold">
                {t("accounts.create")}
              </h3>
              <p className="mb-2 text-sm text-muted">{t("accounts.createHint")}</p>
              <ActionForm
                title={t("accounts.create")}
                fields={[
                  { name: "name", label: t("accounts.name"), defaultValue: client.kind === "person" ? client.name : "" },
                  { name: "email", label: t("fields.email"), type: "email", dir: "ltr" },
                  {
                    name: "password",
                    label: t("accounts.password"),
                    type: "password",
                    autoComplete: "new-password",
                    hint: t("accounts.passwordHint"),
                  },
                  { name: "confirm", label: t("accounts.confirm"), type: "password", autoComplete: "new-password" },
                ]}
                hidden={{ clientId: client.id }}
                action={createClientAccountAction}
                submitLabel={t("accounts.createSubmit")}
                successText={t("accounts.createdAccount")}
              />
            </section>
          </div>
        ) : null}
      </Card>
    </div>
  );
}
