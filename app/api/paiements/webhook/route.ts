import { paymentWebhook } from "@/server/api/endpoints/payments";
import { readBody } from "@/server/auth/read-body";
import { json } from "@/server/auth/define-route";
import { handlePaymentWebhook, WebhookRefusal } from "@/server/energy/payments/webhook";
import { checkApiLimits } from "@/server/platform/api-rate-limit";
import { DomainError } from "@/server/platform/errors";
import { methodsNotAllowed } from "@/server/platform/method-not-allowed";
import { problem, titles } from "@/server/platform/problem";
import { clientIp } from "@/server/platform/request-context";
import { isTemplateEnabled } from "@/server/platform/templates";

/**
 * POST: a payment provider's event, authenticated by its HMAC signature (no session, no API
 * key). The raw body is read as is (the signature covers those exact bytes), capped at 64 KiB.
 * 200 {status: processed | duplicate | ignored}; 401 with code signature_missing,
 * signature_malformed, signature_invalid or timestamp_stale; 404 invoice_not_found.
 */
export const POST = async (request: Request): Promise<Response> => {
  if (paymentWebhook.template && !isTemplateEnabled(paymentWebhook.template))
    return problem(404, "not_found", titles[404]!, "No such resource.");
  const limits = await checkApiLimits(null, clientIp(request.headers));
  if (!limits.allowed)
    return problem(429, "rate_limited", titles[429]!, `Too many requests; retry in ${limits.retryAfter} s.`, undefined, {
      ...limits.headers,
      "retry-after": String(limits.retryAfter),
    });
  const read = await readBody(request, paymentWebhook.maxBytes!);
  if (read instanceof Response) return read;
  try {
    const result = await handlePaymentWebhook(read.text, request.headers);
    return json(result, 200, limits.headers);
  } catch (error) {
    if (error instanceof WebhookRefusal)
      return problem(error.status, error.code, titles[error.status]!, error.detail, undefined, limits.headers);
    if (error instanceof DomainError)
      return problem(error.status, error.code, titles[error.status] ?? "Error", error.messageKey, undefined, limits.headers);
    console.error("[payments webhook]", error);
    return problem(500, "internal", titles[500]!, "An unexpected error occurred; it has been logged.");
  }
};

export const { GET, PUT, PATCH, DELETE } = methodsNotAllowed(["POST"]);
