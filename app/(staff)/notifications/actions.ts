"use server";

import { z } from "zod";
import { markReadSchema, notificationPreferencesSchema } from "@/lib/validation/notifications";
import { defineAction } from "@/server/auth/define-action";
import { listNotificationViews, markNotificationsRead } from "@/server/platform/notifications/notifications-service";
import { savePreferences } from "@/server/platform/notifications/preferences-service";

const markRead = defineAction({ schema: markReadSchema, permission: "notifications.read" }, ({ actor, input, tx }) =>
  markNotificationsRead(tx, actor, input),
);

const latest = defineAction({ schema: z.strictObject({}), permission: "notifications.read" }, ({ actor, tx }) =>
  listNotificationViews(tx, actor, { limit: 5 }),
);

const savePrefs = defineAction({ schema: notificationPreferencesSchema, permission: "notifications.read" }, ({ actor, input, tx }) =>
  savePreferences(tx, actor, input),
);

/** `{ ids }` or `{ all: true }`: the caller's own notifications only. */
export async function markNotificationsReadAction(input: unknown) {
  return markRead(input);
}

/** The caller's five latest notifications, rendered in their language (the header bell). */
export async function latestNotificationsAction() {
  return latest({});
}

/** The caller's preferences grid (kind × channel); audited. */
export async function saveNotificationPreferencesAction(input: unknown) {
  return savePrefs(input);
}
