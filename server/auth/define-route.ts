import "server-only";
import type { z } from "zod";
import { inTransaction, type Tx } from "@/db/client";
import type { Endpoint } from "@/server/api/endpoint";
import { checkApiLimits } from "@/server/platform/api-rate-limit";
import { DomainError } from "@/server/platform/errors";
import { claimIdempotencyKey, settleIdempotencyKey } from "@/server/platform/idempotency";
import { observeHttp } from "@/server/platform/metrics/prometheus-registry";
import { problem, titles } from "@/server/platform/problem";
import { clientIp } from "@/server/platform/request-context";
import { isTemplateEnabled } from "@/server/platform/templates";
import { can, type Actor } from "./actor";
import { resolveCredentials } from "./credentials";
import { readBody } from "./read-body";

const defaultMaxBytes = 1024 * 1024;

type Ctx<B, Q, A> = { actor: A; body: B; query: Q; params: Record<string, string>; request: Request; tx: Tx };
type Options<B extends z.ZodType | undefined, Q extends z.ZodType | undefined> = Pick<
  Endpoint<B, Q>,
  "template" | "body" | "query" | "maxBytes" | "consumes" | "orPermission"
> & { permission: Endpoint["permission"] };
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;
type ActorOf<O> = O extends { permission: null } ? Actor | null : Actor;

export function json(data: unknown, status = 200, headers?: Record<string, string>): Response {
  return new Response(JSON.stringify(data), {
    status,
    headers: { "content-type": "application/json", "cache-control": "no-store", ...headers },
  });
}

function validationProblem(error: z.ZodError): Response {
  const errors = error.issues.map((i) => ({ path: i.path.join(".") || "/", message: i.message }));
  return problem(422, "validation_failed", titles[422]!, "The request did not pass validation.", errors);
}

function withHeaders(response: Response, headers: Record<string, string>): Response {
  for (const [k, v] of Object.entries(headers)) response.headers.set(k, v);
  return response;
}

async function parseBody(request: Request, options: Options<z.ZodType | undefined, z.ZodType | undefined>, actor: Actor | null) {
  const url = new URL(request.url);
  const origin = request.headers.get("origin");
  if (actor?.kind === "user" && origin && origin !== url.origin && new URL(origin).host !== request.headers.get("host")) {
    return problem(403, "cross_origin", titles[403]!, "Cross-origin writes need an API key.");
  }
  const type = request.headers.get("content-type") ?? "";
  const form = options.consumes === "application/x-www-form-urlencoded";
  const accepted = form ? /^application\/x-www-form-urlencoded\b/i : /^application\/([a-z.+-]*\+)?json\b/i;
  if (!accepted.test(type)) {
    return problem(
      415,
      "unsupported_media_type",
      titles[415]!,
      form ? "Send application/x-www-form-urlencoded." : "Send application/json.",
    );
  }
  const read = await readBody(request, options.maxBytes ?? defaultMaxBytes);
  if (read instanceof Response) return read;
  let value: unknown;
  if (form) value = Object.fromEntries(new URLSearchParams(read.text));
  else {
    try {
      value = JSON.parse(read.text);
    } catch {
      return problem(400, "malformed_json", titles[400]!, "The body is not valid JSON.");
    }
  }
  const parsed = options.body!.safeParse(value);
  if (!parsed.success) return validationProblem(parsed.error);
  return { text: read.text, data: parsed.data as unknown };
}

/**
 * The one way to build an /api route handler: template → credentials (session, API key or
 * OAuth token) → rate limits → permission → query → content type, size cap, JSON, zod →
 * Idempotency-Key (POST) → handler in a transaction → problem+json on every error. Pass an
 * Endpoint from server/api/endpoints so the OpenAPI document describes exactly this.
 */
export function defineRoute<
  B extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  O extends Options<B, Q> = Options<B, Q>,
>(options: O & Options<B, Q>, handler: (ctx: Ctx<Out<B>, Out<Q>, ActorOf<O>>) => Promise<Response | unknown>) {
  const route = (options as { path?: string }).path ?? "unknown";
  const serve = async (request: Request, context: { params: Promise<Record<string, string | string[]>> }): Promise<Response> => {
    let limitHeaders: Record<string, string> = {};
    let claim: { principal: string; key: string } | null = null;
    try {
      if (options.template && !isTemplateEnabled(options.template)) return problem(404, "not_found", titles[404]!, "No such resource.");
      const actor = options.permission === null ? null : await resolveCredentials(request);
      const limits = await checkApiLimits(actor === "bad" ? null : actor, clientIp(request.headers));
      limitHeaders = limits.headers;
      if (!limits.allowed) {
        const retry = { "retry-after": String(limits.retryAfter) };
        return withHeaders(problem(429, "rate_limited", titles[429]!, `Too many requests; retry in ${limits.retryAfter} s.`), {
          ...limitHeaders,
          ...retry,
        });
      }
      const bearer = { "www-authenticate": 'Bearer realm="dihya"' };
      if (actor === "bad")
        return withHeaders(problem(401, "invalid_credentials", titles[401]!, "The API key or token is not valid."), {
          ...limitHeaders,
          ...bearer,
        });
      if (options.permission !== null) {
        if (!actor)
          return withHeaders(problem(401, "unauthenticated", titles[401]!, "Sign in or send an API key."), { ...limitHeaders, ...bearer });
        if (!can(actor, options.permission) && !(options.orPermission && can(actor, options.orPermission)))
          return withHeaders(problem(403, "forbidden", titles[403]!, "You may not perform this action."), limitHeaders);
      }

      let query: unknown = undefined;
      if (options.query) {
        const parsed = options.query.safeParse(Object.fromEntries(new URL(request.url).searchParams.entries()));
        if (!parsed.success) return withHeaders(validationProblem(parsed.error), limitHeaders);
        query = parsed.data;
      }
      let body: unknown = undefined;
      if (options.body) {
        const parsed = await parseBody(request, options, actor);
        if (parsed instanceof Response) return withHeaders(parsed, limitHeaders);
        body = parsed.data;
        const key = request.headers.get("idempotency-key");
        if (key !== null && request.method === "POST" && actor) {
          const claimed = await claimIdempotencyKey(
            `${actor.kind}:${actor.id}`,
            key,
            request.method,
            new URL(request.url).pathname,
            parsed.text,
          );
          if (claimed.kind !== "fresh") return withHeaders(claimed.response, limitHeaders);
          claim = claimed;
        }
      }

      const raw = await context.params;
      const params = Object.fromEntries(Object.entries(raw ?? {}).map(([k, v]) => [k, Array.isArray(v) ? v.join("/") : v]));
      const result = await inTransaction((tx) =>
        handler({ actor: actor as ActorOf<O>, body: body as Out<B>, query: query as Out<Q>, params, request, tx }),
      );
      const response = withHeaders(result instanceof Response ? result : json(result), limitHeaders);
      return claim ? await settleIdempotencyKey(claim, response) : response;
    } catch (error) {
      let response: Response;
      if (error instanceof DomainError) {
        const field = error.field ? [{ path: error.field, message: error.messageKey }] : undefined;
        response = problem(error.status, error.code, titles[error.status] ?? "Error", error.messageKey, field);
      } else {
        console.error("[api]", error);
        response = problem(500, "internal", titles[500]!, "An unexpected error occurred; it has been logged.");
      }
      withHeaders(response, limitHeaders);
      return claim ? await settleIdempotencyKey(claim, response).catch(() => response) : response;
    }
  };
  // Every API answer is counted and timed for /api/metrics, by route template (never the raw path).
  return async (request: Request, context: { params: Promise<Record<string, string | string[]>> }): Promise<Response> => {
    const started = performance.now();
    const response = await serve(request, context);
    observeHttp(request.method, route, response.status, (performance.now() - started) / 1000);
    return response;
  };
}
