import "server-only";
import { createHmac, randomBytes } from "node:crypto";

/** A new signing secret: `whsec_` + 32 random bytes, base64url. Stored as is (it signs), shown once. */
export function generateSecret(): string {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}

/**
 * The `dihya-webhook-signature` value: `v1=` + hex HMAC-SHA256 keyed with the whole secret
 * string over `<timestamp>.<raw body>` (timestamp in unix seconds, as in `dihya-webhook-timestamp`).
 */
export function signature(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}
