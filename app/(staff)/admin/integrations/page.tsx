import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { CredentialControls } from "@/components/integrations/credential-controls";
import { CredentialForm } from "@/components/integrations/credential-form";
import { Badge, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requireUser } from "@/server/auth/guards";
import { listApiKeys } from "@/server/integrations/api-key-admin";
import { listOAuthClients } from "@/server/integrations/oauth-client-admin";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("integrations") };
}

const tones = { active: "success", expired: "warning", revoked: "danger" } as const;

/** Admins: partner API keys and OAuth clients — create (secret shown once), rotate, revoke. */
export default async function IntegrationsPage() {
  const actor = await requireUser("integrations.manage");
  const t = await getTranslations();
  const format = await getFormatter();
  const db = await getDb();
  const [keys, clients] = await Promise.all([listApiKeys(db, actor), listOAuthClients(db, actor)]);
  const when = (iso: string | null) =>
    iso ? format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" }) : t("integrations.never");
  const th = "px-3 py-2 text-start";
  return (
    <div className="space-y-10">
      <PageHeader title={t("nav.integrations")} description={t("integrations.description")} />
      <section aria-labelledby="keys-title" className="space-y-4">
        <h2 id="keys-title" className="text-lg font-semibold">
          {t("integrations.apiKeys")}
        </h2>
        {keys.length === 0 ? (
          <p className="rounded-md border border-line bg-surface p-6 text-center text-muted">{t("integrations.noKeys")}</p>
        ) : (
          <ul className="space-y-3">
            {keys.map((k) => (
              <li key={k.id} className="space-y-2 rounded-lg border border-line bg-surface p-4" data-testid="api-key-row">
                <div className="flex flex-wrap items-center gap-2">
                  <span className="font-semibold">{k.name}</span>
                  <code dir="ltr" className="text-sm text-muted">
                    {k.prefix}…
                  </code>
                  <Badge tone={tones[k.status]}>{t(`integrations.status.${k.status}`)}</Badge>
                </div>
                <p className="text-sm text-muted" dir="ltr">
                  {k.scopes.join(" ")}
                </p>
                <dl className="grid gap-1 text-sm sm:grid-cols-4">
                  <div>
                    <dt className="text-muted">{t("integrations.lastUsed")}</dt>
                    <dd>{when(k.lastUsedAt)}</dd>
                  </div>
                  <div>
                    <dt className="text-muted">{t("integrations.expires")}</dt>
                    <dd>{k.expiresAt ? when(k.expiresAt) : t("integrations.noExpiry")}</dd>
                  </div>
                  <div>
                    <dt className="text-muted">{t("integrations.rateLimit")}</dt>
                    <dd>{k.rateLimit ? t("integrations.perMinute", { n: k.rateLimit }) : t("integrations.defaultLimit")}</dd>
                  </div>
                  <div>
                    <dt className="text-muted">{t("integrations.created")}</dt>
                    <dd>{when(k.createdAt)}</dd>
                  </div>
                </dl>
                {k.status === "active" ? <CredentialControls kind="apiKey" id={k.id} name={k.name} /> : null}
              </li>
            ))}
          </ul>
        )}
        <details className="rounded-lg border border-line bg-surface p-4">
          <summary className="cursor-pointer font-semibold">{t("integrations.newKey")}</summary>
          <div className="mt-4">
            <CredentialForm kind="apiKey" />
          </div>
        </details>
      </section>

      <section aria-labelledby="clients-title" className="space-y-4">
        <h2 id="clients-title" className="text-lg font-semibold">
          {t("integrations.oauthClients")}
        </h2>
        <p className="text-sm text-muted">{t("integrations.oauthHelp")}</p>
        {clients.length === 0 ? (
          <p className="rounded-md border border-line bg-surface p-6 text-center text-muted">{t("integrations.noClients")}</p>
        ) : (
          <div className="relative overflow-x-auto rounded-lg border border-line bg-surface">
            <table className="w-full text-sm">
              <caption className="sr-only">{t("integrations.oauthClients")}</caption>
              <thead className="bg-surface-2">
                <tr>
                  <th scope="col" className={th}>
                    {t("integrations.partnerName")}
                  </th>
                  <th scope="col" className={th}>
                    {t("integrations.clientId")}
                  </th>
                  <th scope="col" className={th}>
                    {t("integrations.scopes")}
                  </th>
                  <th scope="col" className={th}>
                    {t("integrations.lastUsed")}
                  </th>
                  <th scope="col" className={th}>
                    <span className="sr-only">{t("integrations.actions")}</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-line">
                {clients.map((c) => (
                  <tr key={c.id} data-testid="oauth-client-row">
                    <td className="px-3 py-2">
                      {c.name} <Badge tone={c.status === "active" ? "success" : "danger"}>{t(`integrations.status.${c.status}`)}</Badge>
                    </td>
                    <td className="px-3 py-2" dir="ltr">
                      <code>{c.clientId}</code>
                    </td>
                    <td className="px-3 py-2" dir="ltr">
                      {c.scopes.join(" ")}
                    </td>
                    <td className="px-3 py-2">{when(c.lastUsedAt)}</td>
                    <td className="px-3 py-2">
                      {c.status === "active" ? <CredentialControls kind="oauthClient" id={c.id} name={c.name} /> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <details className="rounded-lg border border-line bg-surface p-4">
          <summary className="cursor-pointer font-semibold">{t("integrations.newClient")}</summary>
          <div className="mt-4">
            <CredentialForm kind="oauthClient" />
          </div>
        </details>
      </section>
    </div>
  );
}
