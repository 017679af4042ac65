import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { signOutAction } from "@/app/_actions/preferences";
import type { UserActor } from "@/server/auth/actor";

export async function UserMenu({ actor }: { actor: UserActor }) {
  const t = await getTranslations();
  return (
    <details className="relative">
      <summary className="flex min-h-10 cursor-pointer list-none items-center gap-2 rounded-md border border-border bg-surface px-3 text-sm">
        <span aria-hidden="true" className="grid size-6 place-items-center rounded-full bg-primary text-xs font-semibold text-primary-fg">
          {actor.name.slice(0, 1).toUpperCase()}
        </span>
        <span className="hidden max-w-40 truncate sm:inline" data-testid="user-name">
          {actor.name}
        </span>
        <span className="sr-only">{t("common.userMenu")}</span>
      </summary>
      <div className="absolute end-0 z-20 mt-2 w-56 rounded-md border border-line bg-surface p-2 shadow-lg">
        <p className="px-2 py-1 text-xs text-muted">
          {actor.email} · {t(`roles.${actor.role}`)}
        </p>
        <Link href="/profile" className="block rounded px-2 py-2 text-sm hover:bg-surface-2">
          {t("nav.profile")}
        </Link>
        <form action={signOutAction}>
          <button type="submit" className="w-full rounded px-2 py-2 text-start text-sm hover:bg-surface-2" data-testid="sign-out">
            {t("auth.signOut")}
          </button>
        </form>
      </div>
    </details>
  );
}
