import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requireUser } from "@/server/auth/guards";
import { equipmentLabel } from "@/server/energy/equipment/equipment-detail";
import { publicBase, qrSvg, reportUrl } from "@/server/energy/equipment/qr";
import { DomainError } from "@/server/platform/errors";
import { requireTemplate } from "@/server/platform/templates";
import { PrintButton } from "./print-button";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("energy.label"))("title") };
}

/**
 * Printing shows the label alone, about A7 (74 × 105 mm): everything else on the page is
 * hidden and the label is drawn black on white whatever the theme.
 */
const printCss = `
@page { size: 74mm 105mm; margin: 0; }
@media print {
  body * { visibility: hidden !important; }
  #equipment-label, #equipment-label * { visibility: visible !important; }
  #equipment-label { position: fixed; inset: 0; margin: 0; border: 0; box-shadow: none; width: 74mm; height: 105mm; padding: 5mm; }
}`;

/** The printable QR label of one equipment; the code opens its public fault-report form. */
export default async function EquipmentLabelPage({ params }: { params: Promise<{ id: string }> }) {
  requireTemplate("energy");
  const actor = await requireUser("equipment.read");
  const { id } = await params;
  const label = await equipmentLabel(await getDb(), actor, id).catch((e: unknown) => {
    if (e instanceof DomainError && e.code === "not_found") notFound();
    throw e;
  });
  const t = await getTranslations("energy.label");
  const url = reportUrl(publicBase(await headers()), label.qrToken);
  const svg = await qrSvg(url);
  return (
    <div className="space-y-6">
      <style>{printCss}</style>
      <PageHeader
        title={t("title")}
        description={t("description", { name: label.name })}
        actions={
          <>
            <PrintButton label={t("print")} />
            <Link href={`/energy/equipment/${label.id}`} className={buttonClass("secondary")}>
              {t("back")}
            </Link>
          </>
        }
      />
      <div
        id="equipment-label"
        className="mx-auto flex w-full max-w-[280px] flex-col items-center gap-2 rounded-lg border border-line bg-white p-4 text-center text-black shadow-sm"
      >
        <p className="text-xs font-semibold uppercase tracking-wide">{t("scanToReport")}</p>
        <div
          data-testid="qr"
          role="img"
          aria-label={t("qrAlt", { name: label.name })}
          className="w-full max-w-[200px] [&>svg]:h-auto [&>svg]:w-full"
          dangerouslySetInnerHTML={{ __html: svg }}
        />
        <p className="text-base font-bold leading-tight">{label.name}</p>
        <p className="text-sm" dir="ltr">
          {label.code}
        </p>
        <p className="text-sm">
          {label.siteName} <span dir="ltr">({label.siteCode})</span>
        </p>
        <p className="break-all text-[10px] leading-tight" dir="ltr" data-testid="report-url">
          {url}
        </p>
      </div>
      <p className="mx-auto max-w-prose text-sm text-muted">{t("hint")}</p>
    </div>
  );
}
