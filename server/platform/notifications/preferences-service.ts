import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { notificationPreferences } from "@/db/schema";
import { channelDefault, notificationChannels, notificationKinds, type NotificationKind } from "@/lib/notification-kinds";
import type { NotificationPreferencesInput } from "@/lib/validation/notifications";
import { assertCan, can, type UserActor, type Actor } from "@/server/auth/actor";
import { recordAudit, type Change } from "@/server/platform/audit";
import { DomainError, forbiddenError } from "@/server/platform/errors";

export type PreferenceRow = { kind: string; in_app: boolean; email: boolean };

function owner(actor: Actor): UserActor {
  assertCan(actor, "notifications.read");
  if (actor.kind !== "user") throw forbiddenError();
  return actor;
}

/** The kinds this user can receive (a kind with an audience needs its permission). */
export function kindsFor(actor: UserActor): NotificationKind[] {
  return (notificationKinds as readonly NotificationKind[]).filter((k) => !k.audience || [k.audience].flat().some((p) => can(actor, p)));
}

/** The caller's effective choices (saved rows over the defaults), one row per kind they can receive. */
export async function getPreferences(db: Executor, actor: Actor): Promise<PreferenceRow[]> {
  const me = owner(actor);
  const kinds = kindsFor(me);
  const saved = await db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, me.id));
  const value = (kind: string, channel: (typeof notificationChannels)[number]) =>
    saved.find((s) => s.kind === kind && s.channel === channel)?.enabled ?? channelDefault(channel, kind);
  return kinds.map((k) => ({ kind: k.kind, in_app: value(k.kind, "in_app"), email: value(k.kind, "email") }));
}

/**
 * Saves the caller's grid. Only choices that differ from the default are stored, so a
 * later change of a default reaches everyone who never touched it. Audited with the
 * changed cells (`<kind>.<channel>`).
 */
export async function savePreferences(tx: Executor, actor: Actor, input: NotificationPreferencesInput): Promise<PreferenceRow[]> {
  const me = owner(actor);
  const allowed = new Set(kindsFor(me).map((k) => k.kind));
  if (input.preferences.some((p) => !allowed.has(p.kind))) throw new DomainError("validation_failed", "invalid", "preferences");
  const before = await getPreferences(tx, me);
  const kinds = input.preferences.map((p) => p.kind);
  if (kinds.length === 0) return before;
  await tx
    .delete(notificationPreferences)
    .where(and(eq(notificationPreferences.userId, me.id), inArray(notificationPreferences.kind, kinds)));
  const rows = input.preferences.flatMap((p) =>
    notificationChannels
      .filter((channel) => p[channel] !== channelDefault(channel, p.kind))
      .map((channel) => ({ userId: me.id, kind: p.kind, channel, enabled: p[channel] })),
  );
  if (rows.length > 0) await tx.insert(notificationPreferences).values(rows);

  const after = await getPreferences(tx, me);
  const changes: Record<string, Change> = {};
  for (const row of after) {
    const old = before.find((b) => b.kind === row.kind);
    for (const channel of notificationChannels) {
      if (old && old[channel] !== row[channel]) changes[`${row.kind}.${channel}`] = { old: old[channel], new: row[channel] };
    }
  }
  if (Object.keys(changes).length > 0) {
    await recordAudit(tx, { actor: me, action: "notification.preferences_updated", entityType: "user", entityId: me.id, changes });
  }
  return after;
}
