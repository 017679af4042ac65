import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Brand, ZigzagBand } from "@/components/ui/motif";
import { getDb } from "@/db/client";
import { can, type UserActor } from "@/server/auth/actor";
import { unreadCount } from "@/server/platform/notifications/notifications-service";
import { LocaleSwitcher } from "./locale-switcher";
import { NotificationBell } from "./notification-bell";
import { ThemeToggle } from "./theme-toggle";
import { UserMenu } from "./user-menu";

export async function AppHeader({ actor, homeHref }: { actor: UserActor; homeHref: string }) {
  const t = await getTranslations("common");
  return (
    <header className="border-b border-line bg-surface">
      <div className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 md:px-6">
        <Link href={homeHref} className="rounded px-1" aria-label={t("home")}>
          <Brand />
        </Link>
        <div className="flex flex-wrap items-center gap-2">
          <LocaleSwitcher />
          <ThemeToggle theme={actor.theme} />
          {can(actor, "notifications.read") ? (
            <NotificationBell
              initialUnread={await unreadCount(await getDb(), actor.id)}
              pageHref={actor.role === "client" ? "/client/notifications" : "/notifications"}
            />
          ) : null}
          <UserMenu actor={actor} />
        </div>
      </div>
      <ZigzagBand className="text-accent/40" />
    </header>
  );
}
