import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { templates, type TemplateId } from "@/lib/templates";
import { can } from "@/server/auth/actor";
import { requireUser } from "@/server/auth/guards";
import { requireTemplate } from "@/server/platform/templates";

export async function templateMetadata(id: TemplateId): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t(templates[id].labelKey) };
}

/** A template's landing page: what it covers and what this role may do in it. */
export async function TemplateOverview({ id }: { id: TemplateId }) {
  requireTemplate(id);
  const template = templates[id];
  const actor = await requireUser(template.nav[0]!.permission);
  const t = await getTranslations();
  return (
    <div className="space-y-6">
      <PageHeader title={t(template.labelKey)} description={t(`templates.${id}.description`)} />
      <Card title={t("templates.yourAccess")}>
        <ul className="divide-y divide-line text-sm">
          {template.permissions.map((p) => {
            const allowed = can(actor, p);
            return (
              <li key={p} className="flex flex-wrap items-center justify-between gap-2 py-2" data-permission={p}>
                <span>{t(`permissions.${p.replace(".", "_")}`)}</span>
                <Badge tone={allowed ? "success" : "neutral"}>{allowed ? t("templates.allowed") : t("templates.notAllowed")}</Badge>
              </li>
            );
          })}
        </ul>
      </Card>
    </div>
  );
}
