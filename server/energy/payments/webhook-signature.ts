import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { settings } from "@/db/schema";

/**
 * Signature of incoming payment webhooks (the scheme of the outgoing webhooks, reversed):
 *
 *   Dihya-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">
 *
 * keyed with the whole secret string. Several `v1=` entries are accepted (secret rotation on
 * the provider's side). A timestamp more than 300 s away from the server's clock is refused,
 * so a captured request cannot be replayed later; the event id de-duplicates replays inside
 * the window. The secret is PAYMENT_WEBHOOK_SECRET, or when unset one generated at the first
 * use and kept in `settings` (key `payments.webhook_secret`), shared by every instance.
 */
export const signatureHeader = "dihya-signature";
export const providerHeader = "dihya-payment-provider";
export const toleranceSeconds = 300;
const settingsKey = "payments.webhook_secret";

export type SignatureFailure = "signature_missing" | "signature_malformed" | "signature_invalid" | "timestamp_stale";

const hmac = (secret: string, t: number, rawBody: string) => createHmac("sha256", secret).update(`${t}.${rawBody}`, "utf8").digest("hex");

/** The `Dihya-Signature` header value for `rawBody` at `now` (the sandbox provider and tests sign with it). */
export function signPaymentEvent(rawBody: string, secret: string, now: Date = new Date()): string {
  const t = Math.floor(now.getTime() / 1000);
  return `t=${t},v1=${hmac(secret, t, rawBody)}`;
}

/** Checks a `Dihya-Signature` header; comparison in constant time. */
export function verifyPaymentSignature(
  rawBody: string,
  header: string | null,
  secret: string,
  now: Date = new Date(),
): { ok: true; timestamp: number } | { ok: false; code: SignatureFailure } {
  if (!header) return { ok: false, code: "signature_missing" };
  let t: number | null = null;
  const candidates: string[] = [];
  for (const part of header.split(",")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === "t" && /^\d{1,12}$/.test(value)) t = Number(value);
    else if (key === "v1" && /^[0-9a-f]{64}$/i.test(value)) candidates.push(value.toLowerCase());
  }
  if (t === null || candidates.length === 0) return { ok: false, code: "signature_malformed" };
  if (Math.abs(Math.floor(now.getTime() / 1000) - t) > toleranceSeconds) return { ok: false, code: "timestamp_stale" };
  const expected = Buffer.from(hmac(secret, t, rawBody), "hex");
  let match = false;
  for (const candidate of candidates) {
    // Every candidate is compared (no early exit): the time spent does not depend on which one matches.
    if (timingSafeEqual(expected, Buffer.from(candidate, "hex"))) match = true;
  }
  return match ? { ok: true, timestamp: t } : { ok: false, code: "signature_invalid" };
}

/**
 * The shared secret: PAYMENT_WEBHOOK_SECRET (at least 16 characters) or the generated one in
 * `settings`, created once (a concurrent first use keeps whichever row was inserted first).
 */
export async function paymentWebhookSecret(db: Executor): Promise<string> {
  const fromEnv = process.env.PAYMENT_WEBHOOK_SECRET?.trim();
  if (fromEnv && fromEnv.length >= 16) return fromEnv;
  const read = async () => {
    const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, settingsKey)).limit(1);
    const value = row?.value as { secret?: unknown } | undefined;
    return typeof value?.secret === "string" ? value.secret : null;
  };
  const existing = await read();
  if (existing) return existing;
  await db
    .insert(settings)
    .values({ key: settingsKey, value: { secret: `pwhsec_${randomBytes(32).toString("base64url")}` } })
    .onConflictDoNothing({ target: settings.key });
  const created = await read();
  if (!created) throw new Error("payments: could not store the webhook secret");
  return created;
}
