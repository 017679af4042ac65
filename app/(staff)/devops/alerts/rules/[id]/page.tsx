import Link from "next/link";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Card, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { can } from "@/server/auth/actor";
import { requireUser } from "@/server/auth/guards";
import { getMetricRule } from "@/server/devops/alerts/rules-query";
import { DomainError } from "@/server/platform/errors";
import { requireTemplate } from "@/server/platform/templates";
import { ruleFormValues } from "../form-values";
import { RuleControls } from "../rule-controls";
import { RuleForm } from "../rule-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("devops.alerts"))("rules.editTitle") };
}

/** One metric rule: its edit form, enable/disable and delete for `monitoring.write`; readers go back to the list. */
export default async function MetricRulePage({ params }: { params: Promise<{ id: string }> }) {
  requireTemplate("devops");
  const actor = await requireUser("monitoring.read");
  const { id } = await params;
  const rule = await getMetricRule(await getDb(), actor, id).catch((e: unknown) => {
    if (e instanceof DomainError && e.code === "not_found") notFound();
    throw e;
  });
  const t = await getTranslations("devops.alerts");
  const writable = can(actor, "monitoring.write");
  return (
    <div className="space-y-4">
      <PageHeader title={writable ? t("rules.editTitle") : rule.name} description={writable ? rule.name : undefined} />
      <p className="text-sm">
        <Link href="/devops/alerts/rules" className="text-primary underline underline-offset-2">
          {t("rules.backToRules")}
        </Link>
      </p>
      {writable ? (
        <>
          <Card title={t("rules.controls")} className="max-w-3xl">
            <RuleControls
              id={rule.id}
              name={rule.name}
              enabled={rule.enabled}
              hasHistory={rule.hasHistory}
              afterDelete="/devops/alerts/rules"
            />
            {rule.hasHistory ? <p className="mt-2 text-xs text-muted">{t("rules.hasHistoryHint")}</p> : null}
          </Card>
          <RuleForm id={rule.id} initial={ruleFormValues(rule)} />
        </>
      ) : (
        <p className="text-sm text-muted">{t("rules.readOnly")}</p>
      )}
    </div>
  );
}
