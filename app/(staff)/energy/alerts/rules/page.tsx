import Link from "next/link";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { can } from "@/server/auth/actor";
import { requireUser } from "@/server/auth/guards";
import { alertMeterOptions, alertSiteOptions } from "@/server/energy/alerts/rule-options";
import { listAlertRules } from "@/server/energy/alerts/rules-query";
import { requireTemplate } from "@/server/platform/templates";
import { RuleForm } from "./rule-form";
import { RulesTable } from "./rules-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("alerts"))("rules.title") };
}

/** Threshold rules for readers of measurements; admins (`alerts.manage`) create, edit, enable, disable and delete them. */
export default async function AlertRulesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  requireTemplate("energy");
  const actor = await requireUser("measurements.read");
  const t = await getTranslations("alerts");
  const saved = (await searchParams).saved;
  const db = await getDb();
  const writable = can(actor, "alerts.manage");
  const [rules, meters, sites] = await Promise.all([
    listAlertRules(db, actor),
    writable ? alertMeterOptions(db, actor) : [],
    writable ? alertSiteOptions(db, actor) : [],
  ]);
  return (
    <div className="space-y-6">
      <PageHeader title={t("rules.title")} description={t("rules.description")} />
      <p className="text-sm">
        <Link href="/energy/alerts" className="text-primary underline underline-offset-2">
          {t("backToAlerts")}
        </Link>
      </p>
      {saved ? (
        <p role="status" className="rounded-md border border-success p-3 text-sm text-success">
          {t("rules.saved")}
        </p>
      ) : null}
      {rules.length === 0 ? (
        <p className="rounded-md border border-line bg-surface p-6 text-center text-muted" data-testid="empty">
          {t("rules.empty")}
        </p>
      ) : (
        <RulesTable rules={rules} writable={writable} />
      )}
      {writable ? (
        <Card title={t("rules.create")}>
          <RuleForm meters={meters} sites={sites} />
        </Card>
      ) : null}
    </div>
  );
}
