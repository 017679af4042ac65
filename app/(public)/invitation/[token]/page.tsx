import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { LocaleSwitcher } from "@/components/layout/locale-switcher";
import { buttonClass } from "@/components/ui/button";
import { Brand, LozengeLattice } from "@/components/ui/motif";
import { getDb } from "@/db/client";
import { invitationTokenSchema } from "@/lib/validation/clients";
import { invitationState } from "@/server/energy/clients/client-accounts";
import { InvitationForm } from "./invitation-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("invitation");
  return { title: t("title"), robots: { index: false, follow: false } };
}

/**
 * Public page of an invitation link: the invited person chooses a name and a password and
 * gets a client account linked to the client. An unknown, used or expired link says so.
 */
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const parsed = invitationTokenSchema.safeParse(token);
  const state = parsed.success ? await invitationState(await getDb(), parsed.data) : ({ state: "unknown" } as const);
  const t = await getTranslations("invitation");
  const format = await getFormatter();
  return (
    <div className="relative flex min-h-screen flex-col">
      <LozengeLattice className="pointer-events-none absolute inset-x-0 top-0 h-40 w-full text-accent/10" />
      <div className="relative flex items-center justify-between px-4 py-3">
        <Brand className="text-lg" />
        <LocaleSwitcher />
      </div>
      <main id="main" className="relative mx-auto flex w-full max-w-md flex-1 flex-col justify-center px-4 pb-16">
        <div className="rounded-xl border border-line bg-surface p-6 shadow-sm">
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          {state.state === "valid" ? (
            <>
              <p className="mb-6 mt-1 text-muted">
                {t("intro", {
                  client: state.clientName,
                  when: format.dateTime(state.expiresAt, { dateStyle: "medium", timeStyle: "short" }),
                })}
              </p>
              <InvitationForm token={parsed.data!} email={state.email} />
            </>
          ) : (
            <div role="alert" className="mt-3 space-y-4" data-testid="invitation-state" data-state={state.state}>
              <p>{t(`states.${state.state}`)}</p>
              <Link href="/sign-in" className={buttonClass("secondary")}>
                {t("signIn")}
              </Link>
            </div>
          )}
        </div>
      </main>
    </div>
  );
}
