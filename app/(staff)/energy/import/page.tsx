import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card, PageHeader } from "@/components/ui/card";
import { csvReadingsMaxBytes } from "@/lib/csv-readings";
import { requireUser } from "@/server/auth/guards";
import { requireTemplate } from "@/server/platform/templates";
import { ReadingsImport } from "./readings-import";
import { ScrollRegion } from "@/components/ui/scroll-region";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("readingsImport"))("title") };
}

/** CSV import of readings (admins, `measurements.write`): preview in the browser, upload in chunks, report by line. */
export default async function ReadingsImportPage() {
  requireTemplate("energy");
  await requireUser("measurements.write");
  const t = await getTranslations("readingsImport");
  const maxMb = csvReadingsMaxBytes / 1024 / 1024;
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      <Card title={t("formatTitle")}>
        <ul className="list-disc space-y-1 ps-5 text-sm">
          <li>{t("formatColumns")}</li>
          <li>{t("formatSeparator")}</li>
          <li>
            {t("formatTime")} <code dir="ltr">2026-03-29T02:15:00+02:00</code>
          </li>
          <li>{t("formatUnits")}</li>
          <li>{t("formatSize", { max: maxMb })}</li>
        </ul>
        <p className="mt-3 text-sm text-muted">{t("formatExample")}</p>
        <ScrollRegion label={t("formatExample")} className="mt-1 rounded-md border border-line bg-surface-2">
          <pre dir="ltr" className="p-3 text-xs">
            {
              "meter;ts;value;unit;quality\nDZ-ADR-PV01-M1;2026-03-01T00:00:00+01:00;12,5;kWh;\nDZ-ADR-PV01-M1;2026-03-01T00:15:00+01:00;13,1;kWh;estimated"
            }
          </pre>
        </ScrollRegion>
      </Card>
      <ReadingsImport maxBytes={csvReadingsMaxBytes} />
    </div>
  );
}
