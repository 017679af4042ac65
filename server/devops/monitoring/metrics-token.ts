import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";

const digest = (value: string) => createHash("sha256").update(value).digest();

/**
 * Whether a scrape may read /api/metrics: when DIHYA_METRICS_TOKEN is set, only with
 * `Authorization: Bearer <token>` (compared in constant time, over SHA-256 digests so the
 * length leaks nothing either); when it is unset the exposition is open — keep it then on a
 * private network or behind the reverse proxy.
 */
export function metricsScrapeAllowed(authorization: string | null, token = process.env.DIHYA_METRICS_TOKEN): boolean {
  if (!token) return true;
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? "");
  if (!match?.[1]) return false;
  return timingSafeEqual(digest(match[1]), digest(token));
}
