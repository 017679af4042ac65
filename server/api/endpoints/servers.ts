import "server-only";
import { z } from "zod";
import { monitorStates, serverCriticalities, serverEnvironments, serverKinds, serverStatuses } from "@/lib/devops/server-lifecycle";
import { accessLevels } from "@/lib/validation/server-access";
import {
  createServerSchema,
  issueAgentTokenSchema,
  listServersQuery,
  serverFilters,
  serverTransitionSchema,
  updateServerSchema,
} from "@/lib/validation/servers";
import { endpoint } from "../endpoint";
import { page } from "../schemas";

const time = z.iso.datetime();

const serverDto = z.object({
  id: z.uuid(),
  hostname: z.string().describe("RFC 1123 host name, lower-case; unique in any case."),
  addresses: z.array(z.string()).describe("IPv4 and IPv6 addresses."),
  kind: z.enum(serverKinds),
  location: z.string().describe("Provider or datacenter."),
  country: z.string().describe("ISO 3166-1 alpha-2 code of where it runs (picks the SLA calendar of its incidents)."),
  os: z.string(),
  cpuCores: z.number().int().nullable(),
  memoryMb: z.number().int().nullable(),
  diskGb: z.number().int().nullable(),
  environment: z.enum(serverEnvironments),
  role: z.string(),
  tags: z.array(z.string()).describe("Lower-case."),
  team: z.string(),
  criticality: z.enum(serverCriticalities),
  status: z.enum(serverStatuses).describe("Lifecycle; change it with POST /api/servers/{id}/status."),
  notes: z.string(),
  heartbeatSeconds: z.number().int().describe("Expected interval between agent heartbeats."),
  missedHeartbeats: z.number().int().describe("Missed intervals before the server is considered down."),
  monitorState: z.enum(monitorStates).describe("What the agent says: unknown (never reported), up, stale (late), down."),
  monitorStateSince: time.nullable(),
  lastHeartbeatAt: time.nullable(),
  agentVersion: z.string().nullable(),
  createdAt: time,
  updatedAt: time,
});

const serverDetailDto = serverDto.extend({
  allowedTransitions: z.array(z.enum(serverStatuses)).describe("Statuses this server may move to now."),
  history: z.array(
    z.object({
      id: z.number().int(),
      fromStatus: z.enum(serverStatuses).nullable(),
      toStatus: z.enum(serverStatuses),
      actorLabel: z.string(),
      reason: z.string(),
      at: time,
    }),
  ),
  grants: z.array(
    z.object({
      id: z.uuid(),
      serverId: z.uuid(),
      userId: z.uuid().nullable(),
      userName: z.string().nullable(),
      principal: z.string(),
      level: z.enum(accessLevels),
      sshKeyFingerprint: z.string().nullable().describe("SHA256:… or MD5:…; keys themselves are never stored."),
      expiresAt: time.nullable(),
      reason: z.string(),
      createdBy: z.string(),
      createdAt: time,
      revokedAt: time.nullable(),
      revokedBy: z.string().nullable(),
      expired: z.boolean(),
    }),
  ),
  journal: z
    .array(z.object({ id: z.uuid(), authorLabel: z.string(), body: z.string(), createdAt: time }))
    .describe("Dated notes, newest first."),
  agentTokens: z
    .array(
      z.object({
        id: z.uuid(),
        hint: z.string().describe("Last 4 characters of the token."),
        createdBy: z.string(),
        createdAt: time,
        lastUsedAt: time.nullable(),
        revokedAt: time.nullable(),
      }),
    )
    .describe("Never the token value nor its hash."),
});

export const listServers = endpoint({
  id: "listServers",
  method: "GET",
  path: "/api/servers",
  tag: "servers",
  permission: "servers.read",
  template: "devops",
  query: listServersQuery,
  response: page(serverDto),
});

export const createServer = endpoint({
  id: "createServer",
  method: "POST",
  path: "/api/servers",
  tag: "servers",
  permission: "servers.write",
  template: "devops",
  body: createServerSchema,
  response: serverDto,
  status: 201,
});

export const getServer = endpoint({
  id: "getServer",
  method: "GET",
  path: "/api/servers/{id}",
  tag: "servers",
  permission: "servers.read",
  template: "devops",
  response: serverDetailDto,
});

export const updateServer = endpoint({
  id: "updateServer",
  method: "PATCH",
  path: "/api/servers/{id}",
  tag: "servers",
  permission: "servers.write",
  template: "devops",
  body: updateServerSchema,
  response: serverDto,
});

export const changeServerStatus = endpoint({
  id: "changeServerStatus",
  method: "POST",
  path: "/api/servers/{id}/status",
  tag: "servers",
  permission: "servers.write",
  template: "devops",
  body: serverTransitionSchema,
  response: serverDto,
});

export const issueAgentToken = endpoint({
  id: "issueAgentToken",
  method: "POST",
  path: "/api/servers/{id}/agent-tokens",
  tag: "servers",
  permission: "servers.write",
  template: "devops",
  body: issueAgentTokenSchema,
  response: z.object({
    id: z.uuid(),
    token: z.string().describe("dha_…: shown in this response only; the agent sends it as Authorization: Bearer."),
    hint: z.string(),
  }),
  status: 201,
});

export const revokeAgentToken = endpoint({
  id: "revokeAgentToken",
  method: "DELETE",
  path: "/api/servers/{id}/agent-tokens/{tokenId}",
  tag: "servers",
  permission: "servers.write",
  template: "devops",
  status: 204,
});

export const exportServers = endpoint({
  id: "exportServers",
  method: "GET",
  path: "/api/export/servers",
  tag: "servers",
  permission: "servers.read",
  template: "devops",
  query: serverFilters,
  produces: "text/csv",
});
