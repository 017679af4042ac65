import "server-only";
import { z } from "zod";
import { exportAuditQuery, listAuditQuery } from "@/lib/validation/audit";
import { endpoint } from "../endpoint";
import { page } from "../schemas";

export const auditEntryDto = z.object({
  id: z.uuid(),
  at: z.string().describe("ISO 8601, UTC, with microseconds."),
  actorType: z.string().describe("user, api_key, oauth_client, system or anonymous."),
  actorId: z.string().nullable(),
  actorLabel: z.string().nullable(),
  action: z.string().describe("e.g. user.created, export.created."),
  entityType: z.string(),
  entityId: z.string().nullable(),
  changes: z.record(z.string(), z.unknown()).nullable().describe("Field → { old, new }; secrets appear as ***."),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  requestId: z.string().nullable(),
});

export const listAudit = endpoint({
  id: "listAudit",
  method: "GET",
  path: "/api/audit",
  tag: "audit",
  permission: "audit.read",
  query: listAuditQuery,
  response: page(auditEntryDto),
});

export const exportAudit = endpoint({
  id: "exportAudit",
  method: "GET",
  path: "/api/audit/export",
  tag: "audit",
  permission: "audit.read",
  query: exportAuditQuery,
  produces: "text/csv",
});
