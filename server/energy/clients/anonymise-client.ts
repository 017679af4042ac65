import "server-only";
import { randomBytes } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { clientAccounts, clientInvitations, clients, deliveryPoints, notificationPreferences, notifications, users } from "@/db/schema";
import { assertCan, type Actor } from "@/server/auth/actor";
import { hashPassword } from "@/server/auth/password";
import { recordAudit } from "@/server/platform/audit";
import { DomainError } from "@/server/platform/errors";

/** The name an anonymised client keeps: its code stays, so invoices still reconcile. */
export const anonymisedName = (code: string) => `Anonymised client ${code}`;

/**
 * Anonymises a client (a processed deletion request), in the caller's transaction:
 * - the client: name → "Anonymised client CLI-000123", e-mail, phone, address, city, postal
 *   code and tax number cleared, status `anonymised`, `anonymised_at` set;
 * - its delivery points: addresses cleared (codes kept: they identify network equipment);
 * - its accounts: disabled, sessions revoked, name and e-mail replaced, password made
 *   unusable, their notifications and preferences deleted;
 * - its pending invitations: deleted.
 * Invoices, their lines, payments and the identities frozen in their snapshots are KEPT:
 * invoicing law requires keeping them (Algeria: 10 years, Code de commerce art. 12; France:
 * 10 years, Code de commerce L123-22; Morocco: 10 years). Contracts are kept likewise.
 * Needs `clients.write`; already anonymised → 409. Audited `client.anonymised` (no personal
 * value is written to the audit trail, only which fields were cleared).
 */
export async function anonymiseClient(
  tx: Executor,
  actor: Actor,
  clientId: string,
  now: Date = new Date(),
): Promise<{ code: string; accounts: number }> {
  assertCan(actor, "clients.write");
  const [client] = await tx.select().from(clients).where(eq(clients.id, clientId)).limit(1).for("update");
  if (!client) throw new DomainError("not_found", "notFound");
  if (client.status === "anonymised") throw new DomainError("conflict", "clientAlreadyAnonymised");

  await tx
    .update(clients)
    .set({
      name: anonymisedName(client.code),
      email: null,
      phone: null,
      addressLine: null,
      city: null,
      postalCode: null,
      taxNumber: null,
      status: "anonymised",
      anonymisedAt: now,
      updatedAt: now,
    })
    .where(eq(clients.id, clientId));
  await tx.update(deliveryPoints).set({ addressLine: null, city: null, updatedAt: now }).where(eq(deliveryPoints.clientId, clientId));

  const accounts = await tx.select({ userId: clientAccounts.userId }).from(clientAccounts).where(eq(clientAccounts.clientId, clientId));
  const ids = accounts.map((a) => a.userId);
  if (ids.length > 0) {
    const unusable = await hashPassword(randomBytes(32).toString("base64url"));
    for (const id of ids) {
      await tx
        .update(users)
        .set({
          name: `Anonymised user ${client.code}`,
          email: `anonymised-${id}@invalid.invalid`,
          passwordHash: unusable,
          disabled: true,
          tokensValidAfter: now,
        })
        .where(eq(users.id, id));
    }
    await tx.delete(notifications).where(inArray(notifications.userId, ids));
    await tx.delete(notificationPreferences).where(inArray(notificationPreferences.userId, ids));
  }
  await tx.delete(clientInvitations).where(eq(clientInvitations.clientId, clientId));

  const cleared = ["name", "email", "phone", "addressLine", "city", "postalCode", "taxNumber"].filter(
    (k) => client[k as keyof typeof client] !== null,
  );
  await recordAudit(tx, {
    actor,
    action: "client.anonymised",
    entityType: "client",
    entityId: clientId,
    changes: {
      status: { old: client.status, new: "anonymised" },
      cleared: { old: null, new: cleared },
      accounts: { old: null, new: { disabled: ids.length } },
    },
  });
  return { code: client.code, accounts: ids.length };
}
