import Link from "next/link";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { getDb } from "@/db/client";
import { formatMoney } from "@/lib/billing/money";
import { requireUser } from "@/server/auth/guards";
import { getSandboxIntent } from "@/server/energy/payments/sandbox";
import { orNotFound } from "../../_shared";
import { completePaymentAction } from "../../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("payments.sandbox"))("title") };
}

/**
 * The built-in sandbox provider's payment page (what a bank's 3-D Secure page would be):
 * Confirm or Cancel; either outcome reaches Dihya through the signed payment webhook.
 */
export default async function SandboxPaymentPage({
  params,
  searchParams,
}: {
  params: Promise<{ intent: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireUser("invoices.own");
  const { intent: intentId } = await params;
  const intent = await orNotFound(getSandboxIntent(await getDb(), actor, intentId));
  const t = await getTranslations("payments");
  const locale = await getLocale();
  const error = (await searchParams).error;
  const errorKey =
    typeof error === "string" && t.has(`errors.${error}`) ? `errors.${error}` : typeof error === "string" ? "errors.internal" : null;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("sandbox.title")}</h1>
      <p className="rounded-md border-2 border-dashed border-warning p-3 text-sm font-semibold" data-testid="sandbox-banner">
        {t("sandbox.noRealMoney")}
      </p>
      {errorKey ? (
        <p role="alert" className="text-sm text-danger">
          {t(errorKey)}
        </p>
      ) : null}
      <section aria-labelledby="intent-amount" className="rounded-lg border border-line bg-surface p-4 shadow-sm">
        <h2 id="intent-amount" className="text-sm font-semibold text-muted">
          {t("sandbox.amount", { number: intent.invoice.number ?? "" })}
        </h2>
        <p className="mt-1 text-3xl font-bold" dir="ltr" data-testid="intent-amount">
          <bdi>{formatMoney(intent.amountMinor, intent.currency, locale)}</bdi>
        </p>
        {intent.status === "pending" ? (
          <div className="mt-4 grid gap-2 sm:flex">
            <form action={completePaymentAction}>
              <input type="hidden" name="intentId" value={intent.id} />
              <input type="hidden" name="outcome" value="succeed" />
              <button type="submit" className={buttonClass("primary", "min-h-12 w-full px-6 text-base")} data-testid="sandbox-confirm">
                {t("sandbox.confirm")}
              </button>
            </form>
            <form action={completePaymentAction}>
              <input type="hidden" name="intentId" value={intent.id} />
              <input type="hidden" name="outcome" value="fail" />
              <button type="submit" className={buttonClass("secondary", "min-h-12 w-full px-6 text-base")} data-testid="sandbox-cancel">
                {t("sandbox.cancel")}
              </button>
            </form>
          </div>
        ) : (
          <p role="status" className="mt-3 text-sm" data-testid="intent-status">
            {t(`sandbox.status.${intent.status}`)}
          </p>
        )}
      </section>
      <Link href={`/client/invoices/${intent.invoice.id}`} className="inline-block min-h-10 py-2 text-primary underline underline-offset-2">
        {t("sandbox.back")}
      </Link>
    </div>
  );
}
