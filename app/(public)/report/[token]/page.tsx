import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LocaleSwitcher } from "@/components/layout/locale-switcher";
import { Brand, ZigzagBand } from "@/components/ui/motif";
import { getDb } from "@/db/client";
import { qrTokenSchema } from "@/lib/validation/fault-reports";
import { equipmentForReport } from "@/server/energy/fault-reports/submit-fault-report";
import { isTemplateEnabled } from "@/server/platform/templates";
import { ReportForm } from "./report-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("energy.report");
  return { title: t("title"), robots: { index: false, follow: false } };
}

/**
 * Public page behind a label's QR code, no account needed: shows only the equipment's
 * name and site, and the fault-report form. An unknown token answers 404.
 */
export default async function ReportPage({ params }: { params: Promise<{ token: string }> }) {
  if (!isTemplateEnabled("energy")) notFound();
  const { token } = await params;
  const parsed = qrTokenSchema.safeParse(token);
  if (!parsed.success) notFound();
  const target = await equipmentForReport(await getDb(), parsed.data);
  if (!target) notFound();
  const t = await getTranslations("energy.report");
  return (
    <div className="flex min-h-screen flex-col">
      <div className="flex items-center justify-between gap-2 px-4 py-3">
        <Brand className="text-lg" />
        <LocaleSwitcher />
      </div>
      <main id="main" className="mx-auto w-full max-w-md flex-1 px-4 pb-12">
        <div className="rounded-xl border border-line bg-surface p-5 shadow-sm">
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          <p className="mt-1 text-muted">{t("intro")}</p>
          <dl className="my-4 grid gap-2 rounded-md bg-surface-2 p-3 text-sm">
            <div>
              <dt className="text-xs font-semibold text-muted">{t("equipment")}</dt>
              <dd className="font-semibold" data-testid="report-equipment">
                {target.name}
              </dd>
            </div>
            <div>
              <dt className="text-xs font-semibold text-muted">{t("site")}</dt>
              <dd>{target.siteName}</dd>
            </div>
          </dl>
          <ReportForm token={parsed.data} />
        </div>
        <ZigzagBand className="mt-6 text-accent/40" />
      </main>
    </div>
  );
}
