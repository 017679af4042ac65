import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { clientAccounts, clientInvitations, clients, users } from "@/db/schema";
import { isLocale } from "@/i18n/config";
import { assertCan, type Actor, type SystemActor } from "@/server/auth/actor";
import { enqueue } from "@/server/platform/jobs/enqueue";
import { recordAudit } from "@/server/platform/audit";
import { DomainError } from "@/server/platform/errors";
import { createUser, type UserDto } from "@/server/users/users-service";
import { lockClient } from "./clients-service";

/** Days an invitation link stays valid. */
export const invitationDays = 7;
export const invitationEmailJob = "client.invitation.email";

export const hashInvitationToken = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

const usable = (status: string) => status !== "closed" && status !== "anonymised";

async function assertEmailFree(tx: Executor, email: string) {
  const [taken] = await tx
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`)
    .limit(1);
  if (taken) throw new DomainError("conflict", "emailTaken", "email");
}

/**
 * An admin opens a client-role account for the client (`clients.write`): the user is created
 * through the users service (audited `user.created`) in the client's language, then linked
 * (audited `client.account.created`). A closed or anonymised client → 409 `clientNotOpen`.
 */
export async function createClientAccount(
  tx: Executor,
  actor: Actor,
  input: { clientId: string; name: string; email: string; password: string },
): Promise<UserDto> {
  assertCan(actor, "clients.write");
  const client = await lockClient(tx, input.clientId);
  if (!usable(client.status)) throw new DomainError("conflict", "clientNotOpen");
  const user = await createUser(tx, actor, {
    name: input.name,
    email: input.email,
    role: "client",
    locale: isLocale(client.locale) ? client.locale : "fr",
    password: input.password,
  });
  await tx.insert(clientAccounts).values({ userId: user.id, clientId: client.id });
  await recordAudit(tx, {
    actor,
    action: "client.account.created",
    entityType: "client",
    entityId: client.id,
    changes: { account: { old: null, new: user.email } },
  });
  return user;
}

/**
 * Invites someone by e-mail to open the client's account (`clients.write`): stores the
 * sha-256 of a random token, valid 7 days, and queues the e-mail (in the client's language)
 * with the link `/invitation/<token>`. The raw token travels only in the queued job's payload
 * and the e-mail. An address already used by an account → 409 `emailTaken`. Audited `client.invited`.
 * Returns the token (for the caller's own use, e.g. tests; never shown to the inviter).
 */
export async function inviteClient(
  tx: Executor,
  actor: Actor,
  input: { clientId: string; email: string },
  now: Date = new Date(),
): Promise<{ invitationId: string; token: string; expiresAt: Date }> {
  assertCan(actor, "clients.write");
  const client = await lockClient(tx, input.clientId);
  if (!usable(client.status)) throw new DomainError("conflict", "clientNotOpen");
  const email = input.email.trim().toLowerCase();
  await assertEmailFree(tx, email);
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + invitationDays * 86_400_000);
  const [row] = await tx
    .insert(clientInvitations)
    .values({
      clientId: client.id,
      email,
      tokenHash: hashInvitationToken(token),
      expiresAt,
      invitedBy: actor.kind === "user" ? actor.id : null,
    })
    .returning({ id: clientInvitations.id });
  if (!row) throw new Error("insert returned nothing");
  await enqueue(tx, { kind: invitationEmailJob, payload: { invitationId: row.id, token } });
  await recordAudit(tx, {
    actor,
    action: "client.invited",
    entityType: "client",
    entityId: client.id,
    changes: { invitation: { old: null, new: email }, expiresAt: { old: null, new: expiresAt.toISOString() } },
  });
  return { invitationId: row.id, token, expiresAt };
}

export type InvitationState =
  { state: "valid"; email: string; clientName: string; locale: string; expiresAt: Date } | { state: "unknown" | "used" | "expired" };

/** What the public invitation page shows for a token (no permission: the token is the credential). */
export async function invitationState(db: Executor, token: string, now: Date = new Date()): Promise<InvitationState> {
  const [row] = await db
    .select({ inv: clientInvitations, clientName: clients.name, locale: clients.locale, status: clients.status })
    .from(clientInvitations)
    .innerJoin(clients, eq(clients.id, clientInvitations.clientId))
    .where(eq(clientInvitations.tokenHash, hashInvitationToken(token)))
    .limit(1);
  if (!row || !usable(row.status)) return { state: "unknown" };
  if (row.inv.acceptedAt) return { state: "used" };
  if (row.inv.expiresAt <= now) return { state: "expired" };
  return { state: "valid", email: row.inv.email, clientName: row.clientName, locale: row.locale, expiresAt: row.inv.expiresAt };
}

const invitationActor: SystemActor = { kind: "system", id: "client-invitation" };

/**
 * Accepts an invitation: creates the client-role account (the invited address, the client's
 * language), links it, and marks the invitation used, all in one transaction. Unknown token →
 * 404 `invitationUnknown`; used → 409 `invitationUsed`; expired → 409 `invitationExpired`.
 * Audited as `client.invitation.accepted` by the new account.
 */
export async function acceptInvitation(
  tx: Executor,
  input: { token: string; name: string; password: string },
  now: Date = new Date(),
): Promise<UserDto> {
  const [inv] = await tx
    .select()
    .from(clientInvitations)
    .where(eq(clientInvitations.tokenHash, hashInvitationToken(input.token)))
    .limit(1)
    .for("update");
  if (!inv) throw new DomainError("not_found", "invitationUnknown");
  if (inv.acceptedAt) throw new DomainError("conflict", "invitationUsed");
  if (inv.expiresAt <= now) throw new DomainError("conflict", "invitationExpired");
  const client = await lockClient(tx, inv.clientId);
  if (!usable(client.status)) throw new DomainError("not_found", "invitationUnknown");
  await assertEmailFree(tx, inv.email);
  const user = await createUser(tx, invitationActor, {
    name: input.name,
    email: inv.email,
    role: "client",
    locale: isLocale(client.locale) ? client.locale : "fr",
    password: input.password,
  });
  await tx.insert(clientAccounts).values({ userId: user.id, clientId: client.id });
  const marked = await tx
    .update(clientInvitations)
    .set({ acceptedAt: now, userId: user.id })
    .where(and(eq(clientInvitations.id, inv.id), isNull(clientInvitations.acceptedAt), gt(clientInvitations.expiresAt, now)))
    .returning({ id: clientInvitations.id });
  if (marked.length === 0) throw new DomainError("conflict", "invitationUsed");
  await recordAudit(tx, {
    actor: { kind: "user", id: user.id, label: user.email },
    action: "client.invitation.accepted",
    entityType: "client",
    entityId: client.id,
    changes: { account: { old: null, new: user.email } },
  });
  return user;
}
