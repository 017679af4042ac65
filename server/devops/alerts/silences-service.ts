import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { silences } from "@/db/schema";
import { maxSilenceDays, type CreateSilence } from "@/lib/devops/alert-silence-schema";
import { actorLabel, assertCan, type Actor } from "@/server/auth/actor";
import { recordAudit } from "@/server/platform/audit";
import { DomainError, notFound } from "@/server/platform/errors";
import { isUuid } from "@/server/platform/ids";
import { getSilence, type SilenceDto } from "./silences-query";

/**
 * Creates a silence (`monitoring.write`): from `startsAt` (default now) until `endsAt`,
 * author = the actor's label, audited `silence.created`. Alerts matching every matcher
 * notify nobody while it is in force (the next evaluation records it on them).
 * An end already past → 422 `silenceEndPast`; longer than a year → 422 `silenceTooLong`.
 */
export async function createSilence(tx: Executor, actor: Actor, input: CreateSilence, now: Date = new Date()): Promise<SilenceDto> {
  assertCan(actor, "monitoring.write");
  const startsAt = input.startsAt ?? now;
  if (input.endsAt.getTime() <= now.getTime()) throw new DomainError("validation_failed", "silenceEndPast", "endsAt");
  if (input.endsAt.getTime() <= startsAt.getTime()) throw new DomainError("validation_failed", "silenceEndBeforeStart", "endsAt");
  if (input.endsAt.getTime() - startsAt.getTime() > maxSilenceDays * 86_400_000) {
    throw new DomainError("validation_failed", "silenceTooLong", "endsAt");
  }
  const [row] = await tx
    .insert(silences)
    .values({
      matchers: input.matchers,
      startsAt,
      endsAt: input.endsAt,
      createdBy: actorLabel(actor),
      comment: input.comment,
      createdAt: now,
    })
    .returning();
  if (!row) throw new Error("insert returned nothing");
  await recordAudit(tx, {
    actor,
    action: "silence.created",
    entityType: "silence",
    entityId: row.id,
    changes: {
      matchers: { old: null, new: input.matchers },
      startsAt: { old: null, new: startsAt.toISOString() },
      endsAt: { old: null, new: input.endsAt.toISOString() },
      comment: { old: null, new: input.comment },
    },
  });
  return getSilence(tx, actor, row.id, now);
}

/**
 * Expires a silence now (`monitoring.write`), pending or active, audited `silence.expired`;
 * alerts it silenced notify at the next evaluation if still firing. Already expired → 409
 * `silenceAlreadyExpired`.
 */
export async function expireSilence(tx: Executor, actor: Actor, id: string, now: Date = new Date()): Promise<void> {
  assertCan(actor, "monitoring.write");
  if (!isUuid(id)) throw notFound();
  const [row] = await tx.select().from(silences).where(eq(silences.id, id)).limit(1).for("update");
  if (!row) throw notFound();
  if (row.expiredAt || row.endsAt.getTime() <= now.getTime()) throw new DomainError("conflict", "silenceAlreadyExpired");
  await tx.update(silences).set({ expiredAt: now }).where(eq(silences.id, id));
  await recordAudit(tx, {
    actor,
    action: "silence.expired",
    entityType: "silence",
    entityId: id,
    changes: { expiredAt: { old: null, new: now.toISOString() } },
  });
}
