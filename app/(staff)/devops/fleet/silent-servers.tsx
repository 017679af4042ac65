import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/card";
import type { SilentServer } from "@/server/devops/monitoring/fleet-lists";
import { stateTone } from "./state-tone";

/** Down and stale servers, compact: hostname, state, last heartbeat. */
export async function SilentServers({ servers, total }: { servers: SilentServer[]; total: number }) {
  const t = await getTranslations("devops.fleet");
  const format = await getFormatter();
  if (servers.length === 0) {
    return (
      <p className="rounded-md border border-line bg-surface p-6 text-center text-muted" data-testid="no-silent-servers">
        {t("silent.none")}
      </p>
    );
  }
  return (
    <div className="space-y-2">
      <ul className="divide-y divide-line rounded-lg border border-line bg-surface" data-testid="silent-servers">
        {servers.map((s) => (
          <li key={s.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2 text-sm" data-state={s.state}>
            <Badge tone={stateTone[s.state]!}>{t(`states.${s.state}`)}</Badge>
            <Link href={`/devops/servers/${s.id}`} className="font-semibold underline-offset-2 hover:underline" dir="ltr">
              {s.hostname}
            </Link>
            <span className="text-muted">
              {s.lastHeartbeatAt
                ? t("silent.lastHeard", { when: format.relativeTime(new Date(s.lastHeartbeatAt)) })
                : t("silent.neverHeard")}
            </span>
          </li>
        ))}
      </ul>
      {total > servers.length ? <p className="text-sm text-muted">{t("silent.more", { shown: servers.length, total })}</p> : null}
    </div>
  );
}
