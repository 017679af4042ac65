import "server-only";
import { z } from "zod";
import { notificationSeverities } from "@/lib/notification-kinds";

export const emailJobKind = "notification.email";

/** What notify() queues for the e-mail channel; the recipient's address and language are read at send time. */
export const emailJobPayload = z.object({
  userId: z.uuid(),
  kind: z.string().min(1),
  severity: z.enum(notificationSeverities),
  titleKey: z.string().min(1),
  bodyKey: z.string().min(1).nullable(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  link: z.string().nullable(),
});
export type EmailJobPayload = z.output<typeof emailJobPayload>;
