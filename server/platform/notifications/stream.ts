import "server-only";
import { and, desc, eq, gt, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { notifications, users } from "@/db/schema";
import type { UserActor } from "@/server/auth/actor";
import { sseResponse } from "@/server/platform/sse";
import { subscribe } from "./bus";
import { toViews, unreadCount } from "./notifications-service";

export const heartbeatMs = 25_000;
/** How far back a wake-up looks for notifications not yet sent (covers slow transactions). */
const lookback = sql`now() - interval '10 minutes'`;

async function recent(userId: string) {
  const db = await getDb();
  return db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), gt(notifications.createdAt, lookback)))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(20);
}

/**
 * The caller's live notifications as Server-Sent Events: `unread` ({count}) at once and
 * after every change, `notification` (rendered in the reader's current language) for each
 * new one, a comment every 25 s (which also re-checks), and a `retry:` hint. The stream ends
 * when the client goes away, or when the account is disabled or its sessions are revoked.
 */
export function notificationStream(actor: UserActor, signal: AbortSignal): Response {
  const sent = new Set<string>();
  let lastCount: number | null = null;
  let tokensValidAfter: number | null = null;
  let wake = () => {};

  return sseResponse(
    signal,
    async (sse) => {
      let running: Promise<void> | null = null;
      let again = false;
      const catchUp = async () => {
        const db = await getDb();
        const [user] = await db
          .select({ locale: users.locale, disabled: users.disabled, tokensValidAfter: users.tokensValidAfter })
          .from(users)
          .where(eq(users.id, actor.id));
        const stamp = user?.tokensValidAfter.getTime() ?? null;
        if (!user || user.disabled || (tokensValidAfter !== null && stamp !== tokensValidAfter)) return sse.close();
        tokensValidAfter = stamp;
        const fresh = (await recent(actor.id)).filter((r) => !sent.has(r.id)).reverse();
        for (const view of await toViews(fresh, user.locale)) {
          sent.add(view.id);
          if (sent.size > 200) sent.delete(sent.values().next().value!);
          sse.event("notification", view);
        }
        const count = await unreadCount(db, actor.id);
        if (count !== lastCount) sse.event("unread", { count });
        lastCount = count;
      };
      // Wake-ups are serialised; one arriving mid-run causes exactly one more run.
      wake = () => {
        if (sse.closed) return;
        if (running) {
          again = true;
          return;
        }
        running = catchUp()
          .catch((error: unknown) => console.error("[notifications] stream:", error))
          .finally(() => {
            running = null;
            if (again) {
              again = false;
              wake();
            }
          });
      };
      const unsubscribe = await subscribe(actor.id, () => wake());
      for (const r of await recent(actor.id)) sent.add(r.id);
      wake();
      return unsubscribe;
    },
    // The heartbeat also re-checks the account and catches up on anything a lost NOTIFY hid.
    { heartbeatMs, onHeartbeat: () => wake() },
  );
}
