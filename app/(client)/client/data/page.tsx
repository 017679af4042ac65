import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import { getDb } from "@/db/client";
import { requireUser } from "@/server/auth/guards";
import { myLatestDataRequest } from "@/server/energy/clients/data-requests";
import { formatInstantDay } from "@/server/energy/invoices/invoice-format";
import { orNotFound } from "../_shared";
import { requestDeletionAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("clientSpace.data"))("title") };
}

/** "My data": download everything Dihya holds (JSON) and ask for its deletion. */
export default async function ClientDataPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireUser("invoices.own");
  const t = await getTranslations("clientSpace.data");
  const locale = await getLocale();
  const latest = await orNotFound(myLatestDataRequest(await getDb(), actor));
  const query = await searchParams;
  const error = typeof query.error === "string" ? query.error : null;
  const errorText = error ? (t.has(`errors.${error}`) ? t(`errors.${error}`) : t("errors.internal")) : null;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>

      <Card title={t("downloadTitle")}>
        <p className="mb-3 text-sm">{t("downloadText")}</p>
        <a href="/api/client/data" className={buttonClass("primary", "min-h-12 w-full sm:w-auto")} data-testid="download-data" download>
          {t("download")}
        </a>
      </Card>

      <Card title={t("deletionTitle")}>
        <p className="mb-2 text-sm">{t("deletionText")}</p>
        <p className="mb-3 text-sm text-muted">{t("retention")}</p>
        {query.requested ? (
          <p role="status" className="mb-3 rounded-md border border-success p-3 text-sm text-success" data-testid="deletion-requested">
            {t("requested")}
          </p>
        ) : null}
        {latest?.status === "open" ? (
          <p className="text-sm font-semibold" data-testid="deletion-open">
            {t("openSince", { date: formatInstantDay(latest.createdAt, locale) })}
          </p>
        ) : (
          <form action={requestDeletionAction} className="space-y-3">
            {latest?.status === "rejected" ? (
              <p className="text-sm" data-testid="deletion-rejected">
                {t("rejected", { reason: latest.outcome ?? "" })}
              </p>
            ) : null}
            <div className="space-y-1">
              <label htmlFor="deletion-reason" className="block text-sm font-semibold">
                {t("reason")}
              </label>
              <textarea id="deletion-reason" name="reason" rows={3} maxLength={2000} className={inputClass} aria-describedby="deletion-reason-hint" />
              <p id="deletion-reason-hint" className="text-xs text-muted">
                {t("reasonHint")}
              </p>
            </div>
            <div className="flex items-start gap-3">
              <input
                id="deletion-confirm"
                name="confirm"
                type="checkbox"
                value="yes"
                required
                className="mt-1 h-6 w-6 shrink-0"
                aria-invalid={error === "confirmRequired" ? true : undefined}
                aria-describedby={errorText ? "deletion-error" : undefined}
              />
              <label htmlFor="deletion-confirm" className="text-sm">
                {t("confirm")}
              </label>
            </div>
            {errorText ? (
              <p id="deletion-error" role="alert" className="text-sm text-danger">
                {errorText}
              </p>
            ) : null}
            <button type="submit" className={buttonClass("danger", "min-h-12 w-full sm:w-auto")} data-testid="request-deletion">
              {t("submit")}
            </button>
          </form>
        )}
      </Card>
    </div>
  );
}
