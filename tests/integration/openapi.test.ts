import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { buildOpenApi } from "@/server/api/openapi";
import { endpoints } from "@/server/api/registry";

const apiDir = path.resolve(import.meta.dirname, "../../app/api");
/** Framework routes that are not part of the partner contract. */
const outside = ["/api/auth/{nextauth}", "/api/{path}"];

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? routeFiles(full) : name === "route.ts" ? [full] : [];
  });
}

/** `app/api/users/[id]/route.ts` exporting GET and PATCH handlers → ["GET /api/users/{id}", ...]. */
function implemented(): string[] {
  return routeFiles(apiDir).flatMap((file) => {
    const rel = path.relative(path.resolve(apiDir, ".."), path.dirname(file)).split(path.sep);
    const template = "/" + rel.map((seg) => seg.replace(/^\[(?:\.\.\.)?(\w+)\]$/, "{$1}")).join("/");
    if (outside.includes(template)) return [];
    const source = readFileSync(file, "utf8");
    const methods = [...source.matchAll(/export (?:const|async function) (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]);
    return methods.map((m) => `${m} ${template}`);
  });
}

describe("OpenAPI document", () => {
  const doc = buildOpenApi(endpoints);

  it("validates as OpenAPI 3.1", async () => {
    const result = await new Validator().validate(doc as Parameters<Validator["validate"]>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(doc.openapi).toBe("3.1.0");
  });

  it("lists every implemented route and nothing else", () => {
    const documented = endpoints.map((e) => `${e.method} ${e.path}`).sort();
    expect(documented).toEqual(implemented().sort());
    expect(new Set(endpoints.map((e) => e.id)).size).toBe(endpoints.length);
  });

  it("describes bodies, queries, scopes and errors from the zod schemas", () => {
    const paths = doc.paths as Record<
      string,
      Record<
        string,
        {
          requestBody?: { content: Record<string, { schema: { required?: string[] } }> };
          parameters: { name: string }[];
          responses: Record<string, unknown>;
        }
      >
    >;
    const create = paths["/api/users"]!.post!;
    expect(create.requestBody!.content["application/json"]!.schema.required).toEqual(
      expect.arrayContaining(["name", "email", "role", "password"]),
    );
    expect(create.parameters.map((p) => p.name)).toContain("Idempotency-Key");
    expect(Object.keys(create.responses)).toEqual(expect.arrayContaining(["201", "401", "403", "413", "415", "422", "429"]));
    expect(paths["/api/users"]!.get!.parameters.map((p) => p.name)).toEqual(
      expect.arrayContaining(["q", "role", "status", "cursor", "limit"]),
    );
    const schemes = (
      doc.components as { securitySchemes: { oauth2: { flows: { clientCredentials: { scopes: Record<string, string> } } } } }
    ).securitySchemes;
    expect(Object.keys(schemes.oauth2.flows.clientCredentials.scopes)).toContain("measurements:write");
  });
});
