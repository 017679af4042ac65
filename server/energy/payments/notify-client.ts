import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { clientAccounts, clients, notificationPreferences, notifications, users } from "@/db/schema";
import { isLocale, defaultLocale, type Locale } from "@/i18n/config";
import { channelDefault, kindInfo, type NotificationSeverity } from "@/lib/notification-kinds";
import { enqueue } from "@/server/platform/jobs/enqueue";
import type { EmailJobPayload } from "@/server/platform/notifications/email-payload";
import { signalUsers } from "@/server/platform/notifications/signal";

/** The e-mail job of client notices: a notification e-mail composed in the CLIENT's language. */
export const clientEmailJobKind = "billing.client_email";
export type ClientEmailPayload = EmailJobPayload & { locale: Locale };

export type ClientNotice = {
  kind: string;
  severity?: NotificationSeverity;
  titleKey: string;
  bodyKey?: string;
  params?: Record<string, string | number>;
  /** An in-app path under /client. */
  link?: string;
};

/** The client's language (clients.locale), `fr` when unknown. */
export async function clientLocale(tx: Executor, clientId: string): Promise<Locale> {
  const [row] = await tx.select({ locale: clients.locale }).from(clients).where(eq(clients.id, clientId)).limit(1);
  return isLocale(row?.locale) ? row.locale : defaultLocale;
}

/**
 * Notifies every enabled account of a client, in the caller's transaction, like notify()
 * (same preferences, same in-app rows and live signal) except that the e-mail is written in
 * the client's language (clients.locale, the language of its invoices) rather than in each
 * account's interface language: it is queued as a `billing.client_email` job carrying that
 * locale, only when SMTP_URL is set. Returns the recipients and the locale used.
 */
export async function notifyClientAccounts(
  tx: Executor,
  clientId: string,
  notice: ClientNotice,
): Promise<{ userIds: string[]; emailed: string[]; locale: Locale }> {
  const locale = await clientLocale(tx, clientId);
  const rows = await tx
    .select({ id: users.id })
    .from(clientAccounts)
    .innerJoin(users, eq(users.id, clientAccounts.userId))
    .where(and(eq(clientAccounts.clientId, clientId), eq(users.disabled, false)));
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return { userIds: [], emailed: [], locale };

  const severity = notice.severity ?? kindInfo(notice.kind)?.severity ?? "info";
  const params = notice.params ?? {};
  const saved = await tx
    .select()
    .from(notificationPreferences)
    .where(and(inArray(notificationPreferences.userId, ids), eq(notificationPreferences.kind, notice.kind)));
  const wants = (userId: string, channel: "in_app" | "email") =>
    saved.find((p) => p.userId === userId && p.channel === channel)?.enabled ?? channelDefault(channel, notice.kind, severity);

  const inApp = ids.filter((id) => wants(id, "in_app"));
  if (inApp.length > 0) {
    await tx.insert(notifications).values(
      inApp.map((userId) => ({
        userId,
        kind: notice.kind,
        severity,
        titleKey: notice.titleKey,
        bodyKey: notice.bodyKey ?? null,
        params,
        link: notice.link ?? null,
      })),
    );
    await signalUsers(tx, inApp);
  }

  const emailed: string[] = [];
  if (process.env.SMTP_URL) {
    for (const userId of ids.filter((id) => wants(id, "email"))) {
      const payload: ClientEmailPayload = {
        userId,
        kind: notice.kind,
        severity,
        titleKey: notice.titleKey,
        bodyKey: notice.bodyKey ?? null,
        params,
        link: notice.link ?? null,
        locale,
      };
      await enqueue(tx, { kind: clientEmailJobKind, payload, maxAttempts: 5 });
      emailed.push(userId);
    }
  }
  return { userIds: ids, emailed, locale };
}
