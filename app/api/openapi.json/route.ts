import { buildOpenApi } from "@/server/api/openapi";
import { endpoints } from "@/server/api/registry";
import { methodsNotAllowed } from "@/server/platform/method-not-allowed";

/** Public: the OpenAPI 3.1 contract of every implemented route. */
export async function GET() {
  return Response.json(buildOpenApi(endpoints), { headers: { "cache-control": "public, max-age=300" } });
}

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(["GET"]);
