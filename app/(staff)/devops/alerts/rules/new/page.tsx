import Link from "next/link";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/card";
import { requireUser } from "@/server/auth/guards";
import { requireTemplate } from "@/server/platform/templates";
import { ruleFormValues } from "../form-values";
import { RuleForm } from "../rule-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("devops.alerts"))("rules.createTitle") };
}

/** A new metric rule (`monitoring.write`: admin, devops). */
export default async function NewMetricRulePage() {
  requireTemplate("devops");
  await requireUser("monitoring.write");
  const t = await getTranslations("devops.alerts");
  return (
    <div className="space-y-4">
      <PageHeader title={t("rules.createTitle")} description={t("rules.createDescription")} />
      <p className="text-sm">
        <Link href="/devops/alerts/rules" className="text-primary underline underline-offset-2">
          {t("rules.backToRules")}
        </Link>
      </p>
      <RuleForm initial={ruleFormValues()} />
    </div>
  );
}
