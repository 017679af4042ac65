import Link from "next/link";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requireUser } from "@/server/auth/guards";
import { alertMeterOptions, alertSiteOptions } from "@/server/energy/alerts/rule-options";
import { getAlertRule } from "@/server/energy/alerts/rules-query";
import { DomainError } from "@/server/platform/errors";
import { requireTemplate } from "@/server/platform/templates";
import { RuleForm } from "../rule-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("alerts"))("rules.editTitle") };
}

/** Edit a threshold rule (`alerts.manage`: admins). */
export default async function EditAlertRulePage({ params }: { params: Promise<{ id: string }> }) {
  requireTemplate("energy");
  const actor = await requireUser("alerts.manage");
  const { id } = await params;
  const db = await getDb();
  const rule = await getAlertRule(db, actor, id).catch((e: unknown) => {
    if (e instanceof DomainError && e.code === "not_found") notFound();
    throw e;
  });
  const [meters, sites] = await Promise.all([alertMeterOptions(db, actor), alertSiteOptions(db, actor)]);
  const t = await getTranslations("alerts");
  return (
    <div className="max-w-3xl space-y-4">
      <PageHeader title={t("rules.editTitle")} description={rule.name} />
      <p className="text-sm">
        <Link href="/energy/alerts/rules" className="text-primary underline underline-offset-2">
          {t("rules.backToRules")}
        </Link>
      </p>
      <RuleForm
        id={rule.id}
        meters={meters}
        sites={sites}
        initial={{
          name: rule.name,
          target: rule.target,
          meterId: rule.meterId ?? "",
          siteId: rule.target === "site" ? rule.siteId : "",
          kind: rule.kind ?? "consumption",
          comparator: rule.comparator,
          threshold: String(rule.threshold),
          durationMinutes: String(rule.durationMinutes),
          severity: rule.severity,
        }}
      />
    </div>
  );
}
