import "server-only";
import type { Actor } from "@/server/auth/actor";
import { hitAll } from "./rate-limit";

const windowMs = 60_000;
const envInt = (name: string, fallback: number) => {
  const n = Number(process.env[name]);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};

export type ApiLimit = { allowed: boolean; headers: Record<string, string>; retryAfter: number };

/**
 * Per-credential and per-address limits for /api, counted in the database so every
 * instance shares them. Per credential: the key's or client's own limit, else
 * DIHYA_API_RATE_LIMIT (600/min); per address: DIHYA_API_IP_RATE_LIMIT (1200/min).
 * Headers follow draft-ietf-httpapi-ratelimit-headers (RateLimit-Policy / RateLimit).
 */
export async function checkApiLimits(actor: Actor | null, ip: string | null): Promise<ApiLimit> {
  const checks: { key: string; limit: number; name: string }[] = [];
  if (actor && actor.kind !== "system") {
    const own = actor.kind === "partner" ? actor.rateLimit : null;
    checks.push({ key: `api:${actor.kind}:${actor.id}`, limit: own ?? envInt("DIHYA_API_RATE_LIMIT", 600), name: "credential" });
  }
  if (ip) checks.push({ key: `api:ip:${ip}`, limit: envInt("DIHYA_API_IP_RATE_LIMIT", 1200), name: "address" });
  let tightest: { name: string; limit: number; remaining: number; reset: number } | null = null;
  let blocked: number | null = null;
  const results = await hitAll(checks, windowMs);
  for (const [i, check] of checks.entries()) {
    const result = results[i]!;
    const reset = Math.max(1, Math.ceil((result.resetAt.getTime() - Date.now()) / 1000));
    if (!result.allowed) blocked = Math.max(blocked ?? 0, reset);
    if (!tightest || result.remaining < tightest.remaining)
      tightest = { name: check.name, limit: check.limit, remaining: result.remaining, reset };
  }
  const headers: Record<string, string> = tightest
    ? {
        "ratelimit-policy": `"${tightest.name}";q=${tightest.limit};w=${windowMs / 1000}`,
        ratelimit: `"${tightest.name}";r=${tightest.remaining};t=${tightest.reset}`,
      }
    : {};
  return { allowed: blocked === null, headers, retryAfter: blocked ?? 0 };
}
