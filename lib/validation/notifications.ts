import { z } from "zod";
import { notificationKindIds } from "@/lib/notification-kinds";

/** `GET /api/notifications` and the notifications page: the caller's own, newest first. */
export const listNotificationsQuery = z.strictObject({
  unread: z
    .enum(["true", "false"], "invalid")
    .transform((v) => v === "true")
    .optional(),
  kind: z.string().trim().min(1).max(100).optional(),
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type ListNotificationsQuery = z.output<typeof listNotificationsQuery>;

/** Mark some of one's notifications read, or all of them. */
export const markReadSchema = z.union([
  z.strictObject({ ids: z.array(z.uuid("invalid")).min(1, "required").max(500) }),
  z.strictObject({ all: z.literal(true) }),
]);
export type MarkReadInput = z.output<typeof markReadSchema>;

/** The preferences grid: one row per kind, one flag per channel. */
export const notificationPreferencesSchema = z.strictObject({
  preferences: z
    .array(z.strictObject({ kind: z.enum(notificationKindIds, "invalid"), in_app: z.boolean(), email: z.boolean() }))
    .max(100)
    .refine((rows) => new Set(rows.map((r) => r.kind)).size === rows.length, "invalid"),
});
export type NotificationPreferencesInput = z.output<typeof notificationPreferencesSchema>;
