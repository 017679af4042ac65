"use server";

import { redirect } from "next/navigation";
import { processDataRequestSchema } from "@/lib/validation/payments";
import { defineAction } from "@/server/auth/define-action";
import { processDataRequest } from "@/server/energy/clients/data-requests";

const processRequest = defineAction({ schema: processDataRequestSchema, permission: "clients.write" }, ({ actor, input, tx }) =>
  processDataRequest(tx, actor, input),
);

/** Anonymise (confirmed) or reject (with a reason) one open data request. */
export async function processDataRequestAction(form: FormData): Promise<void> {
  const decision = form.get("decision");
  const input =
    decision === "anonymise"
      ? { id: form.get("id"), decision, confirm: form.get("confirm") ?? "" }
      : { id: form.get("id"), decision, reason: String(form.get("reason") ?? "") };
  const result = await processRequest(input);
  if (result.ok) redirect(`/admin/data-requests?done=${result.data.status}`);
  if (result.code === "unauthenticated") redirect("/sign-in");
  const field = result.fieldErrors?.confirm ? "confirmRequired" : result.fieldErrors?.reason ? "reasonRequired" : result.messageKey;
  redirect(`/admin/data-requests?error=${encodeURIComponent(field)}&request=${encodeURIComponent(String(form.get("id") ?? ""))}`);
}
