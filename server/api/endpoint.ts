import "server-only";
import type { z } from "zod";
import type { Permission } from "@/lib/permissions";
import type { TemplateId } from "@/lib/templates";

export type HttpMethod = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

/**
 * One operation of the public API: what `defineRoute` enforces and what
 * `/api/openapi.json` documents, from the same zod schemas. Its summary and description
 * are the messages `api.ops.<id>.summary` / `.description` (English in the OpenAPI
 * document, the reader's language on the docs page).
 */
export type Endpoint<B extends z.ZodType | undefined = z.ZodType | undefined, Q extends z.ZodType | undefined = z.ZodType | undefined> = {
  id: string;
  method: HttpMethod;
  /** OpenAPI path template, e.g. `/api/users/{id}`. */
  path: string;
  tag: string;
  /** null: public (no credentials needed). */
  permission: Permission | null;
  /**
   * Also admitted with this permission; the domain service then narrows what the caller
   * sees and may change (e.g. a technician: only the interventions assigned to them).
   */
  orPermission?: Permission;
  template?: TemplateId;
  body?: B;
  query?: Q;
  /** Shape of a successful response (JSON unless `produces` says otherwise). */
  response?: z.ZodType;
  status?: number;
  produces?: string;
  /** Body media type when not JSON (the OAuth token endpoint takes a form). */
  consumes?: "application/x-www-form-urlencoded";
  maxBytes?: number;
};

export function endpoint<B extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined>(
  e: Endpoint<B, Q>,
): Endpoint<B, Q> {
  return e;
}
