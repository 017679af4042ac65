import "server-only";
import { z } from "zod";
import en from "@/messages/en.json";
import { partnerScopes } from "@/lib/permissions";
import type { Endpoint } from "./endpoint";
import { problemSchema } from "./schemas";

type Json = Record<string, unknown>;
type OpText = { summary: string; description?: string };

const errorStatuses: Record<number, string> = {
  400: "Malformed JSON",
  401: "No or bad credentials",
  403: "Not allowed (role or scope)",
  404: "Unknown, or not yours",
  409: "Conflict, or the same Idempotency-Key still in flight",
  413: "Body over the size cap",
  415: "Body is not JSON",
  422: "Validation failed (see `errors`)",
  429: "Rate limit reached (see Retry-After)",
};

function jsonSchema(schema: z.ZodType, io: "input" | "output"): Json {
  const converted = z.toJSONSchema(schema, { io, unrepresentable: "any", reused: "inline" }) as Json;
  delete converted.$schema;
  return converted;
}

export function opText(id: string): OpText {
  const ops = (en as unknown as { api: { ops: Record<string, OpText> } }).api.ops;
  return ops[id] ?? { summary: id };
}

function parameters(e: Endpoint): Json[] {
  const out: Json[] = [...e.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
    name: m[1],
    in: "path",
    required: true,
    schema: { type: "string" },
  }));
  if (e.query) {
    const schema = jsonSchema(e.query, "input") as { properties?: Record<string, Json>; required?: string[] };
    for (const [name, prop] of Object.entries(schema.properties ?? {})) {
      out.push({ name, in: "query", required: schema.required?.includes(name) ?? false, schema: prop });
    }
  }
  if (e.method === "POST") {
    out.push({ name: "Idempotency-Key", in: "header", required: false, schema: { type: "string", maxLength: 255 } });
  }
  return out;
}

function operation(e: Endpoint): Json {
  const text = opText(e.id);
  const responses: Json = {
    [String(e.status ?? 200)]: {
      description: "Success",
      content: { [e.produces ?? "application/json"]: { schema: e.response ? jsonSchema(e.response, "output") : {} } },
    },
  };
  const codes = [...(e.permission ? [401, 403, 429] : [429]), ...(e.body ? [400, 413, 415, 422] : e.query ? [422] : [])];
  if (e.path.includes("{")) codes.push(404);
  if (e.method === "POST") codes.push(409);
  for (const code of codes.sort()) responses[String(code)] = { $ref: `#/components/responses/${code}` };
  return {
    operationId: e.id,
    tags: [e.tag],
    summary: text.summary,
    ...(text.description ? { description: text.description } : {}),
    ...(e.permission ? { "x-dihya-permission": e.permission } : { security: [] }),
    ...(e.orPermission ? { "x-dihya-or-permission": e.orPermission } : {}),
    parameters: parameters(e),
    ...(e.body
      ? { requestBody: { required: true, content: { [e.consumes ?? "application/json"]: { schema: jsonSchema(e.body, "input") } } } }
      : {}),
    responses,
  };
}

/** The OpenAPI 3.1 document of every implemented endpoint, generated from their zod schemas. */
export function buildOpenApi(endpoints: readonly Endpoint[], serverUrl = "/"): Json {
  const paths: Record<string, Json> = {};
  for (const e of endpoints) (paths[e.path] ??= {})[e.method.toLowerCase()] = operation(e);
  const responses = Object.fromEntries(
    Object.entries(errorStatuses).map(([code, description]) => [
      code,
      { description, content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } } },
    ]),
  );
  return {
    openapi: "3.1.0",
    info: {
      title: "Dihya API",
      version: "1.0.0",
      description: en.api.docs.intro,
      license: { name: "AGPL-3.0-only", identifier: "AGPL-3.0-only" },
    },
    servers: [{ url: serverUrl }],
    security: [{ apiKey: [] }, { oauth2: [] }, { session: [] }],
    tags: [...new Set(endpoints.map((e) => e.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas: { Problem: jsonSchema(problemSchema, "output") },
      responses,
      securitySchemes: {
        apiKey: { type: "http", scheme: "bearer", description: "Partner API key `dihya_…` (Authorization: Bearer)." },
        oauth2: {
          type: "oauth2",
          flows: {
            clientCredentials: {
              tokenUrl: "/api/oauth/token",
              scopes: Object.fromEntries(Object.keys(partnerScopes).map((s) => [s, s])),
            },
          },
        },
        session: { type: "apiKey", in: "cookie", name: "authjs.session-token", description: "Browser session." },
      },
    },
  };
}
