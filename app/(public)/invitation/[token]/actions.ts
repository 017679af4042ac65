"use server";

import { signIn } from "@/auth";
import { inTransaction } from "@/db/client";
import { acceptInvitationSchema } from "@/lib/validation/clients";
import { fieldErrorsOf, type ActionResult } from "@/server/auth/define-action";
import { acceptInvitation } from "@/server/energy/clients/client-accounts";
import { DomainError } from "@/server/platform/errors";

/**
 * Callable without a session: the invitation token is the credential. zod first, then the
 * token (unknown, used or expired is refused) in the service; on success the new client
 * account is signed in and taken to its home.
 */
export async function acceptInvitationAction(raw: unknown): Promise<ActionResult<never>> {
  const parsed = acceptInvitationSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, code: "validation_failed", messageKey: "invalid", fieldErrors: fieldErrorsOf(parsed.error) };
  let email: string;
  try {
    email = (await inTransaction((tx) => acceptInvitation(tx, parsed.data))).email;
  } catch (error) {
    if (error instanceof DomainError) {
      return {
        ok: false,
        code: error.code,
        messageKey: error.messageKey,
        fieldErrors: error.field ? { [error.field]: [error.messageKey] } : undefined,
      };
    }
    console.error("[invitation]", error);
    return { ok: false, code: "internal", messageKey: "internal" };
  }
  await signIn("credentials", { email, password: parsed.data.password, redirectTo: "/client" });
  return { ok: false, code: "internal", messageKey: "internal" };
}
