import { NextResponse, type NextRequest } from "next/server";

/**
 * CORS for /api: only origins listed in DIHYA_CORS_ORIGINS (comma-separated) get CORS
 * headers, never with credentials — cross-origin callers use API keys or tokens.
 */
function corsHeaders(request: NextRequest): Record<string, string> | null {
  const origin = request.headers.get("origin");
  const allowed = (process.env.DIHYA_CORS_ORIGINS ?? "")
    .split(",")
    .map((o) => o.trim())
    .filter(Boolean);
  if (!origin || !allowed.includes(origin)) return null;
  return {
    "access-control-allow-origin": origin,
    "access-control-expose-headers": "Location, Retry-After, RateLimit, RateLimit-Policy, Idempotent-Replayed, X-Request-Id",
    vary: "Origin",
  };
}

function preflight(request: NextRequest): NextResponse {
  const cors = corsHeaders(request);
  if (!cors) {
    const body = {
      type: "https://dihya.dev/problems/cors_origin_not_allowed",
      title: "Forbidden",
      status: 403,
      code: "cors_origin_not_allowed",
    };
    return NextResponse.json(body, { status: 403, headers: { "content-type": "application/problem+json", vary: "Origin" } });
  }
  return new NextResponse(null, {
    status: 204,
    headers: {
      ...cors,
      "access-control-allow-methods": "GET, POST, PUT, PATCH, DELETE",
      "access-control-allow-headers": "Authorization, Content-Type, Idempotency-Key, X-Request-Id",
      "access-control-max-age": "600",
    },
  });
}

/**
 * Headers only: a per-request CSP nonce, a request id, and the security headers. This is
 * never the security boundary; every page, action and route checks its caller itself.
 */
export function proxy(request: NextRequest) {
  if (
    request.method === "OPTIONS" &&
    request.nextUrl.pathname.startsWith("/api/") &&
    request.headers.get("access-control-request-method")
  ) {
    return preflight(request);
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const dev = process.env.NODE_ENV === "development";
  const isApi = request.nextUrl.pathname.startsWith("/api/");
  const csp = isApi
    ? "default-src 'none'; frame-ancestors 'none'"
    : [
        "default-src 'self'",
        `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
      ].join("; ");

  const requestHeaders = new Headers(request.headers);
  requestHeaders.delete("x-middleware-subrequest");
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  requestHeaders.set("x-dihya-path", request.nextUrl.pathname + request.nextUrl.search);
  const requestId = /^[\w.-]{1,100}$/.test(request.headers.get("x-request-id") ?? "")
    ? request.headers.get("x-request-id")!
    : crypto.randomUUID();
  requestHeaders.set("x-request-id", requestId);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", csp);
  response.headers.set("x-request-id", requestId);
  response.headers.set("x-content-type-options", "nosniff");
  response.headers.set("referrer-policy", "strict-origin-when-cross-origin");
  response.headers.set("permissions-policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()");
  response.headers.set("x-frame-options", "DENY");
  response.headers.set("cross-origin-opener-policy", "same-origin");
  if (isApi) for (const [k, v] of Object.entries(corsHeaders(request) ?? {})) response.headers.set(k, v);
  const https = request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
  if (https) response.headers.set("strict-transport-security", "max-age=63072000; includeSubDomains");
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|motifs/|fonts/).*)"],
};
