import "server-only";
import { createHash } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { idempotencyKeys } from "@/db/schema";
import { problem, titles } from "./problem";

/** Headers kept with a stored response and replayed with it. */
const keptHeaders = ["content-type", "location"];
export const idempotencyTtlHours = 24;

export type Claim =
  { kind: "fresh"; principal: string; key: string } | { kind: "replay"; response: Response } | { kind: "refused"; response: Response };

/**
 * Claims an Idempotency-Key for a POST before it runs (outside the request's transaction,
 * so a concurrent duplicate sees it): a finished key replays its stored response, a key
 * still running answers 409, and the same key with another body answers 422.
 */
export async function claimIdempotencyKey(principal: string, key: string, method: string, path: string, body: string): Promise<Claim> {
  if (!/^[\x21-\x7e]{1,255}$/.test(key)) {
    return {
      kind: "refused",
      response: problem(400, "bad_idempotency_key", titles[400]!, "Idempotency-Key: 1 to 255 visible ASCII characters."),
    };
  }
  const requestHash = createHash("sha256").update(`${method} ${path}\n${body}`).digest("hex");
  const db = await getDb();
  await db.execute(sql`delete from idempotency_keys where principal = ${principal} and key = ${key}
    and created_at < now() - make_interval(hours => ${idempotencyTtlHours})`);
  const inserted = await db
    .insert(idempotencyKeys)
    .values({ principal, key, requestHash })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (inserted.length > 0) return { kind: "fresh", principal, key };
  const [row] = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.principal, principal), eq(idempotencyKeys.key, key)));
  if (!row) return claimIdempotencyKey(principal, key, method, path, body);
  if (row.requestHash !== requestHash) {
    return {
      kind: "refused",
      response: problem(422, "idempotency_key_reused", titles[422]!, "This Idempotency-Key was used with another request."),
    };
  }
  if (row.status !== "done") {
    return {
      kind: "refused",
      response: problem(409, "idempotency_key_in_flight", titles[409]!, "A request with this Idempotency-Key is still running."),
    };
  }
  const headers = new Headers(row.responseHeaders ?? {});
  headers.set("idempotent-replayed", "true");
  headers.set("cache-control", "no-store");
  return { kind: "replay", response: new Response(row.responseBody, { status: row.responseStatus ?? 200, headers }) };
}

/** Stores the outcome: 2xx and 4xx are replayed later; a 5xx releases the key for a retry. */
export async function settleIdempotencyKey(claim: { principal: string; key: string }, response: Response): Promise<Response> {
  const db = await getDb();
  const where = and(eq(idempotencyKeys.principal, claim.principal), eq(idempotencyKeys.key, claim.key));
  if (response.status >= 500) {
    await db.delete(idempotencyKeys).where(where);
    return response;
  }
  const body = await response.text();
  const headers = Object.fromEntries(keptHeaders.flatMap((h) => (response.headers.get(h) ? [[h, response.headers.get(h)!]] : [])));
  await db
    .update(idempotencyKeys)
    .set({ status: "done", responseStatus: response.status, responseHeaders: headers, responseBody: body })
    .where(where);
  return new Response(body, { status: response.status, headers: response.headers });
}
