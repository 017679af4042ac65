"use server";

import { headers } from "next/headers";
import { getDb } from "@/db/client";
import { faultReportSchema } from "@/lib/validation/fault-reports";
import { fieldErrorsOf, type ActionResult } from "@/server/auth/define-action";
import { submitFaultReport } from "@/server/energy/fault-reports/submit-fault-report";
import { DomainError } from "@/server/platform/errors";
import { contextFromHeaders } from "@/server/platform/request-context";

/**
 * The public fault report from a QR label: callable without a session, so it trusts
 * nothing — zod first, then the token, the rate limits and the honeypot in the service.
 */
export async function submitFaultReportAction(raw: unknown): Promise<ActionResult<{ received: true }>> {
  const parsed = faultReportSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, code: "validation_failed", messageKey: "invalid", fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    await submitFaultReport(await getDb(), parsed.data, contextFromHeaders(await headers()));
    return { ok: true, data: { received: true } };
  } catch (error) {
    if (error instanceof DomainError) {
      return {
        ok: false,
        code: error.code,
        messageKey: error.messageKey,
        fieldErrors: error.field ? { [error.field]: [error.messageKey] } : undefined,
      };
    }
    console.error("[fault-report]", error);
    return { ok: false, code: "internal", messageKey: "internal" };
  }
}
