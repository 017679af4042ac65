import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users, type UserRow } from "@/db/schema";
import { recordAudit } from "@/server/platform/audit";
import { contextFromHeaders } from "@/server/platform/request-context";
import { hit } from "@/server/platform/rate-limit";
import { dummyVerify, verifyPassword } from "./password";

export const maxFailedSignIns = 5;
export const lockMinutes = 15;
/** Attempts one address may make in 15 minutes, whatever the accounts tried. */
export const signInsPerIp = Number(process.env.DIHYA_SIGNIN_IP_LIMIT ?? 50);

export type SignInOutcome = { kind: "ok"; user: UserRow } | { kind: "invalid" } | { kind: "locked" } | { kind: "throttled" };

/**
 * Checks an e-mail and password. Five failures in a row lock the account for 15 minutes;
 * every address is throttled too. Unknown accounts cost the same time as known ones.
 */
export async function authenticate(email: string, password: string, headers: Headers): Promise<SignInOutcome> {
  const context = contextFromHeaders(headers);
  const db = await getDb();
  const ipCheck = await hit(`signin:ip:${context.ip ?? "unknown"}`, signInsPerIp, 15 * 60_000);
  if (!ipCheck.allowed) return { kind: "throttled" };

  const [user] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`)
    .limit(1);
  if (!user || user.disabled) {
    await dummyVerify(password);
    return { kind: "invalid" };
  }
  const now = new Date();
  if (user.lockedUntil && user.lockedUntil > now) return { kind: "locked" };

  const self = { kind: "user" as const, id: user.id, label: user.email };
  if (!(await verifyPassword(user.passwordHash, password))) {
    const failures = user.failedSignIns + 1;
    const locks = failures >= maxFailedSignIns;
    await db.transaction(async (tx) => {
      await tx
        .update(users)
        .set({
          failedSignIns: locks ? 0 : failures,
          lockedUntil: locks ? new Date(now.getTime() + lockMinutes * 60_000) : user.lockedUntil,
        })
        .where(eq(users.id, user.id));
      await recordAudit(tx, {
        actor: self,
        action: locks ? "auth.locked" : "auth.sign_in_failed",
        entityType: "user",
        entityId: user.id,
        changes: { failedSignIns: { old: user.failedSignIns, new: locks ? 0 : failures } },
        context,
      });
    });
    return locks ? { kind: "locked" } : { kind: "invalid" };
  }

  await db.transaction(async (tx) => {
    await tx.update(users).set({ failedSignIns: 0, lockedUntil: null, lastSignInAt: now }).where(eq(users.id, user.id));
    await recordAudit(tx, { actor: self, action: "auth.signed_in", entityType: "user", entityId: user.id, context });
  });
  return { kind: "ok", user };
}
