import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Badge, PageHeader } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import { getDb } from "@/db/client";
import { requireUser } from "@/server/auth/guards";
import { listDataRequests } from "@/server/energy/clients/data-requests";
import { formatInstantDay } from "@/server/energy/invoices/invoice-format";
import { processDataRequestAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dataRequests"))("title") };
}

/** Admins: clients' deletion requests, processed by an audited anonymisation (invoices kept) or rejected. */
export default async function DataRequestsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireUser("clients.write");
  const t = await getTranslations("dataRequests");
  const locale = await getLocale();
  const db = await getDb();
  const [open, processed] = await Promise.all([listDataRequests(db, actor, "open"), listDataRequests(db, actor, "processed", 20)]);
  const query = await searchParams;
  const error = typeof query.error === "string" ? query.error : null;
  const errorFor = typeof query.request === "string" ? query.request : null;
  const errorText = error ? (t.has(`errors.${error}`) ? t(`errors.${error}`) : t("errors.internal")) : null;
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} description={t("description")} />
      <p className="rounded-md border border-info p-3 text-sm" data-testid="retention-note">
        {t("retention")}
      </p>
      {query.done === "done" || query.done === "rejected" ? (
        <p role="status" className="rounded-md border border-success p-3 text-sm text-success">
          {t(query.done === "done" ? "anonymised" : "rejectedDone")}
        </p>
      ) : null}
      {errorText && !open.some((r) => r.id === errorFor) ? (
        <p role="alert" className="text-sm text-danger">
          {errorText}
        </p>
      ) : null}

      <h2 className="text-lg font-semibold">{t("openTitle")}</h2>
      {open.length === 0 ? (
        <p className="rounded-md border border-line bg-surface p-6 text-center text-muted" data-testid="empty">
          {t("empty")}
        </p>
      ) : (
        <ul className="space-y-3">
          {open.map((r) => (
            <li key={r.id} className="space-y-3 rounded-lg border border-line bg-surface p-4" data-testid="data-request">
              <div className="flex flex-wrap items-center gap-2">
                <h3 className="font-semibold">
                  <bdi>{r.client.name}</bdi>{" "}
                  <span className="text-muted" dir="ltr">
                    ({r.client.code})
                  </span>
                </h3>
                <Badge tone="warning">{t("kinds.deletion")}</Badge>
              </div>
              <p className="text-sm text-muted">
                {t("requestedOn", { date: formatInstantDay(r.createdAt, locale), name: r.requestedBy?.name ?? "—" })}
              </p>
              {r.reason ? <p className="whitespace-pre-line text-sm">{t("reasonText", { reason: r.reason })}</p> : null}
              {errorText && errorFor === r.id ? (
                <p role="alert" className="text-sm text-danger">
                  {errorText}
                </p>
              ) : null}
              <div className="grid gap-3 md:grid-cols-2">
                <form action={processDataRequestAction} className="space-y-2 rounded-md border border-danger p-3">
                  <input type="hidden" name="id" value={r.id} />
                  <input type="hidden" name="decision" value="anonymise" />
                  <p className="text-sm">{t("anonymiseExplain", { code: r.client.code })}</p>
                  <div className="flex items-start gap-2">
                    <input id={`confirm-${r.id}`} name="confirm" type="checkbox" value="yes" required className="mt-1 h-5 w-5 shrink-0" />
                    <label htmlFor={`confirm-${r.id}`} className="text-sm">
                      {t("confirmAnonymise", { code: r.client.code })}
                    </label>
                  </div>
                  <button type="submit" className={buttonClass("danger")} data-testid="anonymise">
                    {t("anonymise")}
                  </button>
                </form>
                <form action={processDataRequestAction} className="space-y-2 rounded-md border border-line p-3">
                  <input type="hidden" name="id" value={r.id} />
                  <input type="hidden" name="decision" value="reject" />
                  <label htmlFor={`reason-${r.id}`} className="block text-sm font-semibold">
                    {t("rejectReason")}
                  </label>
                  <textarea id={`reason-${r.id}`} name="reason" rows={2} minLength={3} maxLength={2000} required className={inputClass} />
                  <button type="submit" className={buttonClass("secondary")} data-testid="reject">
                    {t("reject")}
                  </button>
                </form>
              </div>
            </li>
          ))}
        </ul>
      )}

      {processed.length > 0 ? (
        <>
          <h2 className="text-lg font-semibold">{t("processedTitle")}</h2>
          <ul className="space-y-2">
            {processed.map((r) => (
              <li key={r.id} className="flex flex-wrap items-center gap-2 rounded-md border border-line bg-surface p-3 text-sm">
                <span dir="ltr" className="font-semibold">
                  {r.client.code}
                </span>
                <Badge tone={r.status === "done" ? "success" : "neutral"}>{t(`statuses.${r.status}`)}</Badge>
                {r.processedAt ? <span className="text-muted">{formatInstantDay(r.processedAt, locale)}</span> : null}
                {r.status === "rejected" && r.outcome ? <span>— {r.outcome}</span> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
