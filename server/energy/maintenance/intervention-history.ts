import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { auditLog, notifications, users } from "@/db/schema";
import { assertCan, type Actor } from "@/server/auth/actor";
import { staffLink, technicianLink } from "./intervention-notify";

export type HistoryEntry = {
  id: string;
  at: string;
  action: string;
  actorType: string;
  actorLabel: string | null;
  changes: Record<string, { old: unknown; new: unknown }> | null;
};

/**
 * The audit trail of one intervention, oldest first (at most `cap` entries): what its detail
 * page shows as history. Readers of the planning (`maintenance.read`) may see it.
 */
export async function interventionHistory(db: Executor, actor: Actor, id: string, cap = 200): Promise<HistoryEntry[]> {
  assertCan(actor, "maintenance.read");
  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      actorType: auditLog.actorType,
      actorLabel: auditLog.actorLabel,
      changes: auditLog.changes,
    })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, "intervention"), eq(auditLog.entityId, id)))
    .orderBy(asc(auditLog.at), asc(auditLog.id))
    .limit(cap);
  return rows.map((r) => ({
    ...r,
    at: r.at.toISOString(),
    changes: (r.changes as HistoryEntry["changes"]) ?? null,
  }));
}

export type SentNotification = { id: string; kind: string; recipient: string; at: string; read: boolean };

/**
 * The notifications sent about one intervention (assigned, overdue), oldest first: who got
 * which, when, and whether they have read it. Readers of the planning may see it.
 */
export async function interventionNotifications(db: Executor, actor: Actor, id: string, cap = 100): Promise<SentNotification[]> {
  assertCan(actor, "maintenance.read");
  const rows = await db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      recipient: users.name,
      at: notifications.createdAt,
      readAt: notifications.readAt,
    })
    .from(notifications)
    .innerJoin(users, eq(notifications.userId, users.id))
    .where(
      and(
        inArray(users.role, ["technician", "admin"]),
        inArray(notifications.kind, ["intervention.assigned", "intervention.overdue"]),
        inArray(notifications.link, [technicianLink(id), staffLink(id)]),
      ),
    )
    .orderBy(asc(notifications.createdAt), asc(notifications.id))
    .limit(cap);
  return rows.map((r) => ({ id: r.id, kind: r.kind, recipient: r.recipient, at: r.at.toISOString(), read: r.readAt !== null }));
}
