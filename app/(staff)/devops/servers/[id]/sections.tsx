import type { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/card";
import { ScrollRegion } from "@/components/ui/scroll-region";
import type { ServerDetailDto } from "@/server/devops/servers/server-detail";
import { whenText } from "../display";
import { RevokeToken } from "./agent-tokens";
import { RevokeGrant } from "./grant-form";

type T = Awaited<ReturnType<typeof getTranslations<"devops.servers">>>;
type F = Awaited<ReturnType<typeof getFormatter>>;
const th = "px-3 py-2 text-start font-semibold whitespace-nowrap";
const td = "px-3 py-2 align-top";

/** Lifecycle changes, newest first, with who and why. */
export function StatusHistory({ server, t, format }: { server: ServerDetailDto; t: T; format: F }) {
  if (server.history.length === 0) return <p className="text-sm text-muted">{t("lifecycle.noHistory")}</p>;
  return (
    <ol className="space-y-2 text-sm" data-testid="status-history">
      {server.history.map((h) => (
        <li key={h.id} className="rounded-md border border-line p-2">
          <p>
            {h.fromStatus
              ? t("lifecycle.fromTo", { from: t(`statuses.${h.fromStatus}`), to: t(`statuses.${h.toStatus}`) })
              : t("lifecycle.registered", { status: t(`statuses.${h.toStatus}`) })}
          </p>
          <p className="text-xs text-muted">
            <time dateTime={h.at}>{whenText(format, h.at)}</time> · {h.actorLabel}
          </p>
          {h.reason ? <p className="mt-1">{h.reason}</p> : null}
        </li>
      ))}
    </ol>
  );
}

/** Access grants: live ones first; expired and revoked ones marked. */
export function GrantList({ server, t, format, writer }: { server: ServerDetailDto; t: T; format: F; writer: boolean }) {
  if (server.grants.length === 0) return <p className="text-sm text-muted">{t("access.none")}</p>;
  return (
    <ScrollRegion label={t("access.tableLabel")} className="rounded-md border border-line">
      <table className="w-full text-sm">
        <caption className="sr-only">{t("access.tableLabel")}</caption>
        <thead className="bg-surface-2">
          <tr>
            <th scope="col" className={th}>
              {t("access.fields.principal")}
            </th>
            <th scope="col" className={th}>
              {t("access.fields.level")}
            </th>
            <th scope="col" className={th}>
              {t("access.fields.sshKeyFingerprint")}
            </th>
            <th scope="col" className={th}>
              {t("access.fields.expiresAt")}
            </th>
            <th scope="col" className={th}>
              {t("access.state")}
            </th>
            {writer ? (
              <th scope="col" className={th}>
                <span className="sr-only">{t("access.actions")}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {server.grants.map((g) => (
            <tr key={g.id} data-testid="grant-row">
              <th scope="row" className={`${td} text-start font-normal`}>
                <span dir="ltr" className="font-semibold">
                  {g.principal}
                </span>
                {g.userName ? <span className="block text-xs text-muted">{g.userName}</span> : null}
                {g.reason ? <span className="block text-xs text-muted">{g.reason}</span> : null}
              </th>
              <td className={td}>{t(`levels.${g.level}`)}</td>
              <td className={td}>
                {g.sshKeyFingerprint ? (
                  <code dir="ltr" className="break-all text-xs">
                    {g.sshKeyFingerprint}
                  </code>
                ) : (
                  "—"
                )}
              </td>
              <td className={`${td} whitespace-nowrap`}>
                {g.expiresAt ? <time dateTime={g.expiresAt}>{whenText(format, g.expiresAt)}</time> : t("access.noEnd")}
              </td>
              <td className={td}>
                {g.revokedAt ? (
                  <Badge>{t("access.revoked")}</Badge>
                ) : g.expired ? (
                  <Badge tone="warning">{t("access.expired")}</Badge>
                ) : (
                  <Badge tone="success">{t("access.active")}</Badge>
                )}
                <span className="block text-xs text-muted">
                  {t("access.grantedBy", { who: g.createdBy, when: whenText(format, g.createdAt) })}
                </span>
              </td>
              {writer ? (
                <td className={td}>{g.revokedAt ? null : <RevokeGrant id={server.id} grantId={g.id} principal={g.principal} />}</td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

/** The dated notes, newest first. */
export function Journal({ server, t, format }: { server: ServerDetailDto; t: T; format: F }) {
  if (server.journal.length === 0) return <p className="text-sm text-muted">{t("journal.none")}</p>;
  return (
    <ol className="space-y-2 text-sm">
      {server.journal.map((n) => (
        <li key={n.id} className="rounded-md border border-line p-2">
          <p className="whitespace-pre-line">{n.body}</p>
          <p className="mt-1 text-xs text-muted">
            <time dateTime={n.createdAt}>{whenText(format, n.createdAt)}</time> · {n.authorLabel}
          </p>
        </li>
      ))}
    </ol>
  );
}

/** Agent tokens: hint, creation, last use, revocation; never a value. */
export function TokenList({ server, t, format, writer }: { server: ServerDetailDto; t: T; format: F; writer: boolean }) {
  if (server.agentTokens.length === 0) return <p className="text-sm text-muted">{t("agent.none")}</p>;
  return (
    <ScrollRegion label={t("agent.tableLabel")} className="rounded-md border border-line">
      <table className="w-full text-sm">
        <caption className="sr-only">{t("agent.tableLabel")}</caption>
        <thead className="bg-surface-2">
          <tr>
            <th scope="col" className={th}>
              {t("agent.hint")}
            </th>
            <th scope="col" className={th}>
              {t("agent.createdAt")}
            </th>
            <th scope="col" className={th}>
              {t("agent.lastUsedAt")}
            </th>
            <th scope="col" className={th}>
              {t("agent.state")}
            </th>
            {writer ? (
              <th scope="col" className={th}>
                <span className="sr-only">{t("access.actions")}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {server.agentTokens.map((k) => (
            <tr key={k.id} data-testid="token-row">
              <th scope="row" className={`${td} text-start font-normal`}>
                <code dir="ltr">…{k.hint}</code>
              </th>
              <td className={td}>
                <time dateTime={k.createdAt}>{whenText(format, k.createdAt)}</time>
                <span className="block text-xs text-muted">{k.createdBy}</span>
              </td>
              <td className={td}>
                {k.lastUsedAt ? <time dateTime={k.lastUsedAt}>{whenText(format, k.lastUsedAt)}</time> : t("agent.neverUsed")}
              </td>
              <td className={td}>
                {k.revokedAt ? (
                  <Badge>{t("agent.revokedAt", { when: whenText(format, k.revokedAt) })}</Badge>
                ) : (
                  <Badge tone="success">{t("agent.active")}</Badge>
                )}
              </td>
              {writer ? <td className={td}>{k.revokedAt ? null : <RevokeToken id={server.id} tokenId={k.id} hint={k.hint} />}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
