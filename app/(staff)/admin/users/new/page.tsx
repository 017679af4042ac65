import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CreateUserForm } from "@/components/forms/user-form";
import { PageHeader } from "@/components/ui/card";
import { requireUser } from "@/server/auth/guards";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("users"))("create") };
}

export default async function NewUserPage() {
  await requireUser("users.write");
  const t = await getTranslations("users");
  return (
    <div>
      <PageHeader title={t("create")} />
      <CreateUserForm />
    </div>
  );
}
