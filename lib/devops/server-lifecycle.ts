/**
 * The vocabulary of the server inventory and its lifecycle, safe on both sides (pages,
 * services, the CSV import). A server is created `provisioning`; `decommissioned` is final
 * (its agent tokens stop working, see server/devops/agents/agent-tokens.ts).
 */
export const serverKinds = ["physical", "vm", "container_host"] as const;
export type ServerKind = (typeof serverKinds)[number];

export const serverEnvironments = ["production", "staging", "development"] as const;
export type ServerEnvironment = (typeof serverEnvironments)[number];

/** Lowest to highest. */
export const serverCriticalities = ["low", "medium", "high", "critical"] as const;
export type ServerCriticality = (typeof serverCriticalities)[number];

export const serverStatuses = ["provisioning", "running", "maintenance", "stopped", "decommissioned"] as const;
export type ServerStatus = (typeof serverStatuses)[number];

/** What the agent says (written by the monitoring side): never reported, reporting, late, silent too long. */
export const monitorStates = ["unknown", "up", "stale", "down"] as const;
export type MonitorState = (typeof monitorStates)[number];

/**
 * Allowed lifecycle moves: provisioning → running; running ⇄ maintenance; running ⇄ stopped;
 * maintenance → stopped; any status but decommissioned → decommissioned.
 */
const transitions: Record<ServerStatus, readonly ServerStatus[]> = {
  provisioning: ["running", "decommissioned"],
  running: ["maintenance", "stopped", "decommissioned"],
  maintenance: ["running", "stopped", "decommissioned"],
  stopped: ["running", "decommissioned"],
  decommissioned: [],
};

export function allowedTransitions(from: ServerStatus): readonly ServerStatus[] {
  return transitions[from];
}

export function canTransition(from: ServerStatus, to: ServerStatus): boolean {
  return transitions[from].includes(to);
}

export function isServerStatus(value: unknown): value is ServerStatus {
  return typeof value === "string" && (serverStatuses as readonly string[]).includes(value);
}

/** Sort ranks: the lifecycle order, the most worrying monitor state first, production first. */
export const statusRank: Record<ServerStatus, number> = { provisioning: 0, running: 1, maintenance: 2, stopped: 3, decommissioned: 4 };
export const monitorRank: Record<MonitorState, number> = { down: 0, stale: 1, unknown: 2, up: 3 };
export const environmentRank: Record<ServerEnvironment, number> = { production: 0, staging: 1, development: 2 };
