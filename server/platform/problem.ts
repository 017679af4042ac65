import "server-only";

export type ProblemField = { path: string; message: string };

/**
 * An RFC 9457 problem+json response. `code` is stable and documented; `errors` lists the
 * fields that failed validation.
 */
export function problem(
  status: number,
  code: string,
  title: string,
  detail?: string,
  errors?: ProblemField[],
  headers?: Record<string, string>,
): Response {
  const body = {
    type: `https://dihya.dev/problems/${code}`,
    title,
    status,
    ...(detail ? { detail } : {}),
    code,
    ...(errors ? { errors } : {}),
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/problem+json", "cache-control": "no-store", ...headers },
  });
}

export const titles: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  413: "Content Too Large",
  415: "Unsupported Media Type",
  422: "Unprocessable Content",
  429: "Too Many Requests",
  500: "Internal Server Error",
};
