import "server-only";
import { servers } from "@/db/schema";
import type { MonitorState, ServerCriticality, ServerEnvironment, ServerKind, ServerStatus } from "@/lib/devops/server-lifecycle";

export type ServerRow = typeof servers.$inferSelect;

/** A server as the API and the pages show it. */
export type ServerDto = {
  id: string;
  hostname: string;
  addresses: string[];
  kind: ServerKind;
  location: string;
  country: string;
  os: string;
  cpuCores: number | null;
  memoryMb: number | null;
  diskGb: number | null;
  environment: ServerEnvironment;
  role: string;
  tags: string[];
  team: string;
  criticality: ServerCriticality;
  status: ServerStatus;
  notes: string;
  heartbeatSeconds: number;
  missedHeartbeats: number;
  monitorState: MonitorState;
  monitorStateSince: string | null;
  lastHeartbeatAt: string | null;
  agentVersion: string | null;
  createdAt: string;
  updatedAt: string;
};

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toServerDto(row: ServerRow): ServerDto {
  return {
    id: row.id,
    hostname: row.hostname,
    addresses: row.addresses,
    kind: row.kind as ServerKind,
    location: row.location,
    country: row.country,
    os: row.os,
    cpuCores: row.cpuCores,
    memoryMb: row.memoryMb,
    diskGb: row.diskGb,
    environment: row.environment as ServerEnvironment,
    role: row.role,
    tags: row.tags,
    team: row.team,
    criticality: row.criticality as ServerCriticality,
    status: row.status as ServerStatus,
    notes: row.notes,
    heartbeatSeconds: row.heartbeatSeconds,
    missedHeartbeats: row.missedHeartbeats,
    monitorState: row.monitorState as MonitorState,
    monitorStateSince: iso(row.monitorStateSince),
    lastHeartbeatAt: iso(row.lastHeartbeatAt),
    agentVersion: row.agentVersion,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The audited snapshot of a server's inventory fields (what `diff` compares; the status has its own rows). */
export function auditSnapshot(row: ServerRow): Record<string, unknown> {
  return {
    hostname: row.hostname,
    addresses: row.addresses,
    kind: row.kind,
    location: row.location,
    country: row.country,
    os: row.os,
    cpuCores: row.cpuCores,
    memoryMb: row.memoryMb,
    diskGb: row.diskGb,
    environment: row.environment,
    role: row.role,
    tags: row.tags,
    team: row.team,
    criticality: row.criticality,
    notes: row.notes,
    heartbeatSeconds: row.heartbeatSeconds,
    missedHeartbeats: row.missedHeartbeats,
  };
}
