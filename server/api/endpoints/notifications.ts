import "server-only";
import { z } from "zod";
import { listNotificationsQuery, markReadSchema } from "@/lib/validation/notifications";
import { endpoint } from "../endpoint";
import { page } from "../schemas";

const notificationDto = z.object({
  id: z.uuid(),
  kind: z.string(),
  severity: z.enum(["info", "success", "warning", "critical"]),
  title: z.string().describe("Rendered in the caller's language."),
  body: z.string().nullable(),
  titleKey: z.string(),
  bodyKey: z.string().nullable(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  link: z.string().nullable(),
  readAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});

export const listNotifications = endpoint({
  id: "listNotifications",
  method: "GET",
  path: "/api/notifications",
  tag: "notifications",
  permission: "notifications.read",
  query: listNotificationsQuery,
  response: page(notificationDto),
});

export const markNotificationsRead = endpoint({
  id: "markNotificationsRead",
  method: "POST",
  path: "/api/notifications/read",
  tag: "notifications",
  permission: "notifications.read",
  body: markReadSchema,
  response: z.object({ updated: z.number().int(), unread: z.number().int() }),
});

export const notificationStream = endpoint({
  id: "notificationStream",
  method: "GET",
  path: "/api/notifications/stream",
  tag: "notifications",
  permission: "notifications.read",
  produces: "text/event-stream",
  response: z.string().describe("Server-Sent Events: `unread` (count) and `notification` (rendered), heartbeat every 25 s."),
});
