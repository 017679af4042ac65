import { oauthToken } from "@/server/api/endpoints/platform";
import { issueAccessToken } from "@/server/auth/oauth";
import { defineRoute, json } from "@/server/auth/define-route";
import { methodsNotAllowed } from "@/server/platform/method-not-allowed";
import { titles } from "@/server/platform/problem";

/** RFC 6749 error as problem+json: `error` / `error_description` are what OAuth clients read. */
function oauthError(status: 400 | 401, error: string, detail: string, headers?: Record<string, string>) {
  const body = {
    type: `https://dihya.dev/problems/${error}`,
    title: titles[status],
    status,
    detail,
    code: error,
    error,
    error_description: detail,
  };
  return json(body, status, { ...headers, "content-type": "application/problem+json" });
}

function basicCredentials(header: string | null): { id: string; secret: string } | null {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header ?? "");
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return null;
  return { id: decodeURIComponent(decoded.slice(0, colon)), secret: decodeURIComponent(decoded.slice(colon + 1)) };
}

/** POST: OAuth2 client credentials → a 15-minute bearer access token carrying the client's scopes. */
export const POST = defineRoute(oauthToken, async ({ body, request, tx }) => {
  const basic = basicCredentials(request.headers.get("authorization"));
  const id = basic?.id ?? body.client_id;
  const secret = basic?.secret ?? body.client_secret;
  if (!id || !secret)
    return oauthError(401, "invalid_client", "Send client_id and client_secret (HTTP Basic or form).", {
      "www-authenticate": 'Basic realm="dihya"',
    });
  const grant = await issueAccessToken(tx, id, secret, body.scope);
  if (grant === "invalid_scope") return oauthError(400, "invalid_scope", "A requested scope is not granted to this client.");
  if (!grant)
    return oauthError(401, "invalid_client", "Unknown client, revoked client or wrong secret.", {
      "www-authenticate": 'Basic realm="dihya"',
    });
  return json({ access_token: grant.accessToken, token_type: "Bearer", expires_in: grant.expiresIn, scope: grant.scope }, 200, {
    pragma: "no-cache",
  });
});

export const { GET, PUT, PATCH, DELETE } = methodsNotAllowed(["POST"]);
