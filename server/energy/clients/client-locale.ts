import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { clientAccounts, clients } from "@/db/schema";
import type { Locale } from "@/i18n/config";
import type { UserActor } from "@/server/auth/actor";
import { recordAudit } from "@/server/platform/audit";

/**
 * A client account choosing its language chooses its documents' language too: the linked
 * client's preferred language (invoices, PDFs, reminders) follows, audited. Nothing for staff.
 */
export async function followClientLocale(tx: Executor, actor: UserActor, locale: Locale): Promise<void> {
  if (actor.role !== "client") return;
  const [row] = await tx
    .select({ id: clients.id, locale: clients.locale })
    .from(clients)
    .innerJoin(clientAccounts, eq(clientAccounts.clientId, clients.id))
    .where(eq(clientAccounts.userId, actor.id))
    .limit(1);
  if (!row || row.locale === locale) return;
  await tx
    .update(clients)
    .set({ locale, updatedAt: sql`now()` })
    .where(eq(clients.id, row.id));
  await recordAudit(tx, {
    actor,
    action: "client.updated",
    entityType: "client",
    entityId: row.id,
    changes: { locale: { old: row.locale, new: locale } },
  });
}
