import "server-only";
import type { z } from "zod";
import { getDb, type Tx } from "@/db/client";
import type { Permission } from "@/lib/permissions";
import type { TemplateId } from "@/lib/templates";
import { DomainError } from "@/server/platform/errors";
import { problem, titles } from "@/server/platform/problem";
import { isTemplateEnabled } from "@/server/platform/templates";
import { can, type Actor } from "./actor";
import { partnerFromApiKey } from "./api-keys";
import { getActor } from "./guards";

const defaultMaxBytes = 1024 * 1024;

type Ctx<B, Q> = { actor: Actor; body: B; query: Q; params: Record<string, string>; request: Request; tx: Tx };
type Options<B extends z.ZodType | undefined, Q extends z.ZodType | undefined> = {
  permission: Permission;
  template?: TemplateId;
  body?: B;
  query?: Q;
  maxBytes?: number;
};
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export function json(data: unknown, status = 200, headers?: Record<string, string>): Response {
  return new Response(JSON.stringify(data), {
    status,
    headers: { "content-type": "application/json", "cache-control": "no-store", ...headers },
  });
}

/** Session cookie or `Authorization: Bearer dihya_…`; null when neither identifies anyone. */
async function resolveCredentials(request: Request): Promise<Actor | null | "bad"> {
  const authorization = request.headers.get("authorization");
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match?.[1]) return "bad";
    return (await partnerFromApiKey(match[1])) ?? "bad";
  }
  return getActor();
}

async function readBody(request: Request, maxBytes: number): Promise<{ text: string } | Response> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) return problem(413, "body_too_large", titles[413]!, `The body may not exceed ${maxBytes} bytes.`);
  const reader = request.body?.getReader();
  if (!reader) return { text: "" };
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return problem(413, "body_too_large", titles[413]!, `The body may not exceed ${maxBytes} bytes.`);
    }
    chunks.push(value);
  }
  return { text: Buffer.concat(chunks).toString("utf8") };
}

function validationProblem(error: z.ZodError): Response {
  const errors = error.issues.map((i) => ({ path: i.path.join(".") || "/", message: i.message }));
  return problem(422, "validation_failed", titles[422]!, "The request did not pass validation.", errors);
}

/**
 * The one way to build an /api route handler: credentials → template → permission →
 * content type and size cap → JSON → zod → handler in a transaction → problem+json on
 * every error. A cookie-authenticated write must come from this origin.
 */
export function defineRoute<B extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined>(
  options: Options<B, Q>,
  handler: (ctx: Ctx<Out<B>, Out<Q>>) => Promise<Response | unknown>,
) {
  return async (request: Request, context: { params: Promise<Record<string, string | string[]>> }): Promise<Response> => {
    try {
      if (options.template && !isTemplateEnabled(options.template)) {
        return problem(404, "not_found", titles[404]!, "No such resource.");
      }
      const actor = await resolveCredentials(request);
      if (actor === "bad")
        return problem(401, "invalid_credentials", titles[401]!, "The API key or token is not valid.", undefined, {
          "www-authenticate": "Bearer",
        });
      if (!actor)
        return problem(401, "unauthenticated", titles[401]!, "Sign in or send an API key.", undefined, { "www-authenticate": "Bearer" });
      if (!can(actor, options.permission)) return problem(403, "forbidden", titles[403]!, "You may not perform this action.");

      const url = new URL(request.url);
      let query: unknown = undefined;
      if (options.query) {
        const parsed = options.query.safeParse(Object.fromEntries(url.searchParams.entries()));
        if (!parsed.success) return validationProblem(parsed.error);
        query = parsed.data;
      }

      let body: unknown = undefined;
      if (options.body) {
        const origin = request.headers.get("origin");
        if (actor.kind === "user" && origin && origin !== url.origin && new URL(origin).host !== request.headers.get("host")) {
          return problem(403, "cross_origin", titles[403]!, "Cross-origin writes need an API key.");
        }
        const type = request.headers.get("content-type") ?? "";
        if (!/^application\/([a-z.+-]*\+)?json\b/i.test(type)) {
          return problem(415, "unsupported_media_type", titles[415]!, "Send application/json.");
        }
        const read = await readBody(request, options.maxBytes ?? defaultMaxBytes);
        if (read instanceof Response) return read;
        try {
          body = JSON.parse(read.text);
        } catch {
          return problem(400, "malformed_json", titles[400]!, "The body is not valid JSON.");
        }
        const parsed = options.body.safeParse(body);
        if (!parsed.success) return validationProblem(parsed.error);
        body = parsed.data;
      }

      const raw = await context.params;
      const params = Object.fromEntries(Object.entries(raw ?? {}).map(([k, v]) => [k, Array.isArray(v) ? v.join("/") : v]));
      const db = await getDb();
      const result = await db.transaction((tx) => handler({ actor, body: body as Out<B>, query: query as Out<Q>, params, request, tx }));
      return result instanceof Response ? result : json(result);
    } catch (error) {
      if (error instanceof DomainError) {
        const field = error.field ? [{ path: error.field, message: error.messageKey }] : undefined;
        return problem(error.status, error.code, titles[error.status] ?? "Error", error.messageKey, field);
      }
      console.error("[api]", error);
      return problem(500, "internal", titles[500]!, "An unexpected error occurred; it has been logged.");
    }
  };
}
