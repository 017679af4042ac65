import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { can, type UserActor } from "@/server/auth/actor";
import { getPreferences } from "@/server/platform/notifications/preferences-service";
import { NotificationPreferencesForm } from "./notification-preferences-form";

/** The profile's notification section: the caller's own kind × channel grid (kinds they can receive). */
export async function NotificationPreferences({ actor }: { actor: UserActor }) {
  if (!can(actor, "notifications.read")) return null;
  const t = await getTranslations("notifications.preferences");
  const rows = await getPreferences(await getDb(), actor);
  return (
    <div id="notification-preferences">
      <Card title={t("title")}>
        <p className="mb-3 text-sm text-muted">{t("description")}</p>
        <NotificationPreferencesForm initial={rows} emailAvailable={!!process.env.SMTP_URL} />
      </Card>
    </div>
  );
}
