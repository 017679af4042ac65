"use server";

import { signIn } from "@/auth";
import { inTransaction } from "@/db/client";
import { setupSchema } from "@/lib/validation/users";
import { fieldErrorsOf, type ActionResult } from "@/server/auth/define-action";
import { DomainError } from "@/server/platform/errors";
import { completeSetup } from "@/server/platform/setup";

/**
 * The only action callable without a session: it works while no account exists and with
 * the token from the server log, then signs the new admin in.
 */
export async function completeSetupAction(raw: unknown): Promise<ActionResult<never>> {
  const parsed = setupSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, code: "validation_failed", messageKey: "invalid", fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    await inTransaction((tx) => completeSetup(tx, parsed.data));
  } catch (error) {
    if (error instanceof DomainError) {
      return {
        ok: false,
        code: error.code,
        messageKey: error.messageKey,
        fieldErrors: error.field ? { [error.field]: [error.messageKey] } : undefined,
      };
    }
    console.error("[setup]", error);
    return { ok: false, code: "internal", messageKey: "internal" };
  }
  await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirectTo: "/admin/users" });
  return { ok: false, code: "internal", messageKey: "internal" };
}
