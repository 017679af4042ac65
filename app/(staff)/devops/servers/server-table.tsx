import Link from "next/link";
import type { getTranslations } from "next-intl/server";
import { ScrollRegion } from "@/components/ui/scroll-region";
import type { ServerDto } from "@/server/devops/servers/server-dto";
import { MonitorBadge, StatusBadge } from "./display";

type T = Awaited<ReturnType<typeof getTranslations<"devops.servers">>>;

/** The inventory list; scrolls sideways inside its named region on narrow screens. */
export function ServerTable({ rows, t }: { rows: ServerDto[]; t: T }) {
  const th = "px-3 py-2 text-start font-semibold whitespace-nowrap";
  const td = "px-3 py-2";
  const headers = ["hostname", "environment", "kind", "location", "status", "monitorState", "role", "team", "tags"] as const;
  return (
    <ScrollRegion label={t("tableLabel")} className="rounded-lg border border-line bg-surface">
      <table className="w-full text-sm">
        <caption className="sr-only">{t("title")}</caption>
        <thead className="bg-surface-2">
          <tr>
            {headers.map((h) => (
              <th key={h} scope="col" className={th}>
                {t(h)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {rows.map((s) => (
            <tr key={s.id} data-testid="server-row">
              <th scope="row" className={`${td} text-start font-normal`}>
                <Link href={`/devops/servers/${s.id}`} className="font-semibold text-primary underline underline-offset-2" dir="ltr">
                  {s.hostname}
                </Link>
                {s.addresses[0] ? (
                  <span className="block text-xs text-muted" dir="ltr">
                    {s.addresses[0]}
                  </span>
                ) : null}
              </th>
              <td className={td}>{t(`environments.${s.environment}`)}</td>
              <td className={td}>{t(`kinds.${s.kind}`)}</td>
              <td className={td}>{s.location}</td>
              <td className={td}>
                <StatusBadge status={s.status} label={t(`statuses.${s.status}`)} />
              </td>
              <td className={td}>
                <MonitorBadge state={s.monitorState} label={t(`monitorStates.${s.monitorState}`)} />
              </td>
              <td className={td}>{s.role || "—"}</td>
              <td className={td}>{s.team || "—"}</td>
              <td className={td}>
                {s.tags.length > 0 ? (
                  <ul className="flex flex-wrap gap-1" aria-label={t("tagsOf", { hostname: s.hostname })}>
                    {s.tags.map((tag) => (
                      <li key={tag} className="rounded bg-surface-2 px-1.5 py-0.5 text-xs">
                        {tag}
                      </li>
                    ))}
                  </ul>
                ) : (
                  "—"
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
