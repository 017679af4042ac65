import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LocaleSwitcher } from "@/components/layout/locale-switcher";
import { Brand, LozengeLattice, ZigzagBand } from "@/components/ui/motif";
import { homeFor } from "@/lib/permissions";
import { safeNext } from "@/lib/safe-next";
import { getActor } from "@/server/auth/guards";
import { SignInForm } from "./sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("signIn") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  const actor = await getActor();
  if (actor) redirect(safeNext(params.next) ?? homeFor(actor.role));
  const t = await getTranslations();
  const notice = params.signedOut
    ? t("auth.signedOut")
    : params.passwordChanged
      ? t("auth.passwordChanged")
      : params.error
        ? t("auth.errors.invalid")
        : null;
  return (
    <div className="relative flex min-h-screen flex-col">
      <LozengeLattice className="pointer-events-none absolute inset-x-0 top-0 h-40 w-full text-accent/10" />
      <div className="relative flex items-center justify-between px-4 py-3">
        <Brand className="text-lg" />
        <LocaleSwitcher />
      </div>
      <main id="main" className="relative mx-auto flex w-full max-w-md flex-1 flex-col justify-center px-4 pb-16">
        <div className="rounded-xl border border-line bg-surface p-6 shadow-sm">
          <h1 className="text-2xl font-semibold">{t("auth.welcome")}</h1>
          <p className="mb-6 mt-1 text-muted">{t("common.tagline")}</p>
          {notice ? (
            <p role="status" className="mb-4 rounded-md border border-info p-3 text-sm text-info">
              {notice}
            </p>
          ) : null}
          <SignInForm next={safeNext(params.next) ?? ""} />
        </div>
        <ZigzagBand className="mt-6 text-accent/40" />
      </main>
    </div>
  );
}
