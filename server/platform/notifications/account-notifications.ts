import "server-only";
import type { Executor } from "@/db/client";
import { notify } from "./notify";

/**
 * Tells a person that an administrator changed their account: `account.role_changed`
 * (params `{ role }`, shown translated) or `account.password_reset`. Both link to the profile.
 */
export async function notifyAccountChange(
  tx: Executor,
  userId: string,
  event: "role_changed" | "password_reset",
  params?: Record<string, string>,
): Promise<void> {
  await notify(tx, {
    to: { userId },
    kind: `account.${event}`,
    titleKey: `notifications.messages.account.${event}.title`,
    bodyKey: `notifications.messages.account.${event}.body`,
    params,
    link: "/profile",
  });
}
