import "server-only";
import type { Actor } from "./actor";
import { agentFromToken, agentTokenPrefix } from "@/server/devops/agents/agent-tokens";
import { apiKeyPrefix, partnerFromApiKey } from "./api-keys";
import { getActor } from "./guards";
import { partnerFromAccessToken } from "./oauth";

/**
 * Who is calling an /api route: `Authorization: Bearer dihya_…` (API key), `dha_…` (a
 * server's agent token), a bearer
 * access token from /api/oauth/token, or the browser session. "bad" when a bearer is sent
 * but identifies no one (never falls back to the cookie).
 */
export async function resolveCredentials(request: Request): Promise<Actor | null | "bad"> {
  const authorization = request.headers.get("authorization");
  if (authorization) {
    const match = /^Bearer\s+(\S{1,4096})$/i.exec(authorization);
    if (!match?.[1]) return "bad";
    const value = match[1];
    if (value.startsWith(agentTokenPrefix)) return (await agentFromToken(value)) ?? "bad";
    const partner = value.startsWith(apiKeyPrefix) ? await partnerFromApiKey(value) : await partnerFromAccessToken(value);
    return partner ?? "bad";
  }
  return getActor();
}
