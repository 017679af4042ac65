import "server-only";
import { count, desc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { auditLog, users } from "@/db/schema";
import { assertCan, type UserActor } from "@/server/auth/actor";

export type ActivityDto = { id: string; at: string; action: string; entityType: string };

/** The caller's own latest audit entries (scoped to actor.id). */
export async function myRecentActivity(db: Executor, actor: UserActor, limit = 8): Promise<ActivityDto[]> {
  const rows = await db
    .select({ id: auditLog.id, at: auditLog.at, action: auditLog.action, entityType: auditLog.entityType })
    .from(auditLog)
    .where(eq(auditLog.actorId, actor.id))
    .orderBy(desc(auditLog.at))
    .limit(limit);
  return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
}

/** Accounts per role, for administrators. */
export async function usersByRole(db: Executor, actor: UserActor): Promise<{ role: string; n: number }[]> {
  assertCan(actor, "users.read");
  return db.select({ role: users.role, n: count() }).from(users).where(eq(users.disabled, false)).groupBy(users.role);
}
