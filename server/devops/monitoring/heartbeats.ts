import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
import { notify } from "@/server/platform/notifications/notify";

/** Above this many servers going down in one check, one summary notification instead of one each. */
export const downNotificationCap = 10;

type Transition = { id: string; hostname: string; state: "stale" | "down"; last: Date | string };

/**
 * Marks late agents (servers `running` that have reported at least once): `stale` when the
 * last heartbeat is older than 1.5 × heartbeat_seconds, `down` past missed_heartbeats ×
 * heartbeat_seconds. States only get worse here (a push brings a server back `up`), so a
 * server goes down once per outage and role devops is notified once
 * (devops.server.down, linking to the server; one summary beyond `downNotificationCap`).
 * The condition is re-checked on each locked row: a push committed meanwhile wins.
 */
export async function checkHeartbeats(tx: Executor, now = new Date()): Promise<{ stale: number; down: number }> {
  const at = now.toISOString();
  const rows = rowsOf<Transition>(
    await tx.execute(sql`
      with limits as (
        select id,
          ${at}::timestamptz - last_heartbeat_at as age,
          make_interval(secs => heartbeat_seconds * missed_heartbeats) as down_after,
          make_interval(secs => least(heartbeat_seconds * 1.5, heartbeat_seconds * missed_heartbeats)) as stale_after
        from servers
        where status = 'running' and last_heartbeat_at is not null and monitor_state <> 'down'
      )
      update servers s set
        monitor_state = case when l.age > l.down_after then 'down' else 'stale' end,
        monitor_state_since = ${at}::timestamptz
      from limits l
      where s.id = l.id
        and s.status = 'running'
        and ${at}::timestamptz - s.last_heartbeat_at > l.stale_after
        and (s.monitor_state in ('up', 'unknown') or (s.monitor_state = 'stale' and ${at}::timestamptz - s.last_heartbeat_at > l.down_after))
      returning s.id, s.hostname, s.monitor_state as state, s.last_heartbeat_at as last`),
  );
  const down = rows.filter((r) => r.state === "down");
  if (down.length > downNotificationCap) {
    await notify(tx, {
      to: { role: "devops" },
      kind: "devops.server.down",
      titleKey: "notifications.messages.devops.server.many_down.title",
      bodyKey: "notifications.messages.devops.server.many_down.body",
      params: { count: down.length },
      link: "/devops/fleet",
    });
  } else {
    for (const server of down) {
      const minutes = Math.max(1, Math.round((now.getTime() - new Date(server.last).getTime()) / 60_000));
      await notify(tx, {
        to: { role: "devops" },
        kind: "devops.server.down",
        titleKey: "notifications.messages.devops.server.down.title",
        bodyKey: "notifications.messages.devops.server.down.body",
        params: { server: server.hostname, minutes },
        link: `/devops/servers/${server.id}`,
      });
    }
  }
  return { stale: rows.length - down.length, down: down.length };
}
