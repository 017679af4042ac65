import "server-only";
import { auditLog } from "@/db/schema";
import type { Executor } from "@/db/client";
import { actorLabel, type Actor } from "@/server/auth/actor";
import { requestContext, type RequestContext } from "./request-context";

export type Change = { old: unknown; new: unknown };
/** Who acted: a full actor, or just an identity (e.g. the account signing in). */
export type AuditActor = Actor | { kind: Actor["kind"]; id: string; label: string };
export type AuditEntry = {
  actor: AuditActor | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  changes?: Record<string, Change> | null;
  context?: RequestContext;
};

/** Fields whose values never reach the audit trail, only the fact that they changed. */
const secretFields = new Set(["password", "passwordHash", "hash", "secret", "token"]);

/** Old/new pairs of the fields that differ between two snapshots. */
export function diff(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, Change> {
  const changes: Record<string, Change> = {};
  for (const key of Object.keys(after)) {
    const a = before[key];
    const b = after[key];
    const same = a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : JSON.stringify(a) === JSON.stringify(b);
    if (!same) changes[key] = secretFields.has(key) ? { old: "***", new: "***" } : { old: a ?? null, new: b ?? null };
  }
  return changes;
}

/**
 * Writes one audit row. Call it with the transaction that performs the mutation so the
 * change and its record commit or roll back together.
 */
export async function recordAudit(tx: Executor, entry: AuditEntry): Promise<void> {
  const ctx = entry.context ?? (await requestContext());
  await tx.insert(auditLog).values({
    actorType: !entry.actor
      ? "anonymous"
      : entry.actor.kind === "partner" && "credential" in entry.actor
        ? entry.actor.credential
        : entry.actor.kind,
    actorId: entry.actor?.id ?? null,
    actorLabel: entry.actor ? ("label" in entry.actor ? entry.actor.label : actorLabel(entry.actor)) : null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    changes: entry.changes ?? null,
    ip: ctx.ip,
    userAgent: ctx.userAgent,
    requestId: ctx.requestId,
  });
}
