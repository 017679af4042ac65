import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { notificationPreferences, notifications, users } from "@/db/schema";
import { channelDefault, kindInfo, type NotificationSeverity } from "@/lib/notification-kinds";
import type { Role } from "@/lib/permissions";
import { enqueue } from "@/server/platform/jobs/enqueue";
import { emailJobKind, type EmailJobPayload } from "./email-payload";
import { signalUsers } from "./signal";

export type NotifyInput = {
  to: { userId: string } | { role: Role };
  kind: string;
  /** Default: the kind's severity in lib/notification-kinds.ts, else "info". */
  severity?: NotificationSeverity;
  /** Message keys (e.g. `notifications.messages.account.role_changed.title`), rendered in each reader's language. */
  titleKey: string;
  bodyKey?: string;
  params?: Record<string, string | number>;
  /** An in-app path ("/notifications", "/admin/jobs?…"); never an absolute URL. */
  link?: string;
};

/**
 * Notifies one user, or every enabled user of a role, in the caller's transaction: nothing
 * is stored, sent or signalled if that transaction rolls back. Per recipient:
 * - in-app (default on): a `notifications` row, and a NOTIFY heard by live streams after commit;
 * - e-mail (default: on for warning/critical kinds, see channelDefault): a `notification.email`
 *   job, only when SMTP_URL is set.
 * A saved preference (notification_preferences) overrides either default. Disabled users get nothing.
 */
export async function notify(tx: Executor, input: NotifyInput): Promise<void> {
  if (input.link !== undefined && !/^\/(?![/\\])/.test(input.link)) throw new Error(`notify: link must be an app path, got ${input.link}`);
  const severity = input.severity ?? kindInfo(input.kind)?.severity ?? "info";
  const params = input.params ?? {};
  const target = "userId" in input.to ? eq(users.id, input.to.userId) : eq(users.role, input.to.role);
  const recipients = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(target, eq(users.disabled, false)));
  if (recipients.length === 0) return;

  const ids = recipients.map((r) => r.id);
  const saved = await tx
    .select()
    .from(notificationPreferences)
    .where(and(inArray(notificationPreferences.userId, ids), eq(notificationPreferences.kind, input.kind)));
  const wants = (userId: string, channel: "in_app" | "email") =>
    saved.find((p) => p.userId === userId && p.channel === channel)?.enabled ?? channelDefault(channel, input.kind, severity);

  const inApp = ids.filter((id) => wants(id, "in_app"));
  if (inApp.length > 0) {
    await tx.insert(notifications).values(
      inApp.map((userId) => ({
        userId,
        kind: input.kind,
        severity,
        titleKey: input.titleKey,
        bodyKey: input.bodyKey ?? null,
        params,
        link: input.link ?? null,
      })),
    );
    await signalUsers(tx, inApp);
  }

  if (!process.env.SMTP_URL) return;
  for (const userId of ids.filter((id) => wants(id, "email"))) {
    const payload: EmailJobPayload = {
      userId,
      kind: input.kind,
      severity,
      titleKey: input.titleKey,
      bodyKey: input.bodyKey ?? null,
      params,
      link: input.link ?? null,
    };
    await enqueue(tx, { kind: emailJobKind, payload, maxAttempts: 5 });
  }
}
