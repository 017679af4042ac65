"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { signIn } from "@/auth";
import { signInSchema } from "@/lib/validation/auth";
import { safeNext } from "@/lib/safe-next";

export type SignInState = { error?: "invalid" | "locked" | "throttled" | "missing"; email?: string };

/** Signs in through Auth.js credentials; errors come back as message keys, never details. */
export async function signInAction(_prev: SignInState, form: FormData): Promise<SignInState> {
  const parsed = signInSchema.safeParse({ email: form.get("email"), password: form.get("password") });
  const email = typeof form.get("email") === "string" ? String(form.get("email")).slice(0, 254) : "";
  if (!parsed.success) return { error: "missing", email };
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: safeNext(form.get("next")) ?? "/" });
    return {};
  } catch (error) {
    if (error instanceof AuthError) {
      const code = error instanceof CredentialsSignin ? error.code : "";
      return { error: code === "locked" ? "locked" : code === "throttled" ? "throttled" : "invalid", email };
    }
    throw error;
  }
}
