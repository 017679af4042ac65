"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { localeCookie } from "@/i18n/config";
import { changePasswordSchema, profileSchema } from "@/lib/validation/users";
import { defineAction } from "@/server/auth/define-action";
import { preferenceCookieOptions, themeCookie } from "@/server/platform/locale";
import { changePassword, updateProfile } from "@/server/users/profile-service";

const saveProfile = defineAction({ schema: profileSchema, permission: "profile.self" }, async ({ actor, input, tx }) => {
  await updateProfile(tx, actor, input);
  const jar = await cookies();
  jar.set(localeCookie, input.locale, preferenceCookieOptions);
  jar.set(themeCookie, input.theme, preferenceCookieOptions);
  return null;
});

const savePassword = defineAction({ schema: changePasswordSchema, permission: "profile.self" }, async ({ actor, input, tx }) => {
  await changePassword(tx, actor, input);
  return null;
});

export async function updateProfileAction(input: unknown) {
  return saveProfile(input);
}

/** On success every session of the account ends, this one too: sign in again. */
export async function changePasswordAction(input: unknown) {
  const result = await savePassword(input);
  if (result.ok) redirect("/sign-in?passwordChanged=1");
  return result;
}
