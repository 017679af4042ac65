import "server-only";
import http from "node:http";
import https from "node:https";
import { BlockedDestinationError, guardedLookup, isPrivateAddress, privateAllowed } from "./ssrf";

export type SendResult = { status: number | null; error: string | null; durationMs: number };

const timeoutMs = 10_000;

/**
 * POSTs `body` once. Redirects are not followed (a 3xx is just a non-2xx answer); the
 * destination must not be a private address (checked on the literal host and on every
 * DNS answer) unless DIHYA_WEBHOOK_ALLOW_PRIVATE=1. Never throws: the outcome says what happened.
 */
export async function postJson(url: string, body: string, headers: Record<string, string>, signal: AbortSignal): Promise<SendResult> {
  const started = performance.now();
  const done = (status: number | null, error: string | null): SendResult => ({
    status,
    error,
    durationMs: Math.round(performance.now() - started),
  });
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return done(null, "invalid URL");
  }
  if (target.protocol !== "http:" && target.protocol !== "https:") return done(null, `refused: scheme ${target.protocol} is not http(s)`);
  const host = target.hostname.replace(/^\[|\]$/g, "");
  if (!privateAllowed() && isPrivateAddress(host)) return done(null, new BlockedDestinationError(host, host).message);

  const client = target.protocol === "https:" ? https : http;
  const deadline = AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]);
  return new Promise<SendResult>((resolve) => {
    const request = client.request(
      target,
      {
        method: "POST",
        headers: { ...headers, "content-length": String(Buffer.byteLength(body)) },
        lookup: guardedLookup,
        signal: deadline,
        agent: false,
      },
      (response) => {
        // The status is the outcome; the answer's content is drained and dropped.
        resolve(done(response.statusCode ?? null, null));
        response.on("error", () => {});
        response.resume();
      },
    );
    request.on("error", (error) => {
      const timedOut = deadline.aborted && !signal.aborted;
      resolve(done(null, timedOut ? `timeout after ${timeoutMs / 1000} s` : error.message));
    });
    request.end(body);
  });
}
