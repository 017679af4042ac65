import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/card";
import { requireUser } from "@/server/auth/guards";
import { CreateWebhookForm } from "../webhook-forms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("webhooks"))("create") };
}

export default async function NewWebhookPage() {
  await requireUser("integrations.manage");
  const t = await getTranslations("webhooks");
  return (
    <div>
      <PageHeader title={t("create")} description={t("createHelp")} />
      <CreateWebhookForm />
    </div>
  );
}
