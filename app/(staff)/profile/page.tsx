import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { NotificationPreferences } from "@/components/notifications/notification-preferences";
import { Card, PageHeader } from "@/components/ui/card";
import { requireUser } from "@/server/auth/guards";
import { PasswordForm } from "./password-form";
import { ProfileForm } from "./profile-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("profile") };
}

export default async function ProfilePage() {
  const actor = await requireUser("profile.self");
  const t = await getTranslations();
  return (
    <div className="max-w-xl space-y-6">
      <PageHeader title={t("nav.profile")} description={`${actor.email} · ${t(`roles.${actor.role}`)}`} />
      <Card title={t("profile.preferences")}>
        <ProfileForm initial={{ name: actor.name, locale: actor.locale, theme: actor.theme }} />
      </Card>
      <NotificationPreferences actor={actor} />
      <Card title={t("profile.changePassword")}>
        <PasswordForm />
      </Card>
    </div>
  );
}
