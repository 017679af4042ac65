import "server-only";
import { createHash, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";
import { eq } from "drizzle-orm";
import { jwtVerify, SignJWT } from "jose";
import { getDb, type Executor } from "@/db/client";
import { oauthClients } from "@/db/schema";
import { partnerScopes, type PartnerScope } from "@/lib/permissions";
import type { PartnerActor } from "./actor";

/** Access tokens live 15 minutes; a revoked client's tokens stop working at once (checked per request). */
export const accessTokenTtlSeconds = 900;
const issuer = "dihya";
const audience = "dihya-api";

let signingKey: Uint8Array | null = null;
function key(): Uint8Array {
  const secret = process.env.AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set");
  signingKey ??= new Uint8Array(hkdfSync("sha256", secret, "dihya-oauth", "access-token-hs256", 32));
  return signingKey;
}

export const hashSecret = (secret: string) => createHash("sha256").update(secret, "utf8").digest("hex");
export const generateClientId = () => "dihya_client_" + randomBytes(9).toString("hex");
export const generateClientSecret = () => "dihya_secret_" + randomBytes(24).toString("base64url");

export type TokenGrant = { accessToken: string; expiresIn: number; scope: string };

/**
 * Client-credentials grant: verifies the client, narrows the scopes to what was asked
 * (never beyond what the client holds) and signs a short-lived JWT. Null when the client
 * is unknown, revoked or the secret is wrong; "invalid_scope" when asking beyond its scopes.
 */
export async function issueAccessToken(
  db: Executor,
  clientId: string,
  secret: string,
  scope?: string,
): Promise<TokenGrant | null | "invalid_scope"> {
  const [client] = await db.select().from(oauthClients).where(eq(oauthClients.clientId, clientId)).limit(1);
  const given = Buffer.from(hashSecret(secret), "hex");
  const expected = Buffer.from(client?.secretHash ?? hashSecret("no-such-client"), "hex");
  if (!client || client.revokedAt || !timingSafeEqual(given, expected)) return null;
  const held = client.scopes.filter((s): s is PartnerScope => s in partnerScopes);
  const asked = scope ? scope.split(/\s+/).filter(Boolean) : held;
  if (asked.some((s) => !held.includes(s as PartnerScope))) return "invalid_scope";
  const accessToken = await new SignJWT({ scope: asked.join(" ") })
    .setProtectedHeader({ alg: "HS256", typ: "at+jwt" })
    .setIssuer(issuer)
    .setAudience(audience)
    .setSubject(client.id)
    .setJti(randomBytes(12).toString("hex"))
    .setIssuedAt()
    .setExpirationTime(`${accessTokenTtlSeconds}s`)
    .sign(key());
  await db.update(oauthClients).set({ lastUsedAt: new Date() }).where(eq(oauthClients.id, client.id));
  return { accessToken, expiresIn: accessTokenTtlSeconds, scope: asked.join(" ") };
}

/** The partner behind a bearer access token, or null (bad signature, expired, revoked client). */
export async function partnerFromAccessToken(token: string): Promise<PartnerActor | null> {
  let payload;
  try {
    ({ payload } = await jwtVerify(token, key(), { issuer, audience, algorithms: ["HS256"], typ: "at+jwt" }));
  } catch {
    return null;
  }
  if (typeof payload.sub !== "string" || !/^[0-9a-f-]{36}$/i.test(payload.sub)) return null;
  const db = await getDb();
  const [client] = await db.select().from(oauthClients).where(eq(oauthClients.id, payload.sub)).limit(1);
  if (!client || client.revokedAt) return null;
  const granted = typeof payload.scope === "string" ? payload.scope.split(" ") : [];
  // A scope removed from the client since the token was issued no longer counts.
  const scopes = granted.filter((s): s is PartnerScope => s in partnerScopes && client.scopes.includes(s));
  return { kind: "partner", credential: "oauth_client", id: client.id, name: client.name, scopes, rateLimit: client.rateLimit };
}
