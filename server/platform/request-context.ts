import "server-only";
import { headers } from "next/headers";

export type RequestContext = { ip: string | null; userAgent: string | null; requestId: string | null };

/** Client address: the first X-Forwarded-For hop (set by Next or the reverse proxy). */
export function clientIp(h: Headers): string | null {
  const xff = h.get("x-forwarded-for");
  if (xff) return xff.split(",")[0]?.trim() || null;
  return h.get("x-real-ip");
}

export function contextFromHeaders(h: Headers): RequestContext {
  return { ip: clientIp(h), userAgent: h.get("user-agent")?.slice(0, 400) ?? null, requestId: h.get("x-request-id") };
}

/** The current request's context, or nulls outside a request (jobs, scripts). */
export async function requestContext(): Promise<RequestContext> {
  try {
    return contextFromHeaders(await headers());
  } catch {
    return { ip: null, userAgent: null, requestId: null };
  }
}
