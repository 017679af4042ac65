import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card, PageHeader } from "@/components/ui/card";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { requireUser } from "@/server/auth/guards";
import { importColumns, requiredColumns } from "@/server/devops/servers/server-csv-columns";
import { maxImportLines } from "@/server/devops/servers/server-csv-parse";
import { requireTemplate } from "@/server/platform/templates";
import { ServerImport } from "./server-import";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("devops.servers.import"))("title") };
}

const example = [
  importColumns.join(","),
  "alg-web-01,10.16.0.11;2001:db8:16::11,vm,DC Alger — Oued Smar,DZ,Debian 12,4,8192,80,production,web,nginx;public,web,high",
  "cas-db-02,10.212.0.22,physical,DC Casablanca — Technopark,MA,Rocky Linux 9,32,131072,2000,production,db,postgresql,données,critical",
].join("\n");

/** CSV import of the inventory (`servers.write`): upload, report by line, then confirm. */
export default async function ImportServersPage() {
  requireTemplate("devops");
  await requireUser("servers.write");
  const t = await getTranslations("devops.servers.import");
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      <Card title={t("formatTitle")}>
        <ul className="list-disc space-y-1 ps-5 text-sm">
          <li>
            {t("formatColumns")} <code dir="ltr">{importColumns.join(", ")}</code>
          </li>
          <li>
            {t("formatRequired")} <code dir="ltr">{requiredColumns.join(", ")}</code>
          </li>
          <li>{t("formatLists")}</li>
          <li>{t("formatUpdate")}</li>
          <li>{t("formatEmpty")}</li>
          <li>{t("formatLimits", { lines: maxImportLines })}</li>
        </ul>
        <p className="mt-3 text-sm text-muted">{t("formatExample")}</p>
        <ScrollRegion label={t("formatExample")} className="mt-1 rounded-md border border-line bg-surface-2">
          <pre dir="ltr" className="p-3 text-xs">
            {example}
          </pre>
        </ScrollRegion>
      </Card>
      <ServerImport maxBytes={900_000} />
    </div>
  );
}
